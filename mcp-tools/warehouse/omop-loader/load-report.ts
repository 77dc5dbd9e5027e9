/** The schemas an OMOP load replaces: clinical data (`cdm`) and vocabulary (`vocab`). */
export type OmopSchema = 'cdm' | 'vocab';

/** The CDM version a dataset was written for, as far as its files tell. */
export type CdmVersion = '5.3' | '5.4' | 'unknown';

/**
 * What to do when a file repeats a primary key: `keep-rows` drops that table's primary key and
 * loads every row (reported in `droppedPrimaryKeys`); `fail` aborts the load with `copy_failed`.
 */
export type DuplicateKeyPolicy = 'keep-rows' | 'fail';

/** Emitted while a table loads (about every 100,000 rows) and once when it is done. */
export interface LoadProgress {
  table: string;
  rows: number;
}

/** What an OMOP load did, for the CLI to print and for `hale.warehouse_state`. */
export interface LoadReport {
  /** Rows loaded per lower-case table name, for each table file in the dataset. */
  tables: Record<string, number>;
  /** CSV files that were not loaded, with why (not an OMOP table, a removed CDM 5.3 table, …). */
  skipped: { file: string; reason: string }[];
  /** Header columns dropped per table, as spelled in the file. */
  ignoredColumns: Record<string, string[]>;
  /** Tables whose primary key was dropped because the file repeats a key (`keep-rows` policy). */
  droppedPrimaryKeys: { table: string; reason: string }[];
  /** Schemas replaced as a whole: their tables absent from the dataset are now empty. */
  replacedSchemas: OmopSchema[];
  /**
   * Schemas emptied because they described the replaced data: the demo booking mart links to demo
   * persons, providers and care sites, so it cannot stay beside real clinical data.
   */
  emptiedSchemas: 'scheduling'[];
  cdmVersion: CdmVersion;
}
