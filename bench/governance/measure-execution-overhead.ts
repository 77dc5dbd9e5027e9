import {
  type GovernancePolicy,
  type Principal,
  recordAuditEntry,
  resolvePrincipal,
} from '../../mcp-tools/governance/index.js';
import { demoUsers } from './demo-users.js';
import { interleavedMedians, type RepetitionPolicy } from './interleaved-medians.js';
import { type BenchQuery, legitimateQueries } from './legitimate-queries.js';
import { median, ratioSummary, round } from './timing-statistics.js';
import type { BenchWarehouse } from './with-bench-warehouse.js';

interface PairTiming {
  query: BenchQuery;
  user: string;
  governedMs: number;
  ungovernedMs: number;
  ratio: number;
}

/**
 * Governed execution (`GovernedWarehouse.run`: gate, READ ONLY transaction with its settings, the
 * query, disclosure control, the audit insert) against the same SQL run directly on the database,
 * for every legitimate query and every principal the gate lets run it. The ungoverned run is the
 * same for every principal (it is what an administrator would run), so a restricted principal's
 * ratio also shows the rows its filter saves; admin's ratio is the pure cost of governing.
 */
export async function measureExecutionOverhead({
  warehouse,
  policy,
  repetitions,
}: {
  warehouse: BenchWarehouse;
  policy: GovernancePolicy;
  repetitions: RepetitionPolicy;
}) {
  const principals = new Map<string, Principal>(
    demoUsers.map((user) => [user, resolvePrincipal(policy, user)]),
  );
  const governedRun = (principal: Principal, sql: string) => () =>
    warehouse.governed.run({ sql, principal, channel: 'eval', tool: 'bench' });
  const fixedCost = await measureFixedCost({ warehouse, policy });
  const pairs: PairTiming[] = [];
  const skipped: { id: string; user: string; code: string }[] = [];
  const queries = [];

  for (const query of legitimateQueries) {
    const runners = new Map<string, () => Promise<unknown>>([
      ['ungoverned', () => warehouse.database.query(query.sql)],
    ]);
    for (const [user, principal] of principals) {
      const first = await governedRun(principal, query.sql)();
      if (first.status === 'ok') runners.set(user, governedRun(principal, query.sql));
      // Refusals are the gate doing its job (carol has no OMOP data); anything else is worth seeing.
      else if (first.code !== 'not_permitted' && first.code !== 'aggregate_required')
        skipped.push({ id: query.id, user, code: first.code ?? first.status });
    }
    const { medians, repetitions: count } = await interleavedMedians({ runners, repetitions });
    const ungovernedMs = medians.get('ungoverned') ?? Number.NaN;
    const governed: Record<string, { ms: number; ratio: number }> = {};
    for (const [user, governedMs] of medians) {
      if (user === 'ungoverned') continue;
      const ratio = governedMs / ungovernedMs;
      pairs.push({ query, user, governedMs, ungovernedMs, ratio });
      governed[user] = { ms: round(governedMs), ratio: round(ratio) };
    }
    queries.push({
      id: query.id,
      queryClass: query.queryClass,
      repetitions: count,
      ungovernedMs: round(ungovernedMs),
      governed,
    });
    process.stderr.write(
      `governance execution ${warehouse.kind} ${query.id} ${JSON.stringify(governed)} ungoverned ${round(ungovernedMs)} ms\n`,
    );
  }

  const ratiosOf = (selected: PairTiming[]) => ratioSummary(selected.map((pair) => pair.ratio));
  const admin = pairs.filter((pair) => pair.user === 'admin');
  const classes = [...new Set(legitimateQueries.map((query) => query.queryClass))];
  return {
    target: 'median governed/ungoverned ratio ≤ 1.15',
    fixedCost,
    pairs: pairs.length,
    ratio: ratiosOf(pairs),
    byUser: Object.fromEntries(
      demoUsers.map((user) => [user, ratiosOf(pairs.filter((pair) => pair.user === user))]),
    ),
    adminByClass: Object.fromEntries(
      classes.map((queryClass) => [
        queryClass,
        ratiosOf(admin.filter((pair) => pair.query.queryClass === queryClass)),
      ]),
    ),
    adminOverheadMs: {
      median: round(median(admin.map((pair) => pair.governedMs - pair.ungovernedMs))),
      ungovernedMedianMs: round(median(admin.map((pair) => pair.ungovernedMs))),
    },
    highestRatios: [...pairs]
      .sort((left, right) => right.ratio - left.ratio)
      .slice(0, 8)
      .map((pair) => ({
        id: pair.query.id,
        user: pair.user,
        governedMs: round(pair.governedMs),
        ungovernedMs: round(pair.ungovernedMs),
        ratio: round(pair.ratio),
      })),
    skipped,
    queries,
  };
}

/**
 * What governing costs when the query itself costs nothing: `SELECT 1` plain and through the gate
 * (transaction, settings, audit), and the audit insert alone (it commits, so it waits for the WAL).
 */
async function measureFixedCost({
  warehouse,
  policy,
}: {
  warehouse: BenchWarehouse;
  policy: GovernancePolicy;
}) {
  const principal = resolvePrincipal(policy, 'admin');
  const sql = 'SELECT 1 AS one';
  const { medians } = await interleavedMedians({
    runners: new Map<string, () => Promise<unknown>>([
      ['plain', () => warehouse.database.query(sql)],
      ['governed', () => warehouse.governed.run({ sql, principal, channel: 'eval', tool: 'bench' })],
      [
        'auditInsert',
        () =>
          recordAuditEntry(warehouse.database, {
            principal: 'admin',
            role: 'admin',
            channel: 'eval',
            tool: 'bench',
            originalSql: sql,
            executedSql: sql,
            policies: [],
            outcome: 'ok',
            rowsReturned: 1,
            suppressedGroups: 0,
            durationMs: 0,
            policyVersion: policy.version,
          }),
      ],
    ]),
    repetitions: { budgetMs: 1000, minimum: 50, maximum: 500 },
  });
  return {
    selectOnePlainMs: round(medians.get('plain') ?? Number.NaN),
    selectOneGovernedMs: round(medians.get('governed') ?? Number.NaN),
    auditInsertMs: round(medians.get('auditInsert') ?? Number.NaN),
  };
}
