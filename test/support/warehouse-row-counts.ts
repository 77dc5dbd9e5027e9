import type { Database } from '../../mcp-tools/db/index.js';

/** Row counts of every table in the `cdm` and `vocab` schemas, keyed `schema.table`, to compare states. */
export async function warehouseRowCounts(database: Database): Promise<Record<string, number>> {
  const tables = await database.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_schema IN ('cdm', 'vocab') ORDER BY 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables.rows) {
    const result = await database.query<{ total: number }>(
      `SELECT count(*) AS total FROM "${schema}"."${name}"`,
    );
    counts[`${schema}.${name}`] = Number(result.rows[0]?.total);
  }
  return counts;
}
