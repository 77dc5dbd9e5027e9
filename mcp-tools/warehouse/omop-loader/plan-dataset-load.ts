import { omopTables } from '../schema/omop-tables.js';
import type { TableDefinition } from '../schema/table-definition.js';
import { cdm53RemovedTables } from './cdm53-compatibility.js';
import type { LoadReport, OmopSchema } from './load-report.js';
import { OmopLoadError } from './omop-load-error.js';
import { tableNameOfFile } from './table-file-name.js';

/** Which file goes into which table, what is skipped, and which schemas get replaced. */
export interface DatasetLoadPlan {
  files: { path: string; table: TableDefinition }[];
  skipped: LoadReport['skipped'];
  schemas: OmopSchema[];
}

const schemaOrder: readonly OmopSchema[] = ['cdm', 'vocab'];

/**
 * Decides, from the file list alone, what a load will do (pure), so nothing is dropped before the
 * whole dataset is known. Files of tables outside `schemas` are skipped; two files for one table
 * are a `duplicate_table` error. The plan may be empty: the caller decides what that means.
 */
export function planDatasetLoad({
  paths,
  schemas = schemaOrder,
}: {
  paths: readonly string[];
  schemas?: readonly OmopSchema[];
}): DatasetLoadPlan {
  const files = new Map<string, { path: string; table: TableDefinition }>();
  const skipped: LoadReport['skipped'] = [];
  for (const path of paths) {
    const name = tableNameOfFile(path);
    if (name === undefined) continue;
    const table = omopTables.find((candidate) => candidate.name === name);
    if (table === undefined) {
      skipped.push({
        file: path,
        reason: cdm53RemovedTables[name] ?? `${name} is not an OMOP CDM 5.4 table`,
      });
    } else if (!(schemas as readonly string[]).includes(table.schema)) {
      skipped.push({ file: path, reason: `${name} is not a ${schemas.join(' or ')} table` });
    } else {
      const earlier = files.get(name);
      if (earlier !== undefined) {
        throw new OmopLoadError(
          'duplicate_table',
          `both ${earlier.path} and ${path} hold the table ${name}; keep one`,
        );
      }
      files.set(name, { path, table });
    }
  }
  const planned = [...files.values()].sort(
    (left, right) =>
      schemaOrder.indexOf(left.table.schema as OmopSchema) -
        schemaOrder.indexOf(right.table.schema as OmopSchema) ||
      left.table.name.localeCompare(right.table.name),
  );
  return {
    files: planned,
    skipped,
    schemas: schemaOrder.filter((schema) => planned.some((file) => file.table.schema === schema)),
  };
}
