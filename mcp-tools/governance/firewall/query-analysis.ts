import type { TableReference } from './range-entry.js';

/** A column the rewrite counts distinct values of, per output group: `entry.column`. */
export interface EntitySource {
  entryName: string;
  column: string;
}

/** What the analysis learnt about a query that passed every check, for the rewrite. */
export interface QueryAnalysis {
  /** Every governed table reference, in the order met. */
  references: TableReference[];
  /** `schema.table.column` references, rewritten to `entry.column` once tables are fenced. */
  qualifiedColumnReferences: { fields: Record<string, unknown>; entryName: string; column: string }[];
  /** The query reads an aggregate-only table: its groups go through disclosure control. */
  aggregateOnly: boolean;
  /** The largest minimum cell size of the aggregate-only tables read. */
  minimumCellSize: number;
  /** Patient-identity columns of the outermost FROM, counted per group. */
  entitySources: EntitySource[];
  /** `FuncCall` fields of outermost aggregates with a FILTER clause (their filtered groups are counted too). */
  filteredAggregates: Record<string, unknown>[];
  /** Policy effects in words, for the caller and the audit log. */
  policies: string[];
  /** The type of every `ColumnRef` (its fields object) that resolved to a governed table's column. */
  columnTypes: ReadonlyMap<object, string>;
  /** For each `JoinExpr` (its fields object) with USING: the types of each pair of joined columns. */
  usingTypes: ReadonlyMap<object, readonly (readonly [string | undefined, string | undefined])[]>;
}
