/** A column of a warehouse table, with its PostgreSQL type as `format_type` prints it. */
export interface CatalogColumn {
  name: string;
  type: string;
}

/** A warehouse table the gate can govern. */
export interface CatalogTable {
  schema: string;
  name: string;
  columns: readonly CatalogColumn[];
  /**
   * The planner's row count (`pg_class.reltuples`) when the catalog was read; undefined when the
   * table was never analysed. An estimate of the whole table: show it only to whom sees it all.
   */
  rowCountEstimate?: number;
}

/**
 * The warehouse's tables and columns, read once from the database. The gate resolves every name
 * against it, expands `*`, and lists a table's columns explicitly when it fences the table.
 */
export interface WarehouseCatalog {
  tables: ReadonlyMap<string, CatalogTable>;
  /**
   * The binary operators whose function the database marks LEAKPROOF (it neither errors on nor
   * reveals its arguments), as `left-type operator right-type` with types as `format_type` prints
   * them. Missing or empty: nothing counts as leakproof and every filtered table stays fenced.
   */
  leakproofOperators?: ReadonlySet<string>;
  /**
   * The schema each installed extension lives in (`pg_trgm` → `public`). Hale's own tools may call
   * pg_trgm's similarity functions and operators, qualified with it (see `GovernedQueryRequest.trigram`).
   */
  extensionSchemas?: ReadonlyMap<string, string>;
}

/** `schema.table`, the key of `WarehouseCatalog.tables`. */
export function tableKey(schema: string, table: string): string {
  return `${schema}.${table}`;
}
