import { omopTables } from '../schema/omop-tables.js';

/**
 * The official CDM 5.4 column names of a vocabulary table (`concept`, `concept_relationship`, …), in
 * order, read from the project's table definitions so that the bundled files cannot drift from the
 * tables they are loaded into. Throws for a name that is not a `vocab` table.
 */
export function vocabularyTableColumns(tableName: string): readonly string[] {
  const table = omopTables.find((candidate) => candidate.schema === 'vocab' && candidate.name === tableName);
  if (!table) throw new Error(`${tableName} is not an OMOP vocabulary table`);
  return table.columns.map((column) => column.name);
}
