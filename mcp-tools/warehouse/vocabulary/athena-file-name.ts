/** The file name Athena downloads use for a vocabulary table: `concept_class` → `CONCEPT_CLASS.csv`. */
export function athenaFileName(tableName: string): string {
  return `${tableName.toUpperCase()}.csv`;
}
