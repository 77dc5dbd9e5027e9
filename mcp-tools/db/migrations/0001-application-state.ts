import type { Migration } from './migration.js';

/** Where the warehouse data came from (demo generator or an OMOP load), one row per schema group. */
export const applicationStateMigration: Migration = {
  version: 1,
  name: 'application state',
  sql: `
    CREATE TABLE hale.warehouse_state (
      part text PRIMARY KEY CHECK (part IN ('clinical', 'vocabulary', 'scheduling')),
      source text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      loaded_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
