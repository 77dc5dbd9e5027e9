import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A bundled Athena file split into its header and its rows of cells. */
export interface AthenaTable {
  readonly header: string[];
  readonly rows: string[][];
}

/**
 * Reads a tab-delimited Athena file from `directory`. There is no quoting to undo: the format has none,
 * which is also why a row with the wrong number of cells is worth reporting.
 */
export function readAthenaTable(directory: string, fileName: string): AthenaTable {
  const lines = readFileSync(path.join(directory, fileName), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = (lines.shift() ?? '').split('\t');
  return { header, rows: lines.map((line) => line.split('\t')) };
}
