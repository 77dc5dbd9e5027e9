import { z } from 'zod';
import { formatResultTable } from './format-result-table.js';
import { defineTool, readOnlyToolAnnotations } from './tool-definition.js';
import { ToolError } from './tool-error.js';

/** A cell as JSON: numbers, text (dates and timestamps too), booleans, null, or JSON and arrays. */
const cellValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.unknown()),
  z.record(z.string(), z.unknown()),
]);

/** Rows shown in the text rendering; the structured result carries every row returned. */
const rowsInText = 50;

/** `run_sql`: one read-only SELECT through the governance gate, as the current user. */
export const runSqlTool = defineTool({
  name: 'run_sql',
  title: 'Run governed SQL',
  description:
    "Runs one read-only PostgreSQL SELECT on the warehouse as the current user, through Hale's governance gate: rows outside their scope are filtered out, masked columns come back masked, denied columns and tables are refused, and for aggregate-only users groups of too few patients are hidden. Qualify tables with their schema (`scheduling.appointment`, `cdm.person`, `vocab.concept`). One statement only; no writes, no SET, no system catalogs. Returns the columns, the rows (capped), the SQL that actually ran and the policies applied. A refusal says why and what is allowed: fix the query rather than retrying it unchanged. When a metric of list_metrics answers the question, prefer query_metrics: its definitions are the data team's.",
  inputSchema: z
    .object({
      sql: z.string().min(1).max(20_000).describe('One SELECT statement (PostgreSQL dialect).'),
      maxRows: z
        .number()
        .int()
        .min(1)
        .max(5_000)
        .optional()
        .describe(
          'Rows to return at most (default and maximum 5,000); aggregate in SQL rather than fetching many rows.',
        ),
    })
    .strict(),
  outputSchema: z.object({
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), cellValue)).describe('One object per row, keyed by column name.'),
    rowCount: z.number().int(),
    truncated: z.boolean().describe('The row or size cap cut the result.'),
    executedSql: z.string().describe('The SQL the warehouse ran, after the policy rewrite.'),
    policies: z.array(z.string()).describe('The policy effects applied to this query.'),
    suppression: z
      .object({
        smallGroups: z.number().int(),
        complementaryGroups: z.number().int(),
        minimumCellSize: z.number().int(),
      })
      .optional()
      .describe('Groups hidden because they counted too few patients.'),
    policyVersion: z.string(),
  }),
  annotations: readOnlyToolAnnotations,
  async execute({ sql, maxRows }, { principal, channel, signal, ports }) {
    const result = await ports.warehouse.run({
      sql,
      principal,
      channel,
      tool: 'run_sql',
      signal,
      ...(maxRows ? { maxRows } : {}),
    });
    if (result.status !== 'ok')
      throw new ToolError(result.code ?? 'query_failed', result.reason ?? 'the query failed', {
        suggestions: result.suggestions ?? [],
      });
    return {
      columns: result.columns.map((column) => column.name),
      // The registry checks the output against the schema: a value the schema lacks is caught there.
      rows: result.rows as Record<string, z.infer<typeof cellValue>>[],
      rowCount: result.rowCount,
      truncated: result.truncated,
      executedSql: result.executedSql ?? sql,
      policies: result.policies,
      ...(result.suppression ? { suppression: result.suppression } : {}),
      policyVersion: result.policyVersion,
    };
  },
  renderText(output) {
    const shown = output.rows.slice(0, rowsInText);
    const lines =
      output.columns.length > 0
        ? [formatResultTable({ columns: output.columns.map((name) => ({ name })), rows: shown })]
        : [];
    let count = `${output.rowCount.toLocaleString('en')} row${output.rowCount === 1 ? '' : 's'}`;
    if (shown.length < output.rowCount) count += `, first ${shown.length} shown`;
    if (output.truncated) count += ', cut by the row cap: aggregate or filter to see everything';
    lines.push(`(${count})`);
    const suppression = output.suppression;
    if (suppression && suppression.smallGroups + suppression.complementaryGroups > 0)
      lines.push(
        `${suppression.smallGroups + suppression.complementaryGroups} group(s) hidden: fewer than ${suppression.minimumCellSize} patients (or derivable from totals). Do not estimate hidden values.`,
      );
    if (output.policies.length > 0) lines.push(`Policies applied: ${output.policies.join('; ')}`);
    return lines.join('\n');
  },
});
