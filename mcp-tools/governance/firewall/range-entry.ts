import type { CatalogTable } from '../catalog/warehouse-catalog.js';
import type { EffectiveTableAccess } from '../policy/table-access-for.js';

/** A column visible through a FROM item. */
export interface EntryColumn {
  /** The name queries use (after `AS alias(a, b)` renames). */
  name: string;
  /** For a governed table: the table's own column name, whose rule applies. */
  tableColumn?: string;
  /** The column carries the entity key (patient identity) of an aggregate-only table. */
  isEntity: boolean;
  /** For a governed table's column: its type as `format_type` prints it. */
  type?: string;
}

/** A governed table referenced by the query, recorded for the rewrite. */
export interface TableReference {
  /** The `{ RangeVar: … }` node, replaced in place by the rewrite. */
  node: Record<string, unknown>;
  table: CatalogTable;
  access: EffectiveTableAccess;
  /** The name the query uses for it: its alias, or the table name. */
  name: string;
  /** True when the reference is in the outermost query's FROM (its entities are counted). */
  topLevel: boolean;
}

/** A FROM item of one query level: a governed table, a CTE, a subquery, a function or VALUES. */
export interface RangeEntry {
  name: string;
  columns: EntryColumn[];
  /** Set for governed tables. */
  reference?: TableReference;
  /** For an unaliased governed table, `schema.table`, so `schema.table.column` resolves. */
  qualifiedName?: string;
}

/** The names visible at one query level, with the enclosing level for correlated references. */
export interface Scope {
  entries: RangeEntry[];
  /** Columns merged by `JOIN … USING (column)`, visible unqualified once. */
  usingColumns: Map<string, EntryColumn[]>;
  parent?: Scope;
}

/** The columns a CTE or subquery produces. */
export interface DerivedColumns {
  columns: EntryColumn[];
}

/** CTE names visible at a level, innermost first. */
export interface CteScope {
  ctes: Map<string, DerivedColumns | 'pending'>;
  parent?: CteScope;
}
