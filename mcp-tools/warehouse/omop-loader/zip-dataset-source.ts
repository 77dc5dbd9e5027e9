import yauzl from 'yauzl';
import type { DatasetFile, DatasetSource } from './dataset-source.js';
import { OmopLoadError } from './omop-load-error.js';

function unreadable(path: string, error: unknown): OmopLoadError {
  const reason = error instanceof Error ? error.message : String(error);
  return new OmopLoadError('unreadable_dataset', `cannot read ${path} as a zip file: ${reason}`, {
    cause: error,
  });
}

/**
 * Lists a zip's entries from its central directory and streams each entry on demand, so a
 * multi-gigabyte vocabulary is never extracted to disk or held in memory.
 */
export async function openZipDatasetSource({ path }: { path: string }): Promise<DatasetSource> {
  let zipFile: yauzl.ZipFile;
  const files: DatasetFile[] = [];
  try {
    // autoClose is off so entries can still be opened after the listing has ended.
    zipFile = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: false });
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    for await (const entry of zipFile.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      files.push({
        path: entry.fileName,
        open: () =>
          zipFile.openReadStreamPromise(entry).catch((error: unknown) => {
            throw unreadable(`${path} (entry ${entry.fileName})`, error);
          }),
      });
    }
  } catch (error) {
    zipFile.close();
    throw unreadable(path, error);
  }
  return {
    files,
    close: async () => zipFile.close(),
  };
}
