import type { Database } from './database.js';
import { type MigrationReport, migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openEmbeddedDatabase } from './open-embedded-database.js';
import { openPostgresDatabase } from './postgres-database.js';

/** The databases Hale works with: application state and the warehouse (often the same one). */
export interface Databases {
  application: Database;
  warehouse: Database;
  migration: MigrationReport;
  close(): Promise<void>;
}

/**
 * Opens the application database (a PostgreSQL server when `databaseUrl` is set, else embedded PGlite
 * in `dataDirectory`), applies migrations, and opens the warehouse: `warehouseUrl` when set, otherwise
 * the application database itself.
 */
export async function openDatabases({
  dataDirectory,
  databaseUrl,
  warehouseUrl,
}: {
  dataDirectory: string;
  databaseUrl?: string | undefined;
  warehouseUrl?: string | undefined;
}): Promise<Databases> {
  const application = databaseUrl
    ? await openPostgresDatabase({ url: databaseUrl })
    : await openEmbeddedDatabase({ directory: dataDirectory });
  try {
    const migration = await migrate(application, migrations);
    const warehouse =
      warehouseUrl && warehouseUrl !== databaseUrl
        ? await openPostgresDatabase({ url: warehouseUrl, applicationName: 'hale-warehouse' })
        : application;
    return {
      application,
      warehouse,
      migration,
      async close() {
        try {
          if (warehouse !== application) await warehouse.close();
        } finally {
          // Always reached: the embedded database must flush and release its lock.
          await application.close();
        }
      },
    };
  } catch (error) {
    await application.close();
    throw error;
  }
}
