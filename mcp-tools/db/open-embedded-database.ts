import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDirectory } from './data-directory-lock.js';
import type { Database } from './database.js';
import { DatabaseError } from './database-error.js';
import { openPGliteDatabase } from './pglite-database.js';

const markerFileName = 'hale-data-directory.json';
const markerFormat = 1;

/** The marker says the directory is Hale's; `initialised: false` means the first creation never finished. */
interface Marker {
  format: number;
  initialised: boolean;
}

function writeMarker(directory: string, marker: Marker): void {
  writeFileSync(join(directory, markerFileName), `${JSON.stringify(marker, null, 2)}\n`);
}

function readMarker(directory: string): Marker | undefined {
  const path = join(directory, markerFileName);
  if (!existsSync(path)) return undefined;
  let parsed: { format?: unknown; initialised?: unknown };
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as typeof parsed;
  } catch (error) {
    throw new DatabaseError('data_directory_corrupt', `${path} is not valid JSON; nothing was changed`, {
      cause: error,
    });
  }
  if (parsed.format !== markerFormat) {
    throw new DatabaseError(
      'data_directory_foreign',
      `${directory} has data format ${String(parsed.format)}, this Hale reads format ${markerFormat}; nothing was changed`,
    );
  }
  return { format: markerFormat, initialised: parsed.initialised !== false };
}

/** Refuses, before touching anything, a path that is a file or a folder of someone else's files. */
function refuseForeignPath(directory: string): void {
  if (!existsSync(directory)) return;
  if (!statSync(directory).isDirectory()) {
    throw new DatabaseError(
      'data_directory_foreign',
      `${directory} is a file, not a data directory; nothing was changed`,
    );
  }
  const entries = readdirSync(directory).filter((entry) => !entry.startsWith('hale.lock'));
  if (entries.length > 0 && !entries.includes(markerFileName)) {
    throw new DatabaseError(
      'data_directory_foreign',
      `${directory} is not a Hale data directory (it has files but no ${markerFileName}); nothing was changed. Choose an empty or new directory with --data-dir or HALE_DATA_DIR`,
    );
  }
}

/**
 * Opens the embedded database of a data directory: refuses foreign paths, takes the process lock,
 * then (under the lock) creates or checks the database under `pgdata/`. A first creation that was
 * interrupted (marker still `initialised: false`) held no data yet and is redone; a missing or
 * unreadable database otherwise is reported, never deleted. The lock is released on close.
 */
export async function openEmbeddedDatabase({ directory }: { directory: string }): Promise<Database> {
  refuseForeignPath(directory);
  mkdirSync(directory, { recursive: true });
  const lock = lockDataDirectory(directory);
  try {
    const pgdata = join(directory, 'pgdata');
    const marker = readMarker(directory);
    if (marker === undefined || !marker.initialised) {
      rmSync(pgdata, { recursive: true, force: true });
      writeMarker(directory, { format: markerFormat, initialised: false });
    } else if (!existsSync(join(pgdata, 'PG_VERSION'))) {
      throw new DatabaseError(
        'data_directory_corrupt',
        `${directory} is a Hale data directory but its database (pgdata/) is missing or incomplete; nothing was changed. Move it aside to start fresh`,
      );
    }
    let database: Database;
    try {
      database = await openPGliteDatabase({ directory: pgdata });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DatabaseError(
        'data_directory_corrupt',
        `cannot open the embedded database in ${directory}: ${reason}. Nothing was deleted; move the directory aside to start fresh`,
        { cause: error },
      );
    }
    if (!marker?.initialised) writeMarker(directory, { format: markerFormat, initialised: true });
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
