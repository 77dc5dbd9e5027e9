import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { athenaFileName } from './athena-file-name.js';
import { type AthenaRow, formatAthenaTable } from './format-athena-table.js';

/** The bundled tables, in the order they are written and reported. */
const bundledTableNames = [
  'concept',
  'concept_relationship',
  'concept_ancestor',
  'concept_synonym',
  'vocabulary',
  'domain',
  'concept_class',
  'relationship',
] as const;

/** The rows of every bundled table, already in file order. */
export type VocabularyTables = Readonly<Record<(typeof bundledTableNames)[number], readonly AthenaRow[]>>;

/**
 * Writes each bundled table to `directory` as an Athena file (`CONCEPT.csv`, …), creating the directory
 * if needed, then prints the row count of each file.
 */
export function writeVocabularyFiles({
  directory,
  tables,
}: {
  directory: string;
  tables: VocabularyTables;
}): void {
  mkdirSync(directory, { recursive: true });
  const counts = new Map<string, number>();
  for (const tableName of bundledTableNames) {
    const rows = tables[tableName];
    const fileName = athenaFileName(tableName);
    writeFileSync(path.join(directory, fileName), formatAthenaTable({ tableName, rows }));
    counts.set(fileName, rows.length);
  }
  for (const [fileName, count] of counts)
    console.log(`${fileName.padEnd(26)} ${String(count).padStart(7)} rows`);
}
