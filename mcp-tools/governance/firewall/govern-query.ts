import type { WarehouseCatalog } from '../catalog/warehouse-catalog.js';
import type { GovernancePolicy, Principal } from '../policy/governance-policy.js';
import { bindQueryParameters, type QueryParameter } from '../sql/bind-query-parameters.js';
import { parseSql } from '../sql/sql-parser.js';
import { analyzeQuery } from './analyze-query.js';
import { buildFence } from './build-fence.js';
import { checkStatement } from './check-statement.js';
import { dimensionColumns } from './dimension-columns.js';
import { queryIsLeakproof } from './leakproof-query.js';
import type { QueryAnalysis } from './query-analysis.js';
import { type RewrittenQuery, rewriteQuery } from './rewrite-query.js';

/** A query that passed the gate: what to run and what the analysis found. */
export interface GovernedQueryPlan extends RewrittenQuery {
  analysis: QueryAnalysis;
  /** For aggregate-only queries: the output columns that are grouping values (for complementary suppression). */
  dimensionColumns: string[];
}

/** pg_trgm's functions and operators, qualified by the schema the extension is installed in. */
function trigramFeatures(catalog: WarehouseCatalog) {
  const schema = catalog.extensionSchemas?.get('pg_trgm');
  if (!schema) return undefined;
  return {
    functions: new Set(['similarity', 'word_similarity'].map((name) => `${schema}.${name}`)),
    operators: new Set(['<<->'].map((operator) => `${schema}.${operator}`)),
  };
}

/** What stays fixed between queries: the policy, the warehouse shape, the database's abilities. */
export interface GateSettings {
  policy: GovernancePolicy;
  catalog: WarehouseCatalog;
  /** Governed schemas, in the order unqualified table names are looked up. */
  schemas: readonly string[];
  maxRows: number;
  canTimeOut: boolean;
}

/**
 * The gate, pure: parse with PostgreSQL's parser, check the statement, analyse every relation,
 * column and function against the principal's policy, and rewrite. Throws `GovernanceError` when
 * the query is refused. The SQL parser must be loaded (`loadSqlParser`).
 */
export function governQuery({
  sql,
  parameters,
  trigram,
  principal,
  settings,
  fences,
}: {
  sql: string;
  /** Values for `$1 …`, bound as constants in the parse tree before any check. */
  parameters?: readonly QueryParameter[] | undefined;
  /** Allow pg_trgm's similarity functions and operators, qualified by its schema (Hale's own queries). */
  trigram?: boolean | undefined;
  principal: Principal;
  settings: GateSettings;
  /** Parsed fences by `role/schema.table`, built on first use and copied for each query. */
  fences: Map<string, Record<string, unknown>>;
}): GovernedQueryPlan {
  const statements = parseSql(sql);
  const [only] = statements;
  if (parameters && only && statements.length === 1) bindQueryParameters(only.statement, parameters);
  const select = checkStatement(statements);
  const analysis = analyzeQuery(select, {
    policy: settings.policy,
    principal,
    catalog: settings.catalog,
    schemas: settings.schemas,
    canTimeOut: settings.canTimeOut,
    trusted: trigram ? trigramFeatures(settings.catalog) : undefined,
  });
  // Read before the rewrite appends its hidden count columns to the select list.
  const dimensions = analysis.aggregateOnly ? dimensionColumns(select) : [];
  // A row filter needs the OFFSET 0 barrier unless no predicate of the query can leak a hidden row;
  // a fence with masks only hides no row, so the user's predicates only ever see masked values.
  const leakproof = queryIsLeakproof({
    select,
    analysis,
    leakproofOperators: settings.catalog.leakproofOperators,
  });
  const rewritten = rewriteQuery({
    select,
    analysis,
    principal,
    maxRows: settings.maxRows,
    fenceFor: (reference) => {
      const barrier = reference.access.rowFilter !== undefined && !leakproof;
      const key = `${principal.role}/${reference.table.schema}.${reference.table.name}/${barrier}`;
      let fence = fences.get(key);
      if (!fence) {
        fence = buildFence(reference.table, reference.access, { barrier });
        fences.set(key, fence);
      }
      return structuredClone(fence);
    },
  });
  return { ...rewritten, analysis, dimensionColumns: dimensions };
}
