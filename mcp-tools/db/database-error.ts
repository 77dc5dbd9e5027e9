/** Stable codes for database failures the user can act on. */
export type DatabaseErrorCode =
  | 'data_directory_locked'
  | 'data_directory_foreign'
  | 'data_directory_corrupt'
  | 'database_unreachable'
  | 'extension_missing'
  | 'migration_failed';

/** A database failure with a stable `code` and a message that says what to do about it. */
export class DatabaseError extends Error {
  readonly code: DatabaseErrorCode;

  constructor(code: DatabaseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseError';
    this.code = code;
  }
}
