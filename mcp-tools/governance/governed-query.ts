import type { GovernanceErrorCode } from './governance-error.js';
import type { Principal } from './policy/governance-policy.js';
import type { QueryParameter } from './sql/bind-query-parameters.js';

/** Where a query came from, recorded in the audit log. */
export type QueryChannel = 'chat' | 'mcp' | 'cli' | 'eval' | 'fhir';

/** A query to run for an authenticated principal. */
export interface GovernedQueryRequest {
  sql: string;
  /**
   * Values for `$1 …` in `sql` (the semantic layer's filter values). The gate binds them as constants
   * in the parse tree, never as text, so the executed SQL in the audit log shows them.
   */
  parameters?: readonly QueryParameter[];
  /**
   * Lets the query call pg_trgm's similarity functions and operators, qualified by the extension's
   * schema (`catalog.extensionSchemas`). For Hale's own tools (concept search); `run_sql` never sets it.
   */
  trigram?: boolean;
  principal: Principal;
  channel: QueryChannel;
  /** The tool that ran it (`run_sql`, `query_metrics` …), for the audit log. */
  tool: string;
  /** Aborting cancels the running statement (client disconnect, Ctrl-C). */
  signal?: AbortSignal;
  /** Rows to return at most, below the warehouse's own cap (which always applies). */
  maxRows?: number;
}

/** Groups hidden by disclosure control. */
export interface SuppressionReport {
  /** Groups removed because fewer than `minimumCellSize` distinct patients were in them. */
  smallGroups: number;
  /** Further groups removed so a hidden one cannot be derived from a total (complementary suppression). */
  complementaryGroups: number;
  minimumCellSize: number;
}

/**
 * What a governed query returned. `denied`: the gate refused it before execution (or the policy
 * forbids it); `error`: it ran and failed, with a safe category. Rows are only ever those the
 * principal may see.
 */
export interface GovernedQueryResult {
  status: 'ok' | 'denied' | 'error';
  columns: { name: string }[];
  rows: Record<string, unknown>[];
  rowCount: number;
  /** True when the row or byte cap cut the result. */
  truncated: boolean;
  /** The SQL the warehouse ran (after the rewrite), when it got that far. */
  executedSql?: string;
  /** The policy effects in words, e.g. `scheduling.patient: rows filtered (clinician: scheduling.patient)`. */
  policies: string[];
  suppression?: SuppressionReport;
  /** Why it was denied or failed, safe to show to a model (no data values). */
  reason?: string;
  code?: GovernanceErrorCode;
  /** Close names when a name was unknown. */
  suggestions?: string[];
  durationMs: number;
  policyVersion: string;
}
