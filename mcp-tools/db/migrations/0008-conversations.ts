import type { Migration } from './migration.js';

/**
 * The chat's own state: conversations and their messages, one trace per turn with its spans, and
 * feedback on answers.
 *
 * Messages keep the AI SDK UI message parts as sent to the person (text, tool calls with their
 * inputs and outputs, data parts), so a conversation reloads exactly as it was streamed, and the
 * model's next turn is built from what the server stored, never from history a client sends.
 *
 * Traces outlive their conversation: deleting a conversation removes its messages and feedback, but
 * the trace of each turn (who asked, which model, tokens and cost, tool calls, grounding verdict)
 * stays for accounting and review. A trace holds no answer text; its spans hold tool inputs and
 * executed SQL, which the audit log holds too.
 *
 * `tool_call.cached` marks calls answered from the tool-result cache: no SQL ran for them, so they
 * have no audit-log entry of their own.
 */
export const conversationsMigration: Migration = {
  version: 8,
  name: 'conversations, traces and feedback',
  sql: `
    CREATE TABLE hale.conversation (
      conversation_id text PRIMARY KEY,
      principal text NOT NULL,
      title text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX conversation_principal_index ON hale.conversation (principal, updated_at DESC);

    CREATE TABLE hale.message (
      message_id text PRIMARY KEY,
      conversation_id text NOT NULL REFERENCES hale.conversation ON DELETE CASCADE,
      position integer NOT NULL,
      role text NOT NULL CHECK (role IN ('user', 'assistant')),
      parts jsonb NOT NULL,
      metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (conversation_id, position)
    );

    CREATE TABLE hale.trace (
      trace_id text PRIMARY KEY,
      conversation_id text,
      message_id text,
      principal text NOT NULL,
      role text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('chat', 'mcp', 'cli', 'eval', 'fhir')),
      model text NOT NULL,
      prompt_version text NOT NULL,
      code_version text NOT NULL,
      started_at timestamptz NOT NULL,
      duration_ms double precision NOT NULL,
      input_tokens integer NOT NULL DEFAULT 0,
      output_tokens integer NOT NULL DEFAULT 0,
      cost_usd double precision NOT NULL DEFAULT 0,
      outcome text NOT NULL CHECK (outcome IN ('ok', 'error', 'cancelled')),
      error_code text,
      grounded boolean,
      ungrounded_claims integer NOT NULL DEFAULT 0,
      tool_calls integer NOT NULL DEFAULT 0,
      cached_tool_calls integer NOT NULL DEFAULT 0
    );
    CREATE INDEX trace_principal_day_index ON hale.trace (principal, started_at);
    CREATE INDEX trace_started_at_index ON hale.trace (started_at DESC);

    CREATE TABLE hale.span (
      trace_id text NOT NULL REFERENCES hale.trace ON DELETE CASCADE,
      span_id text NOT NULL,
      parent_span_id text,
      kind text NOT NULL CHECK (kind IN ('turn', 'model', 'tool', 'sql', 'grounding')),
      name text NOT NULL,
      started_at timestamptz NOT NULL,
      duration_ms double precision NOT NULL,
      attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
      PRIMARY KEY (trace_id, span_id)
    );

    CREATE TABLE hale.feedback (
      feedback_id text PRIMARY KEY,
      message_id text NOT NULL REFERENCES hale.message ON DELETE CASCADE,
      principal text NOT NULL,
      rating text CHECK (rating IN ('up', 'down')),
      comment text,
      corrected_answer text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (message_id, principal)
    );

    ALTER TABLE hale.tool_call ADD COLUMN cached boolean NOT NULL DEFAULT false;
  `,
};
