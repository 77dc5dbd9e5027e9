import { z } from 'zod';
import { compileDimensionValuesQuery } from '../../semantic-layer/index.js';
import { defineTool, readOnlyToolAnnotations } from '../tools/tool-definition.js';
import { ToolError } from '../tools/tool-error.js';
import { compileOrExplain } from './metric-query-failure.js';

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** `get_dimension_values`: the values a dimension takes, governed like any query. */
export const getDimensionValuesTool = defineTool({
  name: 'get_dimension_values',
  title: 'Get dimension values',
  description:
    'Lists the values a dimension takes (e.g. the regions, the booking channels, the condition names), as the current user may see them: the query runs through the governance gate, so values outside their scope are absent and, for aggregate-only users, values shared by too few patients are hidden. Give a metric to list the values where that metric has data, with its value; use `search` to find a value (case-insensitive substring). Use the exact value in query_metrics filters.',
  inputSchema: z
    .object({
      dimension: z
        .string()
        .min(1)
        .max(200)
        .describe('A dimension name from get_dimensions (`practice__region`, `channel`).'),
      metric: z.string().min(1).max(200).optional().describe('Only values where this metric has data.'),
      search: z.string().min(1).max(200).optional().describe('Only values containing this text.'),
      limit: z
        .number()
        .int()
        .min(1)
        .max(1_000)
        .optional()
        .describe('Values to return at most (default 100).'),
    })
    .strict(),
  outputSchema: z.object({
    dimension: z.string(),
    values: z.array(z.object({ value: cell, count: cell })),
    countLabel: z.string().describe('What `count` is: rows of the table, or the metric.'),
    truncated: z.boolean(),
    hiddenGroups: z.number().int().describe('Values hidden because they counted too few patients.'),
  }),
  annotations: readOnlyToolAnnotations,
  async execute({ dimension, metric, search, limit }, { principal, channel, signal, ports }) {
    const wanted = limit ?? 100;
    const compiled = compileOrExplain(() =>
      compileDimensionValuesQuery(ports.semanticLayer, {
        dimension,
        ...(metric ? { metric } : {}),
        ...(search ? { search } : {}),
        limit: wanted + 1,
      }),
    );
    const result = await ports.warehouse.run({
      sql: compiled.sql,
      parameters: compiled.parameters,
      principal,
      channel,
      tool: 'get_dimension_values',
      signal,
    });
    if (result.status !== 'ok')
      throw new ToolError(result.code ?? 'query_failed', result.reason ?? 'the query failed', {
        suggestions: result.suggestions ?? [],
      });
    const values = result.rows.slice(0, wanted).map((row) => ({
      value: row[compiled.valueColumn] as z.infer<typeof cell>,
      count: row[compiled.countColumn] as z.infer<typeof cell>,
    }));
    const suppression = result.suppression;
    return {
      dimension,
      values,
      countLabel: metric ?? 'rows',
      truncated: result.rows.length > wanted || result.truncated,
      hiddenGroups: suppression ? suppression.smallGroups + suppression.complementaryGroups : 0,
    };
  },
  renderText({ dimension, values, countLabel, truncated, hiddenGroups }) {
    if (values.length === 0)
      return `No value of ${dimension} you may see${hiddenGroups ? ` (${hiddenGroups} hidden: too few patients)` : ''}.`;
    const lines = values.map(
      (entry) => `${entry.value === null ? '(none)' : String(entry.value)}: ${entry.count}`,
    );
    const notes = [
      truncated ? 'more values exist; narrow with search' : '',
      hiddenGroups ? `${hiddenGroups} values hidden (too few patients)` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return `${dimension} (${countLabel}):\n${lines.join('\n')}${notes ? `\n(${notes})` : ''}`;
  },
});
