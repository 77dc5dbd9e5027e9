import type { Queryable } from '../../db/index.js';
import type { CatalogColumn, CatalogTable, WarehouseCatalog } from './warehouse-catalog.js';

/**
 * Reads the tables and columns of the given schemas and the database's leakproof operators
 * (trusted, internal: it does not pass the gate).
 */
export async function readWarehouseCatalog(
  database: Queryable,
  schemas: readonly string[],
): Promise<WarehouseCatalog> {
  const result = await database.query<{
    table_schema: string;
    table_name: string;
    column_name: string;
    data_type: string;
    row_estimate: number | string;
  }>(
    `SELECT n.nspname AS table_schema, c.relname AS table_name, a.attname AS column_name,
            format_type(a.atttypid, a.atttypmod) AS data_type, c.reltuples::bigint AS row_estimate
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = ANY ($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY n.nspname, c.relname, a.attnum`,
    [schemas],
  );
  const tables = new Map<string, CatalogTable & { columns: CatalogColumn[] }>();
  for (const row of result.rows) {
    const key = `${row.table_schema}.${row.table_name}`;
    let table = tables.get(key);
    if (!table) {
      const estimate = Number(row.row_estimate);
      table = {
        schema: row.table_schema,
        name: row.table_name,
        columns: [],
        // reltuples is -1 for a table never vacuumed or analysed.
        ...(estimate >= 0 ? { rowCountEstimate: estimate } : {}),
      };
      tables.set(key, table);
    }
    table.columns.push({ name: row.column_name, type: row.data_type });
  }
  const operators = await database.query<{ operator: string }>(
    `SELECT format_type(o.oprleft, NULL) || ' ' || o.oprname || ' ' || format_type(o.oprright, NULL) AS operator
       FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_proc p ON p.oid = o.oprcode
      WHERE o.oprkind = 'b' AND p.proleakproof`,
  );
  const extensions = await database.query<{ extname: string; nspname: string }>(
    `SELECT e.extname, n.nspname FROM pg_catalog.pg_extension e
       JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace`,
  );
  return {
    tables,
    leakproofOperators: new Set(operators.rows.map((row) => row.operator)),
    extensionSchemas: new Map(extensions.rows.map((row) => [row.extname, row.nspname])),
  };
}
