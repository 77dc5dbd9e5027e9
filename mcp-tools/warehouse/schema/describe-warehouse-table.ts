import { omopTableDescriptions } from './omop-table-descriptions.js';
import { schedulingTableDescriptions } from './scheduling-table-descriptions.js';
import type { TableDescription } from './table-description.js';

/**
 * The bundled description of a warehouse table: OHDSI's text for OMOP tables (`cdm`, `vocab`), Hale's
 * for the booking mart. Undefined for a table Hale does not know (a customer's own table).
 */
export function describeWarehouseTable(schema: string, table: string): TableDescription | undefined {
  const descriptions = schema === 'scheduling' ? schedulingTableDescriptions : omopTableDescriptions;
  if (schema !== 'scheduling' && schema !== 'cdm' && schema !== 'vocab') return undefined;
  return Object.hasOwn(descriptions, table) ? descriptions[table] : undefined;
}
