import type { Database } from '../db/index.js';
import type { QueryChannel } from '../governance/index.js';

/** One span of a turn: the turn itself, a model call, a tool call, the SQL it ran, the grounding check. */
export interface Span {
  spanId: string;
  parentSpanId?: string;
  kind: 'turn' | 'model' | 'tool' | 'sql' | 'grounding';
  name: string;
  startedAt: string;
  durationMs: number;
  attributes: Record<string, unknown>;
}

/** The trace of one turn: who, with which model and prompt, what it cost, and how it ended. */
export interface Trace {
  traceId: string;
  conversationId?: string;
  messageId?: string;
  principal: string;
  role: string;
  channel: QueryChannel;
  model: string;
  promptVersion: string;
  codeVersion: string;
  startedAt: string;
  durationMs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  outcome: 'ok' | 'error' | 'cancelled';
  errorCode?: string;
  grounded?: boolean;
  ungroundedClaims: number;
  toolCalls: number;
  cachedToolCalls: number;
}

/** Tokens and cost of one person on one day (UTC). */
export interface DailyUsage {
  principal: string;
  day: string;
  turns: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** Traces and spans in `hale.trace` / `hale.span`. */
export interface TraceStore {
  /** Stores a trace with its spans in one transaction. */
  save(trace: Trace, spans: readonly Span[]): Promise<void>;
  get(traceId: string): Promise<{ trace: Trace; spans: Span[] } | undefined>;
  /** Usage per principal and day from `since` (inclusive, YYYY-MM-DD); all principals when undefined. */
  usage(options: { principal?: string; since: string }): Promise<DailyUsage[]>;
  /** Tokens (in + out) a principal used on a UTC day: what the daily budget counts. */
  tokensUsed(principal: string, day: string): Promise<number>;
  /** The most recent traces, newest first (for online evaluation and review). */
  recent(options: { limit: number; since?: string }): Promise<Trace[]>;
}

function json(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/\\u0000/g, '\\ufffd');
}

function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

function traceOf(row: Record<string, unknown>): Trace {
  return {
    traceId: String(row.trace_id),
    ...(row.conversation_id ? { conversationId: String(row.conversation_id) } : {}),
    ...(row.message_id ? { messageId: String(row.message_id) } : {}),
    principal: String(row.principal),
    role: String(row.role),
    channel: row.channel as QueryChannel,
    model: String(row.model),
    promptVersion: String(row.prompt_version),
    codeVersion: String(row.code_version),
    startedAt: iso(row.started_at),
    durationMs: Number(row.duration_ms),
    inputTokens: Number(row.input_tokens),
    outputTokens: Number(row.output_tokens),
    costUsd: Number(row.cost_usd),
    outcome: row.outcome as Trace['outcome'],
    ...(row.error_code ? { errorCode: String(row.error_code) } : {}),
    ...(row.grounded === null || row.grounded === undefined ? {} : { grounded: Boolean(row.grounded) }),
    ungroundedClaims: Number(row.ungrounded_claims),
    toolCalls: Number(row.tool_calls),
    cachedToolCalls: Number(row.cached_tool_calls),
  };
}

/** The trace store over the application database. Every value is bound. */
export function createTraceStore(database: Database): TraceStore {
  return {
    async save(trace, spans) {
      await database.transaction(async (transaction) => {
        await transaction.query(
          `INSERT INTO hale.trace (trace_id, conversation_id, message_id, principal, role, channel, model,
             prompt_version, code_version, started_at, duration_ms, input_tokens, output_tokens, cost_usd,
             outcome, error_code, grounded, ungrounded_claims, tool_calls, cached_tool_calls)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
          [
            trace.traceId,
            trace.conversationId ?? null,
            trace.messageId ?? null,
            trace.principal,
            trace.role,
            trace.channel,
            trace.model,
            trace.promptVersion,
            trace.codeVersion,
            trace.startedAt,
            trace.durationMs,
            trace.inputTokens,
            trace.outputTokens,
            trace.costUsd,
            trace.outcome,
            trace.errorCode ?? null,
            trace.grounded ?? null,
            trace.ungroundedClaims,
            trace.toolCalls,
            trace.cachedToolCalls,
          ],
        );
        // One statement for every span: a turn has a handful to a few dozen.
        await transaction.query(
          `INSERT INTO hale.span (trace_id, span_id, parent_span_id, kind, name, started_at, duration_ms, attributes)
           SELECT $1, span_id, parent_span_id, kind, name, started_at, duration_ms, attributes
           FROM jsonb_to_recordset($2::jsonb) AS span(span_id text, parent_span_id text, kind text, name text,
             started_at timestamptz, duration_ms double precision, attributes jsonb)`,
          [
            trace.traceId,
            json(
              spans.map((span) => ({
                span_id: span.spanId,
                parent_span_id: span.parentSpanId ?? null,
                kind: span.kind,
                name: span.name,
                started_at: span.startedAt,
                duration_ms: span.durationMs,
                attributes: span.attributes,
              })),
            ),
          ],
        );
      });
    },

    async get(traceId) {
      const { rows } = await database.query('SELECT * FROM hale.trace WHERE trace_id = $1', [traceId]);
      const row = rows[0];
      if (!row) return undefined;
      const spans = await database.query(
        `SELECT span_id, parent_span_id, kind, name, started_at, duration_ms, attributes FROM hale.span
         WHERE trace_id = $1 ORDER BY started_at, span_id`,
        [traceId],
      );
      return {
        trace: traceOf(row),
        spans: spans.rows.map((span) => ({
          spanId: String(span.span_id),
          ...(span.parent_span_id ? { parentSpanId: String(span.parent_span_id) } : {}),
          kind: span.kind as Span['kind'],
          name: String(span.name),
          startedAt: iso(span.started_at),
          durationMs: Number(span.duration_ms),
          attributes: (typeof span.attributes === 'string'
            ? JSON.parse(span.attributes)
            : span.attributes) as Record<string, unknown>,
        })),
      };
    },

    async usage({ principal, since }) {
      const { rows } = await database.query(
        `SELECT principal, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS turns,
           sum(input_tokens)::bigint AS input_tokens, sum(output_tokens)::bigint AS output_tokens,
           sum(cost_usd) AS cost_usd
         FROM hale.trace
         WHERE started_at >= ($1::date)::timestamp AT TIME ZONE 'UTC' AND ($2::text IS NULL OR principal = $2)
         GROUP BY 1, 2 ORDER BY 2 DESC, 1`,
        [since, principal ?? null],
      );
      return rows.map((row) => ({
        principal: String(row.principal),
        day: String(row.day),
        turns: Number(row.turns),
        inputTokens: Number(row.input_tokens),
        outputTokens: Number(row.output_tokens),
        costUsd: Number(row.cost_usd),
      }));
    },

    async tokensUsed(principal, day) {
      const { rows } = await database.query<{ tokens: string | number | null }>(
        `SELECT sum(input_tokens + output_tokens) AS tokens FROM hale.trace
         WHERE principal = $1 AND started_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
           AND started_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'`,
        [principal, day],
      );
      return Number(rows[0]?.tokens ?? 0);
    },

    async recent({ limit, since }) {
      const { rows } = await database.query(
        `SELECT * FROM hale.trace WHERE ($2::timestamptz IS NULL OR started_at >= $2)
         ORDER BY started_at DESC LIMIT $1`,
        [limit, since ?? null],
      );
      return rows.map(traceOf);
    },
  };
}
