import { z } from 'zod';
import {
  compileMetricQuery,
  formatMetricSql,
  metricQuerySchema,
  orderResultRows,
} from '../../semantic-layer/index.js';
import { formatResultTable } from '../tools/format-result-table.js';
import { defineTool, readOnlyToolAnnotations } from '../tools/tool-definition.js';
import { ToolError } from '../tools/tool-error.js';
import { compileOrExplain } from './metric-query-failure.js';

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const rowsInText = 50;

export const compiledColumnSchema = z.object({
  name: z.string(),
  role: z.enum(['time', 'dimension', 'entity', 'metric']),
  label: z.string().optional(),
  description: z.string().optional(),
});

/** `query_metrics`: numbers from the data team's metric definitions, through the governance gate. */
export const queryMetricsTool = defineTool({
  name: 'query_metrics',
  title: 'Query metrics',
  description:
    'Computes metrics from the semantic layer, grouped and filtered, as the current user, through Hale\'s governance gate (row filters, masks and small-cell suppression apply). Example: {"metrics": ["cancellations"], "group_by": ["metric_time__month"], "where": [{"dimension": "practice__city", "operator": "=", "values": ["Lyon"]}, "{{ Dimension(\'appointment__visit_type\') }} = \'teleconsultation\'"], "start": "2025-01-01", "end": "2025-07-01"}. Names come from list_metrics and get_dimensions; filter values from get_dimension_values. `start` is inclusive and `end` exclusive. Cumulative and month-over-month metrics need a metric_time group-by. Returns the rows, the SQL that was compiled and the SQL that ran. A refusal lists every problem with suggestions: fix them rather than retrying unchanged.',
  inputSchema: metricQuerySchema.extend({
    maxRows: z
      .number()
      .int()
      .min(1)
      .max(5_000)
      .optional()
      .describe('Rows to return at most (default 5,000).'),
  }),
  outputSchema: z.object({
    columns: z.array(compiledColumnSchema),
    rows: z.array(z.record(z.string(), cell)),
    rowCount: z.number().int(),
    truncated: z.boolean(),
    sql: z.string().describe('The compiled SQL, formatted, with $n parameters.'),
    parameters: z.array(cell).describe('The values of $1, $2 …'),
    executedSql: z.string().describe('The SQL the warehouse ran, after the policy rewrite.'),
    policies: z.array(z.string()),
    suppression: z
      .object({
        smallGroups: z.number().int(),
        complementaryGroups: z.number().int(),
        minimumCellSize: z.number().int(),
      })
      .optional(),
    policyVersion: z.string(),
  }),
  annotations: readOnlyToolAnnotations,
  async execute({ maxRows, ...query }, { principal, channel, signal, ports }) {
    const compiled = compileOrExplain(() => compileMetricQuery(ports.semanticLayer, query));
    const result = await ports.warehouse.run({
      sql: compiled.sql,
      parameters: compiled.parameters,
      principal,
      channel,
      tool: 'query_metrics',
      signal,
      ...(maxRows ? { maxRows } : {}),
    });
    if (result.status !== 'ok') {
      const hint =
        result.code === 'aggregate_required' && compiled.combined
          ? '. With aggregate-only access, metrics computed from several queries (month-over-month, cumulative, or from different tables together) are not available: ask for the simple metrics they are built from, one table at a time'
          : '';
      throw new ToolError(result.code ?? 'query_failed', `${result.reason ?? 'the query failed'}${hint}`, {
        suggestions: result.suggestions ?? [],
      });
    }
    const names = new Set(compiled.columns.map((column) => column.name));
    const groupColumns = compiled.columns
      .filter((column) => column.role !== 'metric')
      .map((column) => column.name);
    const rows = compiled.ordered ? result.rows : orderResultRows(result.rows, groupColumns);
    return {
      // Suppression may drop a column the compiler named (never adds one): keep the ones returned.
      columns: compiled.columns.filter((column) =>
        result.columns.some((returned) => returned.name === column.name),
      ),
      rows: rows.map((row) =>
        Object.fromEntries(Object.entries(row).filter(([name]) => names.has(name))),
      ) as Record<string, z.infer<typeof cell>>[],
      rowCount: result.rowCount,
      truncated: result.truncated,
      sql: formatMetricSql(compiled.sql),
      parameters: compiled.parameters,
      executedSql: result.executedSql ?? compiled.sql,
      policies: result.policies,
      ...(result.suppression ? { suppression: result.suppression } : {}),
      policyVersion: result.policyVersion,
    };
  },
  renderText({ columns, rows, rowCount, truncated, suppression, policies }) {
    const table = formatResultTable({ columns, rows: rows.slice(0, rowsInText) });
    const notes = [
      rowCount > rowsInText
        ? `showing ${rowsInText} of ${rowCount} rows`
        : `${rowCount} row${rowCount === 1 ? '' : 's'}`,
      truncated ? 'the row cap cut the result' : '',
      suppression && suppression.smallGroups + suppression.complementaryGroups > 0
        ? `${suppression.smallGroups + suppression.complementaryGroups} groups hidden (fewer than ${suppression.minimumCellSize} patients)`
        : '',
      policies.length > 0 ? `policies: ${policies.join('; ')}` : '',
    ].filter(Boolean);
    return `${table}\n(${notes.join('; ')})`;
  },
});
