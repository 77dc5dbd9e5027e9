import type { Migration } from './migration.js';

/**
 * The audit log of governed queries: one row per query, whatever its outcome. Append-only is
 * enforced by the database itself, so no code path (a bug, a hand-written script, another client)
 * can rewrite history: UPDATE and DELETE are refused row by row, TRUNCATE per statement. Only the
 * table's owner can lift this, and only visibly (ALTER TABLE … DISABLE TRIGGER or DROP).
 */
export const auditLogMigration: Migration = {
  version: 3,
  name: 'audit log',
  sql: `
    CREATE TABLE hale.audit_log (
      audit_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      principal text NOT NULL,
      role text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('chat', 'mcp', 'cli', 'eval')),
      tool text NOT NULL,
      original_sql text NOT NULL,
      executed_sql text,
      policies jsonb NOT NULL DEFAULT '[]'::jsonb,
      outcome text NOT NULL CHECK (outcome IN ('ok', 'denied', 'error')),
      code text,
      reason text,
      rows_returned integer NOT NULL DEFAULT 0,
      suppressed_groups integer NOT NULL DEFAULT 0,
      duration_ms double precision NOT NULL,
      policy_version text NOT NULL
    );
    CREATE INDEX audit_log_occurred_at_index ON hale.audit_log (occurred_at DESC);
    CREATE INDEX audit_log_principal_index ON hale.audit_log (principal);

    CREATE FUNCTION hale.refuse_audit_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'hale.audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation',
              HINT = 'Audit entries are permanent; record a new entry instead.';
    END;
    $$;
    CREATE TRIGGER audit_log_refuse_update_delete
      BEFORE UPDATE OR DELETE ON hale.audit_log
      FOR EACH ROW EXECUTE FUNCTION hale.refuse_audit_log_change();
    CREATE TRIGGER audit_log_refuse_truncate
      BEFORE TRUNCATE ON hale.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION hale.refuse_audit_log_change();
  `,
};
