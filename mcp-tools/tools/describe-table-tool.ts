import { z } from 'zod';
import { closestNames } from '../../semantic-layer/index.js';
import { accessibleTables, findAccessibleTable } from './table-access-summary.js';
import { defineTool, readOnlyToolAnnotations } from './tool-definition.js';
import { ToolError } from './tool-error.js';

const describedColumn = z.object({
  name: z.string(),
  type: z.string().describe('PostgreSQL type.'),
  description: z.string().optional(),
  rule: z
    .enum(['allow', 'deny', 'mask'])
    .describe('`deny`: you may not use it in any clause; `mask`: you see a masked value.'),
  mask: z.string().optional().describe('How a masked column is shown to you.'),
});

/** `describe_table`: columns, types and descriptions, with the policy's effect on each. */
export const describeTableTool = defineTool({
  name: 'describe_table',
  title: 'Describe a table',
  description:
    'Describes one table the current user may query: what it holds, every column with its PostgreSQL type and meaning, and which columns are denied to them (unusable in any clause) or masked (they see a reduced value, e.g. only the year of a date). Also says whether rows are limited to their scope and, for aggregate-only tables, the patient key counted and the minimum group size. Use it before writing SQL for `run_sql`.',
  inputSchema: z
    .object({
      table: z
        .string()
        .min(1)
        .max(200)
        .describe('`schema.table` (e.g. `scheduling.appointment`) or a bare table name.'),
    })
    .strict(),
  outputSchema: z.object({
    table: z.string(),
    description: z.string().optional(),
    access: z.enum(['rows', 'aggregate']),
    rowFiltered: z.boolean(),
    entityKey: z
      .string()
      .optional()
      .describe('For aggregate-only tables: the patient key groups are counted by.'),
    minimumCellSize: z.number().int().optional(),
    columns: z.array(describedColumn),
  }),
  annotations: readOnlyToolAnnotations,
  async execute({ table: name }, { principal, ports }) {
    const { policy, catalog } = ports.warehouse;
    const tables = accessibleTables({ policy, catalog, principal });
    const found = findAccessibleTable(tables, name);
    if (!found) {
      // Compare like with like: `schema.table` against qualified names, a bare name against bare ones.
      const qualified = name.includes('.');
      const names = tables.map((entry) => (qualified ? entry.name : entry.table.name));
      const suggestions = closestNames(name.trim().toLowerCase(), names).map(
        (close) => tables[names.indexOf(close)]?.name ?? close,
      );
      throw new ToolError(
        'not_permitted',
        `there is no table ${JSON.stringify(name)} that you may query; call list_tables for the ones you may`,
        { suggestions: [...new Set(suggestions)] },
      );
    }
    const documentation = ports.documentation.describe(found.table.schema, found.table.name);
    const denied = new Set(found.deniedColumns);
    const masks = new Map(found.maskedColumns.map(({ column, mask }) => [column, mask]));
    const columns = found.table.columns.map((column) => {
      const description = documentation?.columns[column.name];
      const mask = masks.get(column.name);
      return {
        name: column.name,
        type: column.type,
        ...(description ? { description } : {}),
        rule: denied.has(column.name) ? ('deny' as const) : mask ? ('mask' as const) : ('allow' as const),
        ...(mask ? { mask } : {}),
      };
    });
    return {
      table: found.name,
      ...(documentation?.description ? { description: documentation.description } : {}),
      access: found.access,
      rowFiltered: found.rowFiltered,
      ...(found.entityKey ? { entityKey: found.entityKey } : {}),
      ...(found.minimumCellSize ? { minimumCellSize: found.minimumCellSize } : {}),
      columns,
    };
  },
  renderText(output) {
    const lines = [`${output.table}${output.description ? ` — ${output.description}` : ''}`];
    const traits = [output.access === 'rows' ? 'readable row by row' : 'aggregates only'];
    if (output.rowFiltered) traits.push('rows limited to your scope');
    if (output.entityKey)
      traits.push(`groups need at least ${output.minimumCellSize ?? 1} distinct ${output.entityKey}`);
    lines.push(`Access: ${traits.join('; ')}.`);
    for (const column of output.columns) {
      const rule =
        column.rule === 'deny'
          ? ' [DENIED: do not use]'
          : column.rule === 'mask'
            ? ` [masked: ${column.mask}]`
            : '';
      lines.push(
        `- ${column.name} ${column.type}${rule}${column.description ? ` — ${column.description}` : ''}`,
      );
    }
    return lines.join('\n');
  },
});
