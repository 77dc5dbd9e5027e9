import type { Migration } from './migration.js';

/**
 * The tool-call log and the API tokens of the MCP server.
 *
 * `tool_call` records every call of every tool, whatever its outcome (the SQL a tool runs is also in
 * `audit_log`, with the policies applied). Append-only like the audit log, enforced by the database.
 *
 * `api_token` stores only a SHA-256 digest of each token: the token itself is printed once, when it
 * is created, and a copy of this table cannot be used to authenticate. A revoked token keeps its row
 * (who had it, when it was revoked) so the audit trail stays readable.
 */
export const toolsAndTokensMigration: Migration = {
  version: 4,
  name: 'tool calls and API tokens',
  sql: `
    CREATE TABLE hale.tool_call (
      tool_call_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      called_at timestamptz NOT NULL DEFAULT now(),
      principal text NOT NULL,
      role text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('chat', 'mcp', 'cli', 'eval')),
      tool text NOT NULL,
      input jsonb,
      outcome text NOT NULL CHECK (outcome IN ('ok', 'error')),
      code text,
      duration_ms double precision NOT NULL
    );
    CREATE INDEX tool_call_called_at_index ON hale.tool_call (called_at DESC);

    CREATE FUNCTION hale.refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '%.% is append-only: % is not allowed', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
    END;
    $$;
    CREATE TRIGGER tool_call_refuse_update_delete
      BEFORE UPDATE OR DELETE ON hale.tool_call
      FOR EACH ROW EXECUTE FUNCTION hale.refuse_log_change();
    CREATE TRIGGER tool_call_refuse_truncate
      BEFORE TRUNCATE ON hale.tool_call
      FOR EACH STATEMENT EXECUTE FUNCTION hale.refuse_log_change();

    CREATE TABLE hale.api_token (
      token_id text PRIMARY KEY,
      token_digest text NOT NULL UNIQUE,
      principal text NOT NULL,
      label text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    );
  `,
};
