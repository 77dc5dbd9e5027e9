import type { TableDescription } from '../warehouse/index.js';

/** Where descriptions of warehouse tables come from (the bundled OMOP and booking-mart texts). */
export interface TableDocumentation {
  describe(schema: string, table: string): TableDescription | undefined;
}
