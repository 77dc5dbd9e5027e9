import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { openFolderDatasetSource } from './folder-dataset-source.js';
import { OmopLoadError } from './omop-load-error.js';
import { openZipDatasetSource } from './zip-dataset-source.js';

/** One file of a dataset, opened on demand so only one is streamed at a time. */
export interface DatasetFile {
  /** The path inside the dataset with `/` separators (`PERSON.csv`, `cdm/PERSON.csv`). */
  path: string;
  open(): Promise<Readable>;
}

/** Every file of a folder or zip, listed up front so a load can be planned before anything changes. */
export interface DatasetSource {
  files: readonly DatasetFile[];
  close(): Promise<void>;
}

/**
 * Lists the files of a dataset folder or `.zip` without reading their contents. A missing path, a
 * path that is neither, or an unreadable zip is an `OmopLoadError`.
 */
export async function openDatasetSource({ path }: { path: string }): Promise<DatasetSource> {
  const details = await stat(path).catch((error: unknown) => {
    throw new OmopLoadError('dataset_not_found', `cannot load ${path}: no such file or folder`, {
      cause: error,
    });
  });
  if (details.isDirectory()) return openFolderDatasetSource({ path });
  if (details.isFile() && /\.zip$/i.test(path)) return openZipDatasetSource({ path });
  throw new OmopLoadError(
    'unsupported_dataset',
    `cannot load ${path}: expected a folder or a .zip of OMOP CDM / Athena vocabulary CSV files`,
  );
}
