import type { Transaction } from '../../db/index.js';
import { createTableSql } from './create-table-sql.js';
import { searchTextSql } from './search-text.js';
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
  if (schema === 'vocab') await createConceptSearchIndexes(transaction);
  for (const table of tablesOfSchema(schema)) await transaction.exec(`ANALYZE ${schema}.${table.name}`);
}

/**
 * Full-text and trigram (GiST) indexes for concept search, on names and synonyms, over the
 * accent-free lower-case text the search compares. The trigram index needs pg_trgm, which migrations
 * install where the server has it; without it, search falls back to full text and substrings.
 */
async function createConceptSearchIndexes(transaction: Transaction): Promise<void> {
  const trigram = await transaction.query<{ nspname: string }>(
    `SELECT n.nspname FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
      WHERE e.extname = 'pg_trgm'`,
  );
  const schema = trigram.rows[0]?.nspname;
  for (const [table, column] of [
    ['concept', 'concept_name'],
    ['concept_synonym', 'concept_synonym_name'],
  ] as const) {
    const text = searchTextSql(column);
    await transaction.exec(`CREATE INDEX ON vocab.${table} USING gin (to_tsvector('simple', ${text}))`);
    // Nearest spellings first (KNN on word-similarity distance), for searches with a typo.
    if (schema)
      await transaction.exec(`CREATE INDEX ON vocab.${table} USING gist (${text} ${schema}.gist_trgm_ops)`);
  }
  await transaction.exec('CREATE INDEX ON vocab.concept (concept_code)');
}
