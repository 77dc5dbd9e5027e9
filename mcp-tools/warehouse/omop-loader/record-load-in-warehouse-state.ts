import type { Transaction } from '../../db/index.js';
import { tablesOfSchema } from '../schema/warehouse-tables.js';
import { hasWarehouseState, recordWarehouseState } from '../warehouse-state.js';
import type { LoadReport, OmopSchema } from './load-report.js';

const partOfSchema: Readonly<Record<OmopSchema, 'clinical' | 'vocabulary'>> = {
  cdm: 'clinical',
  vocab: 'vocabulary',
};

/**
 * Records where each replaced schema's data came from in `hale.warehouse_state`, inside the load's
 * transaction. Skipped when the table does not exist (a database the app migrations never ran on).
 */
export async function recordLoadInWarehouseState({
  transaction,
  report,
  source,
}: {
  transaction: Transaction;
  report: LoadReport;
  source: string;
}): Promise<void> {
  if (!(await hasWarehouseState(transaction))) return;
  for (const schema of report.replacedSchemas) {
    const names = new Set(tablesOfSchema(schema).map((table) => table.name));
    const tables = Object.fromEntries(Object.entries(report.tables).filter(([name]) => names.has(name)));
    await recordWarehouseState(transaction, {
      part: partOfSchema[schema],
      source,
      details: { tables, cdmVersion: report.cdmVersion },
    });
  }
}
