export { quoteQualifiedName } from './copy-statement.js';
export type {
  CopyFromSource,
  Database,
  Queryable,
  QueryOptions,
  QueryResult,
  Row,
  Transaction,
} from './database.js';
export { DatabaseError, type DatabaseErrorCode } from './database-error.js';
export { type DatabaseFeatures, type MigrationReport, migrate, requireExtension } from './migrate.js';
export { migrations } from './migrations/index.js';
export { type Databases, openDatabases } from './open-databases.js';
export { openEmbeddedDatabase } from './open-embedded-database.js';
export { openPGliteDatabase } from './pglite-database.js';
export { openPostgresDatabase, redactConnectionUrl } from './postgres-database.js';
