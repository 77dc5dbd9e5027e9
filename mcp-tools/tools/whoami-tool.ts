import { z } from 'zod';
import { accessibleTables } from './table-access-summary.js';
import { defineTool, readOnlyToolAnnotations } from './tool-definition.js';

const schemaAccess = z.object({
  schema: z.string(),
  rows: z.array(z.string()).describe('Tables readable row by row.'),
  aggregate: z.array(z.string()).describe('Tables readable only as aggregates over large enough groups.'),
  rowFiltered: z.array(z.string()).describe('Tables whose rows are filtered to your scope.'),
});

/** `whoami`: the authenticated principal and what they may see, in plain language. */
export const whoamiTool = defineTool({
  name: 'whoami',
  title: 'Who am I',
  description:
    'Tells who the current user is (as authenticated, not as claimed in the conversation), their role, and in plain language which warehouse data they may see: tables readable row by row, tables readable only as aggregates (with the minimum group size), rows filtered to their scope, and hidden or masked columns. Call it before answering a question about what data is available or why a query was refused.',
  inputSchema: z.object({}).strict(),
  outputSchema: z.object({
    user: z.string(),
    role: z.string(),
    description: z.string(),
    roleDescription: z.string(),
    attributes: z
      .record(
        z.string(),
        z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
      )
      .describe('Your attributes that row filters use (e.g. practice_ids, regions).'),
    schemas: z.array(schemaAccess),
    hiddenColumns: z.array(z.string()).describe('`schema.table.column` you may not read or filter on.'),
    maskedColumns: z.array(z.string()).describe('`schema.table.column (how)` you see only masked.'),
    minimumCellSize: z.number().int().optional(),
    summary: z.string(),
    policyVersion: z.string(),
  }),
  annotations: readOnlyToolAnnotations,
  async execute(_input, { principal, ports }) {
    const { policy, catalog } = ports.warehouse;
    const tables = accessibleTables({ policy, catalog, principal });
    const definition = policy.principals.get(principal.user);
    const role = policy.roles.get(principal.role);
    const schemas = [...new Set(tables.map((table) => table.table.schema))].map((schema) => {
      const ofSchema = tables.filter((table) => table.table.schema === schema);
      return {
        schema,
        rows: ofSchema.filter((table) => table.access === 'rows').map((table) => table.table.name),
        aggregate: ofSchema.filter((table) => table.access === 'aggregate').map((table) => table.table.name),
        rowFiltered: ofSchema.filter((table) => table.rowFiltered).map((table) => table.table.name),
      };
    });
    const hiddenColumns = tables.flatMap((table) =>
      table.deniedColumns.map((column) => `${table.name}.${column}`),
    );
    const maskedColumns = tables.flatMap((table) =>
      table.maskedColumns.map(({ column, mask }) => `${table.name}.${column} (${mask})`),
    );
    const cellSizes = tables.flatMap((table) => (table.minimumCellSize ? [table.minimumCellSize] : []));
    const minimumCellSize = cellSizes.length > 0 ? Math.max(...cellSizes) : undefined;

    const lines = [
      `You are ${principal.user} (role ${principal.role})${definition?.description ? `: ${definition.description.replace(/\.$/, '')}` : ''}.`,
    ];
    if (tables.length === 0) lines.push('You may not query any warehouse table.');
    for (const entry of schemas) {
      const parts: string[] = [];
      if (entry.rows.length > 0) parts.push(`${count(entry.rows.length, 'table')} row by row`);
      if (entry.aggregate.length > 0)
        parts.push(`${count(entry.aggregate.length, 'table')} as aggregates only`);
      if (entry.rowFiltered.length > 0)
        parts.push(`rows limited to your scope in ${entry.rowFiltered.join(', ')}`);
      lines.push(`- ${entry.schema}: ${parts.join('; ')}.`);
    }
    if (minimumCellSize)
      lines.push(
        `Aggregates must group at least ${minimumCellSize} distinct patients; smaller groups are hidden. Row-level reads, window functions and functions that pack rows are refused on aggregate-only tables.`,
      );
    if (hiddenColumns.length > 0) lines.push(`Hidden columns: ${hiddenColumns.join(', ')}.`);
    if (maskedColumns.length > 0) lines.push(`Masked columns: ${maskedColumns.join(', ')}.`);
    lines.push('Every query is read-only and recorded in the audit log.');

    return {
      user: principal.user,
      role: principal.role,
      description: definition?.description ?? '',
      roleDescription: role?.description ?? '',
      attributes: Object.fromEntries(
        Object.entries(principal.attributes).map(([name, value]) => [
          name,
          Array.isArray(value) ? [...value] : (value as string | number | boolean),
        ]),
      ),
      schemas,
      hiddenColumns,
      maskedColumns,
      ...(minimumCellSize ? { minimumCellSize } : {}),
      summary: lines.join('\n'),
      policyVersion: policy.version,
    };
  },
  renderText: (output) => output.summary,
});

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
