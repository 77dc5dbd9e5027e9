import type { Transaction } from '../../db/index.js';
import { tablesOfSchema } from '../schema/warehouse-tables.js';
import type { LoadReport, OmopSchema } from './load-report.js';

const partOfSchema: Readonly<Record<OmopSchema, 'clinical' | 'vocabulary'>> = {
  cdm: 'clinical',
  vocab: 'vocabulary',
};

/**
 * Records where each replaced schema's data came from in `hale.warehouse_state`, inside the load's
 * transaction. Skipped when the table does not exist (a database the app migrations never ran on).
 */
export async function recordWarehouseState({
  transaction,
  report,
  source,
}: {
  transaction: Transaction;
  report: LoadReport;
  source: string;
}): Promise<void> {
  const exists = await transaction.query<{ present: boolean }>(
    `SELECT to_regclass('hale.warehouse_state') IS NOT NULL AS present`,
  );
  if (!exists.rows[0]?.present) return;
  for (const schema of report.replacedSchemas) {
    const names = new Set(tablesOfSchema(schema).map((table) => table.name));
    const tables = Object.fromEntries(Object.entries(report.tables).filter(([name]) => names.has(name)));
    await transaction.query(
      `INSERT INTO hale.warehouse_state (part, source, details, loaded_at) VALUES ($1, $2, $3::jsonb, now())
       ON CONFLICT (part) DO UPDATE SET source = excluded.source, details = excluded.details, loaded_at = excluded.loaded_at`,
      [partOfSchema[schema], source, JSON.stringify({ tables, cdmVersion: report.cdmVersion })],
    );
  }
}
