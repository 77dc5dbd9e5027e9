import { quoteQualifiedName, type Transaction } from '../../db/index.js';
import type { TableDefinition } from './table-definition.js';
import { tablesOfSchema } from './warehouse-tables.js';

/** A primary key that could not be built because the data repeats a key value. */
export interface DuplicateKey {
  table: TableDefinition;
  /** The server's description, e.g. `Key (observation_id)=(1836) is duplicated.` */
  detail: string;
}

function duplicateDetail(error: unknown): string | undefined {
  const fields = error as { code?: unknown; detail?: unknown };
  if (fields?.code !== '23505') return undefined;
  return typeof fields.detail === 'string' ? fields.detail : 'a key value appears more than once';
}

/**
 * Adds the OMOP primary keys of a freshly loaded schema, one savepoint per table. A table whose
 * rows repeat a key is left without its key and returned, so the caller decides: refuse the load,
 * or keep every row and report it (the official CDM ships its keys as an optional script, and
 * widely used exports such as Eunomia GiBleed repeat ids).
 */
export async function addPrimaryKeys(
  transaction: Transaction,
  schema: 'cdm' | 'vocab',
): Promise<DuplicateKey[]> {
  const duplicates: DuplicateKey[] = [];
  for (const table of tablesOfSchema(schema)) {
    if (!table.primaryKey?.length) continue;
    const columns = table.primaryKey.map((column) => quoteQualifiedName(column)).join(', ');
    await transaction.exec('SAVEPOINT add_primary_key');
    try {
      await transaction.exec(
        `ALTER TABLE ${quoteQualifiedName(`${schema}.${table.name}`)} ADD PRIMARY KEY (${columns})`,
      );
      await transaction.exec('RELEASE SAVEPOINT add_primary_key');
    } catch (error) {
      const detail = duplicateDetail(error);
      if (detail === undefined) throw error;
      await transaction.exec('ROLLBACK TO SAVEPOINT add_primary_key');
      duplicates.push({ table, detail });
    }
  }
  return duplicates;
}
