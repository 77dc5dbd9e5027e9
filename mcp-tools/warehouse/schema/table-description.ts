/** What a table and its columns mean, for people and models reading the schema. */
export interface TableDescription {
  description: string;
  /** Column name → what it holds. Columns without an entry have no description. */
  columns: Readonly<Record<string, string>>;
}
