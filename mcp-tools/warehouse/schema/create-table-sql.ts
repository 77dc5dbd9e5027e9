import { quoteQualifiedName } from '../../db/index.js';
import type { TableDefinition } from './table-definition.js';

/** The CREATE TABLE statement for a definition (pure). */
export function createTableSql(table: TableDefinition): string {
  const lines = table.columns.map(
    (column) => `  ${quoteQualifiedName(column.name)} ${column.type}${column.required ? ' NOT NULL' : ''}`,
  );
  if (table.primaryKey && table.primaryKey.length > 0) {
    lines.push(`  PRIMARY KEY (${table.primaryKey.map((column) => quoteQualifiedName(column)).join(', ')})`);
  }
  for (const constraint of table.constraints ?? []) lines.push(`  ${constraint}`);
  return `CREATE TABLE ${quoteQualifiedName(`${table.schema}.${table.name}`)} (\n${lines.join(',\n')}\n);`;
}
