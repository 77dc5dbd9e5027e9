import type { Queryable } from '../../db/index.js';
import type { AuditEntry, AuditOutcome, RecordedAuditEntry } from './audit-entry.js';

// A type alias, not an interface: only aliases satisfy the port's `Row` index signature.
type AuditLogRow = {
  audit_id: number | string;
  occurred_at_iso: string;
  principal: string;
  role: string;
  channel: AuditEntry['channel'];
  tool: string;
  original_sql: string;
  executed_sql: string | null;
  policies: string[];
  outcome: AuditOutcome;
  code: string | null;
  reason: string | null;
  rows_returned: number;
  suppressed_groups: number;
  duration_ms: number;
  policy_version: string;
};

function toRecordedEntry(row: AuditLogRow): RecordedAuditEntry {
  return {
    // bigint arrives as text once past 2^53; ids never get there, so a number is exact.
    auditId: Number(row.audit_id),
    occurredAt: row.occurred_at_iso,
    principal: row.principal,
    role: row.role,
    channel: row.channel,
    tool: row.tool,
    originalSql: row.original_sql,
    ...(row.executed_sql === null ? {} : { executedSql: row.executed_sql }),
    policies: row.policies,
    outcome: row.outcome,
    ...(row.code === null ? {} : { code: row.code }),
    ...(row.reason === null ? {} : { reason: row.reason }),
    rowsReturned: row.rows_returned,
    suppressedGroups: row.suppressed_groups,
    durationMs: row.duration_ms,
    policyVersion: row.policy_version,
  };
}

/**
 * Reads the most recent audit entries, newest first, optionally only one principal's or one
 * outcome's. `limit` must be a positive integer; callers facing users cap it.
 */
export async function listAuditEntries(
  database: Queryable,
  { limit, principal, outcome }: { limit: number; principal?: string; outcome?: AuditOutcome },
): Promise<RecordedAuditEntry[]> {
  const conditions: string[] = [];
  const params: unknown[] = [limit];
  if (principal !== undefined) {
    params.push(principal);
    conditions.push(`principal = $${params.length}`);
  }
  if (outcome !== undefined) {
    params.push(outcome);
    conditions.push(`outcome = $${params.length}`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  // The time is formatted by the database: the driver hands timestamptz over as server text, and
  // this gives the same ISO form as Date.prototype.toISOString whatever the session's DateStyle.
  // Entries recorded in one transaction share now(), so audit_id breaks the tie.
  const result = await database.query<AuditLogRow>(
    `SELECT audit_id,
            to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at_iso,
            principal, role, channel, tool, original_sql, executed_sql, policies, outcome, code, reason,
            rows_returned, suppressed_groups, duration_ms, policy_version
       FROM hale.audit_log
       ${where}
      ORDER BY occurred_at DESC, audit_id DESC
      LIMIT $1`,
    params,
  );
  return result.rows.map(toRecordedEntry);
}
