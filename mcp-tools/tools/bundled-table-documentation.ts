import { describeWarehouseTable } from '../warehouse/index.js';
import type { TableDocumentation } from './table-documentation.js';

/** The table documentation bundled with Hale: OHDSI's OMOP texts and the booking mart's. */
export const bundledTableDocumentation: TableDocumentation = { describe: describeWarehouseTable };
