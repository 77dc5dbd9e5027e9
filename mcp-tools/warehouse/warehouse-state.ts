import type { Queryable } from '../db/index.js';

/** One part of the warehouse and where its data came from. */
export interface WarehouseStatePart {
  part: 'clinical' | 'vocabulary' | 'scheduling';
  source: string;
  details: Record<string, unknown>;
  loadedAt: string;
}

/** Reads what `hale seed` and `hale cdm load` recorded (empty for a never-seeded database). */
export async function readWarehouseState(application: Queryable): Promise<WarehouseStatePart[]> {
  const result = await application.query<{
    part: WarehouseStatePart['part'];
    source: string;
    details: Record<string, unknown>;
    loaded_at: string;
  }>('SELECT part, source, details, loaded_at FROM hale.warehouse_state ORDER BY part');
  return result.rows.map((row) => ({
    part: row.part,
    source: row.source,
    details: row.details,
    loadedAt: row.loaded_at,
  }));
}

/** Records where one warehouse part came from, inside the transaction that loaded it. */
export async function recordWarehouseState(
  transaction: Queryable,
  {
    part,
    source,
    details,
  }: { part: WarehouseStatePart['part']; source: string; details: Record<string, unknown> },
): Promise<void> {
  await transaction.query(
    `INSERT INTO hale.warehouse_state (part, source, details, loaded_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (part) DO UPDATE SET source = EXCLUDED.source, details = EXCLUDED.details, loaded_at = now()`,
    [part, source, JSON.stringify(details)],
  );
}

/**
 * Whether the database holds `hale.warehouse_state`: it does where the app migrations ran, not on a
 * separate warehouse (`WAREHOUSE_URL`), where loads are not recorded.
 */
export async function hasWarehouseState(database: Queryable): Promise<boolean> {
  const result = await database.query<{ present: boolean }>(
    `SELECT to_regclass('hale.warehouse_state') IS NOT NULL AS present`,
  );
  return result.rows[0]?.present === true;
}
