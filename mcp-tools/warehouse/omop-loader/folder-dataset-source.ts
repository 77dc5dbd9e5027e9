import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetFile, DatasetSource } from './dataset-source.js';
import { OmopLoadError } from './omop-load-error.js';

/** Large reads keep the CSV parser, not the file system, the bottleneck. */
const readChunkBytes = 1024 * 1024;

async function listFiles(root: string, relative: string, files: DatasetFile[]): Promise<void> {
  const entries = await readdir(join(root, relative), { withFileTypes: true });
  for (const entry of entries.sort((left, right) => left.name.localeCompare(right.name))) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    // Hidden folders (.git, .Trash) can be huge and never hold a dataset.
    if (entry.isDirectory() && !entry.name.startsWith('.')) await listFiles(root, path, files);
    else if (entry.isFile() || entry.isSymbolicLink()) {
      files.push({
        path,
        open: async () => createReadStream(join(root, path), { highWaterMark: readChunkBytes }),
      });
    }
  }
}

/** Lists a dataset folder, including nested folders, with paths relative to it. */
export async function openFolderDatasetSource({ path }: { path: string }): Promise<DatasetSource> {
  const files: DatasetFile[] = [];
  try {
    await listFiles(path, '', files);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OmopLoadError('unreadable_dataset', `cannot read the folder ${path}: ${reason}`, {
      cause: error,
    });
  }
  return { files, close: async () => {} };
}
