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
 * Trigram and full-text indexes for concept search, on names and synonyms, over the accent-free
 * lower-case text the search compares. Trigram indexes need pg_trgm, which migrations install where
 * the server has it; without it, search falls back to full text and substrings.
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
    if (schema) {
      await transaction.exec(`CREATE INDEX ON vocab.${table} USING gin (${text} ${schema}.gin_trgm_ops)`);
      // Nearest spellings first (KNN on word similarity distance), for searches with a typo.
      await transaction.exec(`CREATE INDEX ON vocab.${table} USING gist (${text} ${schema}.gist_trgm_ops)`);
    }
  }
  await transaction.exec('CREATE INDEX ON vocab.concept (concept_code)');
  // PostgreSQL prices these functions like an addition, so on a small vocabulary it scans every row
  // and computes trigrams and text vectors for each (70 ms on the embedded database) rather than use
  // the indexes (7 ms). Their real cost makes the planner choose the indexes. Only the owner of the
  // functions may change it; elsewhere search still works, with scans.
  for (const statement of [
    ...(schema
      ? [
          `ALTER FUNCTION ${schema}.similarity_op(text, text) COST 1000`,
          `ALTER FUNCTION ${schema}.word_similarity_commutator_op(text, text) COST 1000`,
        ]
      : []),
    'ALTER FUNCTION pg_catalog.to_tsvector(regconfig, text) COST 1000',
  ]) {
    await transaction.exec('SAVEPOINT hale_function_cost');
    try {
      await transaction.exec(statement);
      await transaction.exec('RELEASE SAVEPOINT hale_function_cost');
    } catch {
      await transaction.exec('ROLLBACK TO SAVEPOINT hale_function_cost');
    }
  }
}
