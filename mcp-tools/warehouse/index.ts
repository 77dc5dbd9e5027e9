export { type DemoWarehouse, generateDemoWarehouse } from './demo-data/generate-demo-warehouse.js';
export {
  type CdmVersion,
  type LoadProgress,
  type LoadReport,
  loadOmopDataset,
  OmopLoadError,
} from './omop-loader/index.js';
export { addPrimaryKeys } from './schema/add-primary-keys.js';
export { describeWarehouseTable } from './schema/describe-warehouse-table.js';
export { createSchemaIndexes, recreateSchema } from './schema/recreate-schema.js';
export type { ColumnDefinition, TableDefinition } from './schema/table-definition.js';
export type { TableDescription } from './schema/table-description.js';
export { tablesOfSchema, type WarehouseSchema, warehouseTables } from './schema/warehouse-tables.js';
export { bundledVocabularyPath, type SeedReport, seedDemoWarehouse } from './seed-demo-warehouse.js';
export { WarehouseError, type WarehouseErrorCode } from './warehouse-error.js';
export { readWarehouseState, recordWarehouseState, type WarehouseStatePart } from './warehouse-state.js';
