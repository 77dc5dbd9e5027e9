import type { Database } from '../../db/index.js';
import { GovernanceError } from '../governance-error.js';

/** Resource limits of governed execution. */
export interface ExecutionLimits {
  /** Statement timeout where the database can interrupt a statement (default 15 s). */
  statementTimeoutMs: number;
  /** Rows returned at most (default 5,000). */
  maxRows: number;
  /** Bytes of JSON returned at most (default 5 MB). */
  maxBytes: number;
  /**
   * The planner cost above which a query is refused before it runs, on databases that cannot
   * interrupt a statement (PGlite). About 2×10⁻⁵ s per unit there (measured): 10⁶ ≈ 20 s.
   */
  maxEstimatedCost: number;
}

export const defaultExecutionLimits: ExecutionLimits = {
  statementTimeoutMs: 15_000,
  maxRows: 5_000,
  maxBytes: 5_000_000,
  maxEstimatedCost: 1_000_000,
};

/** Rows of a governed execution and whether a cap cut them. */
export interface ExecutionResult {
  columns: string[];
  rows: Record<string, unknown>[];
  /** Rows beyond `maxRows` (or bytes beyond `maxBytes`) were dropped. */
  truncated: boolean;
}

/**
 * Runs rewritten SQL in a READ ONLY transaction the gate owns, with a statement timeout (or, where
 * statements cannot be interrupted, a planner-cost ceiling checked with EXPLAIN first), a fixed
 * search path, the row cap and the byte cap. Aborting `signal` cancels the statement.
 */
export async function executeGovernedPlan({
  database,
  sql,
  params,
  limits,
  signal,
}: {
  database: Database;
  sql: string;
  params: readonly unknown[];
  limits: ExecutionLimits;
  signal?: AbortSignal;
}): Promise<ExecutionResult> {
  const result = await database.transaction(async (transaction) => {
    await transaction.exec('SET TRANSACTION READ ONLY');
    // Functions resolve in pg_catalog only: nothing in another schema can shadow a built-in.
    await transaction.exec('SET LOCAL search_path = pg_catalog');
    if (database.canInterruptStatements) {
      await transaction.exec(
        `SET LOCAL statement_timeout = ${Math.max(1, Math.floor(limits.statementTimeoutMs))}`,
      );
    } else {
      const explain = await transaction.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (FORMAT JSON) ${sql}`,
        params,
        signal ? { signal } : {},
      );
      const plan = explain.rows[0]?.['QUERY PLAN'];
      const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan?: PlanNode }[];
      const root = parsed[0]?.Plan;
      // A set-returning function in FROM is materialised whole before a LIMIT above it stops
      // reading (measured: generate_series(1, 1e9) … LIMIT 5001 ran 122 s on PGlite), so its own
      // cost counts in full, not the LIMIT's.
      const cost = Math.max(root?.['Total Cost'] ?? 0, ...functionScanCosts(root));
      if (cost > limits.maxEstimatedCost)
        throw new GovernanceError(
          'too_large',
          `the query is estimated to be too expensive to run on the embedded database (cost ${Math.round(cost).toLocaleString('en')}, limit ${limits.maxEstimatedCost.toLocaleString('en')}); add filters, avoid cross joins, or aggregate`,
        );
    }
    return transaction.query(sql, params, signal ? { signal } : {});
  });
  let rows = result.rows;
  let truncated = false;
  if (rows.length > limits.maxRows) {
    rows = rows.slice(0, limits.maxRows);
    truncated = true;
  }
  let bytes = 0;
  for (let index = 0; index < rows.length; index++) {
    bytes += JSON.stringify(rows[index]).length + 1;
    if (bytes > limits.maxBytes) {
      if (index === 0)
        throw new GovernanceError(
          'too_large',
          `one row is larger than the ${limits.maxBytes.toLocaleString('en')}-byte result cap`,
        );
      rows = rows.slice(0, index);
      truncated = true;
      break;
    }
  }
  return { columns: result.fields.map((field) => field.name), rows, truncated };
}

/** One node of `EXPLAIN (FORMAT JSON)`. */
interface PlanNode {
  'Node Type'?: string;
  'Total Cost'?: number;
  Plans?: PlanNode[];
}

/** The total costs of the plan's function scans, however deep. */
function functionScanCosts(node: PlanNode | undefined): number[] {
  if (!node) return [];
  const own = node['Node Type'] === 'Function Scan' ? [node['Total Cost'] ?? 0] : [];
  return [...own, ...(node.Plans ?? []).flatMap(functionScanCosts)];
}
