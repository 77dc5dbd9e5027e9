import type { SqlNode } from '../sql/sql-node.js';

/** How a column's value reaches a principal. */
export type ColumnRule = { kind: 'allow' } | { kind: 'deny' } | { kind: 'mask'; mask: ColumnMask };

/** A mask replaces a value by a less identifying one, inside the table reference, before any clause sees it. */
export type ColumnMask =
  | { kind: 'redact' }
  | { kind: 'hash' }
  | { kind: 'year_of_date' }
  | { kind: 'prefix'; length: number }
  | { kind: 'null' };

/** `none`: invisible; `aggregate`: only group statistics of large enough groups; `rows`: row by row. */
export type TableAccess = 'none' | 'aggregate' | 'rows';

/** A row filter: the predicate's text as written and its parsed expression. */
export interface RowFilter {
  sql: string;
  /** The parsed predicate; `principal('x')` calls are replaced by parameters when a query is rewritten. */
  expression: SqlNode;
  /** The principal attributes the predicate reads. */
  attributes: readonly string[];
}

/** One table rule of a role, for `schema.table` or every table of a schema (`table: '*'`). */
export interface TableRule {
  schema: string;
  table: string;
  access: TableAccess;
  rowFilter?: RowFilter;
  columns: ReadonlyMap<string, ColumnRule>;
  entityKey?: string;
  minimumCellSize?: number;
  /** Where the rule is written, for messages. */
  line: number;
}

export interface RoleDefinition {
  name: string;
  description: string;
  minimumCellSize?: number;
  /** Chat models the role may use (ids, or prefixes ending in `*`); undefined: any. */
  models?: readonly string[];
  /** Chat tokens per person and UTC day; undefined: no limit. */
  dailyTokenBudget?: number;
  tables: readonly TableRule[];
}

/** A principal attribute value: a scalar or a list, bound as a query parameter by row filters. */
export type AttributeValue = string | number | boolean | readonly (string | number)[];

export interface PrincipalDefinition {
  user: string;
  role: string;
  description: string;
  attributes: Readonly<Record<string, AttributeValue>>;
}

/** A validated policy. `version` is the content hash recorded with every decision. */
export interface GovernancePolicy {
  version: string;
  file: string;
  principals: ReadonlyMap<string, PrincipalDefinition>;
  roles: ReadonlyMap<string, RoleDefinition>;
}

/** The authenticated person a query runs for. Comes from authentication, never from a conversation. */
export interface Principal {
  user: string;
  role: string;
  attributes: Readonly<Record<string, AttributeValue>>;
}
