import { type GateSettings, governQuery } from '../../mcp-tools/governance/firewall/govern-query.js';
import {
  defaultExecutionLimits,
  GovernanceError,
  type GovernancePolicy,
  governedSchemas,
  resolvePrincipal,
  type WarehouseCatalog,
} from '../../mcp-tools/governance/index.js';
import { demoUsers } from './demo-users.js';
import { deniedQueries } from './denied-queries.js';
import { legitimateQueries } from './legitimate-queries.js';
import { median, percentile, round } from './timing-statistics.js';

interface GateCall {
  id: string;
  user: string;
  sql: string;
}

/**
 * Time of the gate alone (`governQuery`: parse, check, analyse, rewrite; nothing runs) over every
 * legitimate query for every demo principal plus the denied corpus, after `warmUpRounds` untimed
 * passes. The fence cache is shared across calls, as in a running server. Each call is timed on its
 * own; p50 and p99 are over all calls of all rounds.
 */
export function measureGateTime({
  policy,
  catalog,
  canTimeOut,
  rounds = 30,
  warmUpRounds = 5,
}: {
  policy: GovernancePolicy;
  catalog: WarehouseCatalog;
  canTimeOut: boolean;
  rounds?: number;
  warmUpRounds?: number;
}) {
  const settings: GateSettings = {
    policy,
    catalog,
    schemas: governedSchemas,
    maxRows: defaultExecutionLimits.maxRows,
    canTimeOut,
  };
  const fences = new Map<string, Record<string, unknown>>();
  const calls: GateCall[] = [
    ...legitimateQueries.flatMap((query) =>
      demoUsers.map((user) => ({ id: query.id, user, sql: query.sql })),
    ),
    ...deniedQueries,
  ];
  const principals = new Map(demoUsers.map((user) => [user as string, resolvePrincipal(policy, user)]));

  const gate = (call: GateCall): 'allowed' | 'denied' => {
    const principal = principals.get(call.user);
    if (!principal) throw new Error(`no demo principal ${call.user}`);
    try {
      governQuery({ sql: call.sql, principal, settings, fences });
      return 'allowed';
    } catch (error) {
      if (error instanceof GovernanceError) return 'denied';
      throw error;
    }
  };

  for (let round = 0; round < warmUpRounds; round++) for (const call of calls) gate(call);

  const samples: Record<'allowed' | 'denied', number[]> = { allowed: [], denied: [] };
  const perCall = new Map<GateCall, number[]>(calls.map((call) => [call, []]));
  const perUser = new Map<string, number[]>(demoUsers.map((user) => [user, []]));
  for (let round = 0; round < rounds; round++) {
    for (const call of calls) {
      const started = performance.now();
      const outcome = gate(call);
      const milliseconds = performance.now() - started;
      samples[outcome].push(milliseconds);
      perCall.get(call)?.push(milliseconds);
      perUser.get(call.user)?.push(milliseconds);
    }
  }

  const all = [...samples.allowed, ...samples.denied];
  const figures = (values: number[]) => ({
    count: values.length,
    p50Ms: round(percentile(values, 0.5), 4),
    p99Ms: round(percentile(values, 0.99), 4),
    maxMs: round(Math.max(...values), 3),
  });
  const slowest = [...perCall.entries()]
    .map(([call, values]) => ({ id: call.id, user: call.user, medianMs: round(median(values), 4) }))
    .sort((left, right) => right.medianMs - left.medianMs)
    .slice(0, 5);
  return {
    target: 'p50 < 1 ms, p99 < 5 ms',
    corpus: {
      legitimateQueries: legitimateQueries.length,
      principals: demoUsers.length,
      deniedQueries: deniedQueries.length,
      calls: calls.length,
      allowedCalls: samples.allowed.length / rounds,
      deniedCalls: samples.denied.length / rounds,
    },
    rounds,
    warmUpRounds,
    ...figures(all),
    allowed: figures(samples.allowed),
    denied: figures(samples.denied),
    byUser: Object.fromEntries([...perUser.entries()].map(([user, values]) => [user, figures(values)])),
    slowestByMedian: slowest,
  };
}
