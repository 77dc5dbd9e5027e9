import type { QueryChannel } from '../governed-query.js';

/** How a governed query ended, as the audit log records it. */
export type AuditOutcome = 'ok' | 'denied' | 'error';

/** Every outcome, in the order help texts list them; the database refuses any other. */
export const auditOutcomes: readonly AuditOutcome[] = ['ok', 'denied', 'error'];

/**
 * One governed query, as it is written to the audit log: who asked, through which channel and tool,
 * the SQL they sent and the SQL the warehouse ran, the policies that applied and how it ended. No
 * result values are kept, so the log never holds data the reader may not see.
 */
export interface AuditEntry {
  /** The authenticated principal's name. */
  principal: string;
  /** The role the policy gave the principal when the query ran. */
  role: string;
  channel: QueryChannel;
  /** The tool that ran the query (`run_sql`, `query_metrics` …). */
  tool: string;
  /** The SQL as the caller sent it. */
  originalSql: string;
  /** The SQL after the policy rewrite; absent when the query was denied before the rewrite. */
  executedSql?: string;
  /** The policy effects in words, e.g. `scheduling.patient: rows filtered`. */
  policies: string[];
  outcome: AuditOutcome;
  /** The stable code of a denial or error (a `GovernanceErrorCode`). */
  code?: string;
  /** Why the query was denied or failed, in words safe to show. */
  reason?: string;
  rowsReturned: number;
  /** Groups hidden by disclosure control, small and complementary together. */
  suppressedGroups: number;
  durationMs: number;
  /** The version of the policy file the decision was made under. */
  policyVersion: string;
}

/** An entry as read back from the audit log, with the id and time the database gave it. */
export interface RecordedAuditEntry extends AuditEntry {
  auditId: number;
  /** When the entry was recorded, as an ISO 8601 UTC timestamp with milliseconds. */
  occurredAt: string;
}
