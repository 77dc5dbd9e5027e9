import type { Queryable } from '../../db/index.js';
import type { AuditEntry } from './audit-entry.js';

/**
 * Appends one entry to `hale.audit_log` and resolves to its id. Every value is a bound parameter:
 * the SQL being audited is hostile input by definition. Pass a transaction to make the entry commit
 * or roll back together with other work.
 */
export async function recordAuditEntry(database: Queryable, entry: AuditEntry): Promise<number> {
  const result = await database.query<{ audit_id: number | string }>(
    `INSERT INTO hale.audit_log (
       principal, role, channel, tool, original_sql, executed_sql, policies, outcome, code, reason,
       rows_returned, suppressed_groups, duration_ms, policy_version
     ) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14)
     RETURNING audit_id`,
    [
      entry.principal,
      entry.role,
      entry.channel,
      entry.tool,
      entry.originalSql,
      entry.executedSql ?? null,
      JSON.stringify(entry.policies),
      entry.outcome,
      entry.code ?? null,
      entry.reason ?? null,
      entry.rowsReturned,
      entry.suppressedGroups,
      entry.durationMs,
      entry.policyVersion,
    ],
  );
  const [row] = result.rows;
  if (!row) throw new Error('INSERT … RETURNING into hale.audit_log returned no row');
  return Number(row.audit_id);
}
