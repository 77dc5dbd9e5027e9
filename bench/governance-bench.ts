import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadGovernancePolicy } from '../mcp-tools/governance/index.js';
import type { RepetitionPolicy } from './governance/interleaved-medians.js';
import { measureExecutionOverhead } from './governance/measure-execution-overhead.js';
import { measureGateTime } from './governance/measure-gate-time.js';
import { measureNativeComparison } from './governance/measure-native-comparison.js';
import { round } from './governance/timing-statistics.js';
import { type BenchTarget, withBenchWarehouse } from './governance/with-bench-warehouse.js';

const policyPath = fileURLToPath(new URL('../mcp-tools/governance/default-policies.yml', import.meta.url));

/** Fast queries get more repetitions (they are the noisy ones); a slow one still gets three. */
const repetitions: RepetitionPolicy = { budgetMs: 400, minimum: 3, maximum: 25 };

/**
 * The cost of governance, on the shipped policy and the demo warehouse at `scale`: the gate alone
 * (p50/p99 per query), governed against ungoverned execution of the same queries, and Hale's gate
 * against PostgreSQL's own row-level security rendering the same policy. Runs on a fresh embedded
 * database and, when `serverUrl` is given, on a fresh database of that server (dropped afterwards).
 */
export async function benchGovernance({
  scale,
  serverUrl,
  targets: wanted = ['embedded', 'postgres'],
}: {
  scale: number;
  serverUrl?: string | undefined;
  /** Which databases to measure (`postgres` needs `serverUrl`). */
  targets?: readonly string[];
}) {
  const policy = await loadGovernancePolicy({ file: policyPath, text: readFileSync(policyPath, 'utf8') });
  // Roles belong to the whole server: a name of this run's own keeps concurrent runs apart.
  const rolePrefix = `halebench_${randomBytes(3).toString('hex')}_`;
  const targets: BenchTarget[] = [
    ...(wanted.includes('embedded') ? [{ kind: 'embedded' as const }] : []),
    ...(serverUrl && wanted.includes('postgres') ? [{ kind: 'postgres' as const, serverUrl }] : []),
  ];

  // Other work on the machine widens the spread (and the gate's p99): it is recorded with the figures.
  const loadAverageAtStart = loadavg()[0];
  let gate: ReturnType<typeof measureGateTime> | undefined;
  const databases: Record<string, unknown> = {};
  for (const target of targets) {
    databases[target.kind] = await withBenchWarehouse({
      target,
      scale,
      policy,
      rolePrefix,
      work: async (warehouse) => {
        process.stderr.write(
          `governance ${target.kind}: seeded scale ${scale} in ${warehouse.seedSeconds.toFixed(1)} s\n`,
        );
        // The gate is pure: timing it once, on the first database's catalog, is enough.
        gate ??= measureGateTime({
          policy,
          catalog: warehouse.catalog,
          canTimeOut: warehouse.database.canInterruptStatements,
        });
        const execution = await measureExecutionOverhead({ warehouse, policy, repetitions });
        let native: unknown;
        try {
          native = await measureNativeComparison({ warehouse, policy, rolePrefix, repetitions });
        } catch (error) {
          // PGlite may lack something the native script needs; the other figures still stand.
          native = { unavailable: (error as Error).message };
          process.stderr.write(`governance ${target.kind}: native comparison failed: ${String(error)}\n`);
        }
        return { seedSeconds: Math.round(warehouse.seedSeconds * 10) / 10, execution, native };
      },
    });
  }
  const loadAverage = {
    atStart: round(loadAverageAtStart ?? Number.NaN, 2),
    atEnd: round(loadavg()[0] ?? Number.NaN, 2),
  };
  return { scale, policyVersion: policy.version, loadAverage, gate, ...databases };
}
