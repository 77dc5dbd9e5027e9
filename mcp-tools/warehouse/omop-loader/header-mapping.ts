import type { ColumnDefinition, TableDefinition } from '../schema/table-definition.js';
import {
  type ColumnFill,
  cdm53ColumnRenames,
  cdm54AddedRequiredColumns,
  versionWitnessTables,
} from './cdm53-compatibility.js';
import { locatedMessage, OmopLoadError } from './omop-load-error.js';

/** Where one target column's values come from: a field of the file's records, or a fill rule. */
export type ColumnSource =
  | { kind: 'field'; index: number; header: string }
  | { kind: 'fill'; fill: ColumnFill };

/** How a file's header maps onto its table: the COPY column list and, per column, its source. */
export interface HeaderMapping {
  /** The table's columns that receive values, in definition order; the others stay NULL. */
  columns: readonly ColumnDefinition[];
  sources: readonly ColumnSource[];
  /** Header columns whose values are dropped, as spelled in the file. */
  ignoredColumns: readonly string[];
  /** Which CDM version the header's column names point to, when they say. */
  cdmVersion: '5.3' | '5.4' | undefined;
}

// Some exports quote reserved words in headers (`"offset"`).
function matchName(name: string): string {
  return name
    .replace(/^"(.*)"$/, '$1')
    .trim()
    .toLowerCase();
}

/**
 * Maps a header onto a 5.4 table definition (pure): names match case-insensitively, CDM 5.3 names
 * are renamed, required 5.4 additions are filled, and definition columns absent from the file stay
 * NULL. An unknown or duplicated column, or a missing required one, is an `invalid_header` error.
 */
export function mapHeader({
  table,
  header,
  file,
}: {
  table: TableDefinition;
  header: readonly string[];
  file: string;
}): HeaderMapping {
  const headerError = (column: string, reason: string) =>
    new OmopLoadError('invalid_header', locatedMessage({ file, line: 1, column, reason }), {
      file,
      line: 1,
      column,
    });
  const definitions = new Map(table.columns.map((column) => [matchName(column.name), column]));
  const renames = cdm53ColumnRenames[table.name] ?? {};
  const lowerHeader = header.map(matchName);
  const fieldIndex = new Map<ColumnDefinition, { index: number; header: string }>();
  const ignoredColumns: string[] = [];
  let renamed = false;

  lowerHeader.forEach((name, index) => {
    const original = header[index] ?? name;
    if (name === '') throw headerError(`#${index + 1}`, 'the header has an empty column name');
    const newName = renames[name];
    if (newName !== undefined && lowerHeader.includes(newName)) {
      // The file carries both spellings; the 5.4 one wins.
      ignoredColumns.push(original);
      return;
    }
    const definition = definitions.get(newName ?? name);
    if (definition === undefined) {
      throw headerError(
        original,
        `not a column of the OMOP CDM 5.4 table ${table.name} (nor a known CDM 5.3 name)`,
      );
    }
    if (fieldIndex.has(definition)) throw headerError(original, 'appears twice in the header');
    if (newName !== undefined) renamed = true;
    fieldIndex.set(definition, { index, header: original });
  });

  const fills = cdm54AddedRequiredColumns[table.name] ?? {};
  const columns: ColumnDefinition[] = [];
  const sources: ColumnSource[] = [];
  for (const column of table.columns) {
    const field = fieldIndex.get(column);
    const fill = fills[column.name];
    if (field !== undefined) sources.push({ kind: 'field', ...field });
    else if (fill !== undefined) sources.push({ kind: 'fill', fill });
    else if (column.required) throw headerError(column.name, 'required column is missing from the header');
    else continue;
    columns.push(column);
  }

  let cdmVersion: HeaderMapping['cdmVersion'];
  if (versionWitnessTables.has(table.name)) {
    const has54Names = Object.values(renames).some((newName) => lowerHeader.includes(newName));
    cdmVersion = renamed ? '5.3' : has54Names ? '5.4' : undefined;
  }
  return { columns, sources, ignoredColumns, cdmVersion };
}
