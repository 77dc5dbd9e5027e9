import { omopTables } from './omop-tables.js';
import { schedulingTables } from './scheduling-tables.js';
import type { TableDefinition } from './table-definition.js';

/** The three warehouse schemas. Each is replaced as a unit by a seed or a load. */
export type WarehouseSchema = TableDefinition['schema'];

/** Every warehouse table, OMOP first. */
export const warehouseTables: readonly TableDefinition[] = [...omopTables, ...schedulingTables];

/** The tables of one schema. */
export function tablesOfSchema(schema: WarehouseSchema): TableDefinition[] {
  return warehouseTables.filter((table) => table.schema === schema);
}
