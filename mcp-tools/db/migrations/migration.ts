/** An extension a migration needs; a server without it skips the migration and the features using it. */
export type DatabaseExtension = 'vector' | 'pg_trgm';

/** One versioned change to the `hale` schema. Applied once, in version order, and never edited. */
export interface Migration {
  version: number;
  name: string;
  requires?: readonly DatabaseExtension[];
  /**
   * A later migration replaced this one: databases that already have it keep it (its checksum is
   * still checked), but it is never applied where it is still pending.
   */
  retired?: boolean;
  sql: string;
}
