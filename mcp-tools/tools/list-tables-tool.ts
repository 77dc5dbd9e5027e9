import { z } from 'zod';
import { accessibleTables } from './table-access-summary.js';
import { defineTool, readOnlyToolAnnotations } from './tool-definition.js';

const listedTable = z.object({
  table: z.string().describe('`schema.table`, as written in SQL.'),
  access: z.enum(['rows', 'aggregate']),
  rowFiltered: z.boolean().describe('Rows are limited to your scope.'),
  description: z.string().optional(),
  rowCountEstimate: z
    .number()
    .int()
    .optional()
    .describe('Approximate number of rows; given only when you may see the whole table.'),
});

/** `list_tables`: the tables the principal may query. */
export const listTablesTool = defineTool({
  name: 'list_tables',
  title: 'List tables',
  description:
    'Lists the warehouse tables the current user may query, as `schema.table`, with how (row by row, or aggregates only), whether rows are limited to their scope, a one-line description and an approximate row count where they may see the whole table. Schemas: `scheduling` (appointment-booking mart: appointment, patient, practice, practitioner, specialty), `cdm` (OMOP CDM 5.4 clinical data), `vocab` (OMOP vocabularies: concept, concept_ancestor …). Filter with `schema` or `search`; then call `describe_table` before writing SQL.',
  inputSchema: z
    .object({
      schema: z.enum(['scheduling', 'cdm', 'vocab']).optional().describe('Only tables of this schema.'),
      search: z
        .string()
        .max(200)
        .optional()
        .describe('Only tables whose name or description contains this text (case-insensitive).'),
    })
    .strict(),
  outputSchema: z.object({ tables: z.array(listedTable), count: z.number().int() }),
  annotations: readOnlyToolAnnotations,
  async execute({ schema, search }, { principal, ports }) {
    const { policy, catalog } = ports.warehouse;
    const wanted = search?.trim().toLowerCase();
    const tables = accessibleTables({ policy, catalog, principal })
      .filter((entry) => !schema || entry.table.schema === schema)
      .map((entry) => {
        const description = ports.documentation.describe(entry.table.schema, entry.table.name)?.description;
        // A whole-table count leaks the size of what a filtered principal may not see.
        const estimate = entry.rowFiltered ? undefined : entry.table.rowCountEstimate;
        return {
          table: entry.name,
          access: entry.access,
          rowFiltered: entry.rowFiltered,
          ...(description ? { description } : {}),
          ...(estimate !== undefined ? { rowCountEstimate: estimate } : {}),
        };
      })
      .filter(
        (entry) =>
          !wanted || entry.table.includes(wanted) || (entry.description ?? '').toLowerCase().includes(wanted),
      );
    return { tables, count: tables.length };
  },
  renderText({ tables, count }) {
    if (count === 0) return 'No table matches (you may query none with this filter).';
    const lines = tables.map((entry) => {
      const traits = [entry.access === 'rows' ? 'rows' : 'aggregates only'];
      if (entry.rowFiltered) traits.push('rows limited to your scope');
      if (entry.rowCountEstimate !== undefined)
        traits.push(`≈${entry.rowCountEstimate.toLocaleString('en')} rows`);
      return `${entry.table} (${traits.join(', ')})${entry.description ? ` — ${entry.description}` : ''}`;
    });
    return `${count} table${count === 1 ? '' : 's'} you may query:\n${lines.join('\n')}`;
  },
});
