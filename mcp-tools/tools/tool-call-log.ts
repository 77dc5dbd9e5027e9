import type { Queryable } from '../db/index.js';
import type { QueryChannel } from '../governance/index.js';

/** One tool call as the log keeps it. */
export interface ToolCallEntry {
  principal: string;
  role: string;
  channel: QueryChannel;
  tool: string;
  /** The arguments as received (validated or not), cut to a bounded size. */
  input: unknown;
  outcome: 'ok' | 'error';
  code?: string;
  durationMs: number;
  /** Answered from the tool-result cache: no SQL ran, so the audit log has no entry for it. */
  cached?: boolean;
}

/** Where the registry records calls. */
export interface ToolCallLog {
  record(entry: ToolCallEntry): Promise<void>;
}

/** Largest input kept in the log, in characters of JSON; longer inputs are kept as a cut string. */
const maximumLoggedInput = 16_384;

/** The tool-call log in `hale.tool_call` (append-only, migration 4). Every value is bound. */
export function createDatabaseToolCallLog(database: Queryable): ToolCallLog {
  return {
    async record(entry) {
      // jsonb refuses the NUL character; a hostile input must still be recorded.
      let input = (JSON.stringify(entry.input ?? null) ?? 'null').replace(/\\u0000/g, '\\ufffd');
      if (input.length > maximumLoggedInput)
        input = JSON.stringify({ truncated: true, start: input.slice(0, maximumLoggedInput) });
      await database.query(
        `INSERT INTO hale.tool_call (principal, role, channel, tool, input, outcome, code, duration_ms, cached)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
        [
          entry.principal,
          entry.role,
          entry.channel,
          entry.tool.slice(0, 200),
          input,
          entry.outcome,
          entry.code ?? null,
          entry.durationMs,
          entry.cached ?? false,
        ],
      );
    },
  };
}
