import { warehouseTables } from '../schema/warehouse-tables.js';
import { CsvTableBuffer } from './csv-table-buffer.js';

/** The tables the demo generator fills, by qualified name. Others stay empty. */
export const demoTableNames = [
  'scheduling.specialty',
  'scheduling.practice',
  'scheduling.practitioner',
  'scheduling.patient',
  'scheduling.appointment',
  'cdm.location',
  'cdm.care_site',
  'cdm.provider',
  'cdm.person',
  'cdm.observation_period',
  'cdm.visit_occurrence',
  'cdm.condition_occurrence',
  'cdm.drug_exposure',
  'cdm.procedure_occurrence',
  'cdm.measurement',
  'cdm.observation',
  'cdm.death',
  'cdm.condition_era',
  'cdm.drug_era',
  'cdm.cdm_source',
] as const;

/** A demo table's qualified name. */
export type DemoTableName = (typeof demoTableNames)[number];

/** One empty buffer per demo table, with the columns of its definition. */
export function createDemoTableBuffers(): Record<DemoTableName, CsvTableBuffer> {
  const buffers = {} as Record<DemoTableName, CsvTableBuffer>;
  for (const name of demoTableNames) {
    const definition = warehouseTables.find((table) => `${table.schema}.${table.name}` === name);
    if (!definition) throw new Error(`no table definition for ${name}`);
    buffers[name] = new CsvTableBuffer(
      name,
      definition.columns.map((column) => column.name),
    );
  }
  return buffers;
}
