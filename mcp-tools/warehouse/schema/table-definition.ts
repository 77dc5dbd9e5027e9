/** The column types the warehouse uses, as PostgreSQL spells them. */
export type ColumnType =
  | 'integer'
  | 'bigint'
  | 'numeric'
  | 'date'
  | 'timestamp'
  | 'text'
  | `varchar(${number})`;

/** One column of a warehouse table. */
export interface ColumnDefinition {
  name: string;
  type: ColumnType;
  required: boolean;
}

/** One warehouse table: enough to create it, load it and describe it. */
export interface TableDefinition {
  schema: 'cdm' | 'vocab' | 'scheduling';
  name: string;
  columns: readonly ColumnDefinition[];
  primaryKey?: readonly string[];
  /** Extra table constraints (CHECK, FOREIGN KEY) as SQL, for tables Hale owns. */
  constraints?: readonly string[];
}
