import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDirectory } from './data-directory-lock.js';
import type { Database } from './database.js';
import { DatabaseError } from './database-error.js';
import { openPGliteDatabase } from './pglite-database.js';

const markerFileName = 'hale-data-directory.json';
const markerFormat = 1;

function checkDataDirectory(directory: string): 'new' | 'existing' {
  if (!existsSync(directory)) return 'new';
  if (!statSync(directory).isDirectory()) {
    throw new DatabaseError(
      'data_directory_foreign',
      `${directory} is a file, not a data directory; nothing was changed`,
    );
  }
  const entries = readdirSync(directory);
  if (entries.length === 0) return 'new';
  const markerPath = join(directory, markerFileName);
  if (!entries.includes(markerFileName)) {
    throw new DatabaseError(
      'data_directory_foreign',
      `${directory} is not a Hale data directory (it has files but no ${markerFileName}); nothing was changed. Choose an empty or new directory with --data-dir or HALE_DATA_DIR`,
    );
  }
  let format: unknown;
  try {
    format = (JSON.parse(readFileSync(markerPath, 'utf8')) as { format?: unknown }).format;
  } catch (error) {
    throw new DatabaseError(
      'data_directory_corrupt',
      `${markerPath} is not valid JSON; nothing was changed`,
      {
        cause: error,
      },
    );
  }
  if (format !== markerFormat) {
    throw new DatabaseError(
      'data_directory_foreign',
      `${directory} has data format ${String(format)}, this Hale reads format ${markerFormat}; nothing was changed`,
    );
  }
  if (!existsSync(join(directory, 'pgdata', 'PG_VERSION'))) {
    throw new DatabaseError(
      'data_directory_corrupt',
      `${directory} is a Hale data directory but its database (pgdata/) is missing or incomplete; move it aside to start fresh`,
    );
  }
  return 'existing';
}

/**
 * Opens the embedded database of a data directory: validates the directory is ours, takes the
 * process lock, and opens PGlite under `pgdata/`. The lock is released when the database closes.
 */
export async function openEmbeddedDatabase({ directory }: { directory: string }): Promise<Database> {
  const state = checkDataDirectory(directory);
  mkdirSync(directory, { recursive: true });
  const lock = lockDataDirectory(directory);
  try {
    if (state === 'new') {
      writeFileSync(
        join(directory, markerFileName),
        `${JSON.stringify({ format: markerFormat }, null, 2)}\n`,
      );
    }
    let database: Database;
    try {
      database = await openPGliteDatabase({ directory: join(directory, 'pgdata') });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DatabaseError(
        'data_directory_corrupt',
        `cannot open the embedded database in ${directory}: ${reason}. Nothing was deleted; move the directory aside to start fresh`,
        { cause: error },
      );
    }
    return {
      ...database,
      async close() {
        try {
          await database.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
