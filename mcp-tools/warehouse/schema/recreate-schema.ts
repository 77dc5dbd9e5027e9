import type { Transaction } from '../../db/index.js';
import { createTableSql } from './create-table-sql.js';
import { warehouseIndexes } from './warehouse-indexes.js';
import { tablesOfSchema, type WarehouseSchema } from './warehouse-tables.js';

/**
 * Drops and recreates one warehouse schema with empty tables, inside the caller's transaction, so a
 * failed load rolls back to the previous data. OMOP tables start without their primary keys: keys
 * are built once after the bulk load (`addPrimaryKeys`), which is faster than maintaining them row by
 * row and lets a load decide what to do when a real export repeats a key. The scheduling mart keeps
 * its keys inline because its foreign keys need them.
 */
export async function recreateSchema(transaction: Transaction, schema: WarehouseSchema): Promise<void> {
  await transaction.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
  const withPrimaryKey = schema === 'scheduling';
  const tables = tablesOfSchema(schema).map((table) =>
    createTableSql(withPrimaryKey ? table : { ...table, primaryKey: undefined }),
  );
  await transaction.exec(tables.join('\n'));
}

/** Builds a schema's secondary indexes and refreshes planner statistics after a bulk load. */
export async function createSchemaIndexes(transaction: Transaction, schema: WarehouseSchema): Promise<void> {
  await transaction.exec(warehouseIndexes[schema].join(';\n'));
  for (const table of tablesOfSchema(schema)) await transaction.exec(`ANALYZE ${schema}.${table.name}`);
}
