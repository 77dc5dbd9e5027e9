import type { Database, Queryable } from '../db/index.js';
import { recordAuditEntry } from './audit/index.js';
import type { WarehouseCatalog } from './catalog/warehouse-catalog.js';
import { suppressSmallCells } from './disclosure/suppress-small-cells.js';
import {
  defaultExecutionLimits,
  type ExecutionLimits,
  executeGovernedPlan,
} from './execution/execute-governed-plan.js';
import { mapDatabaseError } from './execution/map-database-error.js';
import { type GovernedQueryPlan, governQuery } from './firewall/govern-query.js';
import { GovernanceError } from './governance-error.js';
import type { GovernedQueryRequest, GovernedQueryResult, SuppressionReport } from './governed-query.js';
import type { GovernancePolicy } from './policy/governance-policy.js';

/** The governed warehouse port: the only way anything in Hale runs SQL on warehouse data. */
export interface GovernedWarehouse {
  /** Runs one query for a principal through the gate; every outcome is audited. */
  run(request: GovernedQueryRequest): Promise<GovernedQueryResult>;
  readonly policy: GovernancePolicy;
  readonly catalog: WarehouseCatalog;
}

/** The warehouse schemas the gate governs, in the order unqualified names are looked up. */
export const governedSchemas: readonly string[] = ['scheduling', 'cdm', 'vocab'];

/**
 * Builds the governed warehouse over a database: the gate (parse, check, rewrite), read-only
 * execution with caps, disclosure control and the audit log. The SQL parser must be loaded
 * (`loadGovernancePolicy` does it). If the audit entry cannot be written the result is withheld:
 * an unaudited answer is worse than none.
 */
export function createGovernedWarehouse({
  warehouse,
  auditLog,
  policy,
  catalog,
  limits = defaultExecutionLimits,
}: {
  warehouse: Database;
  /** Where audit entries go: the application database (`hale.audit_log`). */
  auditLog: Queryable;
  policy: GovernancePolicy;
  catalog: WarehouseCatalog;
  limits?: ExecutionLimits;
}): GovernedWarehouse {
  const fences = new Map<string, Record<string, unknown>>();
  const settings = {
    policy,
    catalog,
    schemas: governedSchemas,
    maxRows: limits.maxRows,
    canTimeOut: warehouse.canInterruptStatements,
  };

  async function run(request: GovernedQueryRequest): Promise<GovernedQueryResult> {
    const started = performance.now();
    const { principal, sql } = request;
    let plan: GovernedQueryPlan | undefined;
    let result: GovernedQueryResult;
    let unexpected: unknown;
    const maxRows = Math.max(1, Math.min(limits.maxRows, request.maxRows ?? limits.maxRows));
    try {
      plan = governQuery({
        sql,
        parameters: request.parameters,
        trigram: request.trigram,
        principal,
        settings: maxRows === settings.maxRows ? settings : { ...settings, maxRows },
        fences,
      });
      const execution = await executeGovernedPlan({
        database: warehouse,
        sql: plan.sql,
        params: plan.params,
        limits: maxRows === limits.maxRows ? limits : { ...limits, maxRows },
        ...(request.signal ? { signal: request.signal } : {}),
      });
      let { rows, columns } = execution;
      let suppression: SuppressionReport | undefined;
      if (plan.analysis.aggregateOnly) {
        const suppressed = suppressSmallCells({
          rows,
          columns,
          dimensionColumns: plan.dimensionColumns,
          groupCountColumns: plan.groupCountColumns,
          filteredCountColumns: plan.filteredCountColumns,
          minimumCellSize: plan.analysis.minimumCellSize,
        });
        ({ rows, columns } = suppressed);
        suppression = suppressed.report;
      }
      result = {
        status: 'ok',
        columns: columns.map((name) => ({ name })),
        rows,
        rowCount: rows.length,
        truncated: execution.truncated,
        executedSql: plan.sql,
        policies: plan.analysis.policies,
        ...(suppression ? { suppression } : {}),
        durationMs: performance.now() - started,
        policyVersion: policy.version,
      };
    } catch (error) {
      // Refusals by the gate (before or instead of running) are denials; database failures are errors.
      const refused = error instanceof GovernanceError;
      if (!refused && !isDatabaseFailure(error) && !request.signal?.aborted) unexpected = error;
      const governanceError = refused
        ? error
        : unexpected
          ? new GovernanceError('query_failed', 'Hale failed to run the query (internal error)', {
              cause: error,
            })
          : mapDatabaseError(error, { cancelled: request.signal?.aborted === true });
      result = {
        status: refused ? 'denied' : 'error',
        columns: [],
        rows: [],
        rowCount: 0,
        truncated: false,
        ...(plan ? { executedSql: plan.sql } : {}),
        policies: plan?.analysis.policies ?? [],
        reason: governanceError.message,
        code: governanceError.code,
        ...(governanceError.suggestions.length ? { suggestions: [...governanceError.suggestions] } : {}),
        durationMs: performance.now() - started,
        policyVersion: policy.version,
      };
    }
    await recordAuditEntry(auditLog, {
      principal: principal.user,
      role: principal.role,
      channel: request.channel,
      tool: request.tool,
      originalSql: sql,
      ...(result.executedSql ? { executedSql: result.executedSql } : {}),
      policies: result.policies,
      outcome: result.status,
      ...(result.code ? { code: result.code } : {}),
      ...(result.reason ? { reason: result.reason } : {}),
      rowsReturned: result.rowCount,
      suppressedGroups: result.suppression
        ? result.suppression.smallGroups + result.suppression.complementaryGroups
        : 0,
      durationMs: result.durationMs,
      policyVersion: policy.version,
    });
    // A bug is audited like any failure, then surfaces to the caller's error handling.
    if (unexpected !== undefined) throw unexpected;
    return result;
  }

  return { run, policy, catalog };
}

/** An error the database raised (it carries a SQLSTATE), as opposed to a bug in Hale. */
function isDatabaseFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}
