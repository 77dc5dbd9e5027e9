import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadGovernancePolicy, loadSqlParser } from '../mcp-tools/governance/index.js';
import { loadSemanticLayer } from '../mcp-tools/semantic/index.js';
import {
  compileMetricQuery,
  type MetricQuery,
  type SemanticLayer,
  savedQueryToMetricQuery,
} from '../semantic-layer/index.js';
import { interleavedMedians, type RepetitionPolicy } from './governance/interleaved-medians.js';
import { median, percentile, ratioSummary, round } from './governance/timing-statistics.js';
import { type BenchTarget, withBenchWarehouse } from './governance/with-bench-warehouse.js';
import { goldCases } from './semantic/metric-gold-cases.js';

const policyPath = fileURLToPath(new URL('../mcp-tools/governance/default-policies.yml', import.meta.url));
const repetitions: RepetitionPolicy = { budgetMs: 1_500, minimum: 3, maximum: 15 };
const compileRuns = 500;

/**
 * Compile time of every saved query of the bundled models: `compileRuns` compilations each after a
 * warm-up, p50 and p95 over all of them. The baseline, in the same process, is PostgreSQL's parser
 * (which the gate runs on every query) parsing the compiled SQL: compilation should cost about as
 * much as the parse that follows it.
 */
async function measureCompileTime(layer: SemanticLayer) {
  const { parseSync } = await import('libpg-query');
  await loadSqlParser();
  const samples: number[] = [];
  const parseSamples: number[] = [];
  const perQuery: Record<string, number> = {};
  for (const saved of layer.manifest.savedQueries) {
    const query = savedQueryToMetricQuery(saved);
    const { sql } = compileMetricQuery(layer, query);
    for (let warm = 0; warm < 20; warm++) compileMetricQuery(layer, query);
    const own: number[] = [];
    for (let run = 0; run < compileRuns; run++) {
      const started = performance.now();
      compileMetricQuery(layer, query);
      own.push(performance.now() - started);
      const parseStarted = performance.now();
      parseSync(sql);
      parseSamples.push(performance.now() - parseStarted);
    }
    samples.push(...own);
    perQuery[saved.name] = round(median(own), 4);
  }
  return {
    savedQueries: layer.manifest.savedQueries.length,
    runsPerQuery: compileRuns,
    p50Ms: round(median(samples), 4),
    p95Ms: round(percentile(samples, 0.95), 4),
    baselineParseP50Ms: round(median(parseSamples), 4),
    compileToParseRatio: round(median(samples) / median(parseSamples), 2),
    perQueryP50Ms: perQuery,
  };
}

/**
 * Execution of each gold case's generated SQL against its hand-written gold SQL, both run directly
 * on the database (the gate's cost is measured by the governance bench), interleaved.
 */
async function measureExecution(
  layer: SemanticLayer,
  database: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
) {
  const cases: Record<string, { generatedMs: number; goldMs: number; ratio: number; repetitions: number }> =
    {};
  const ratios: number[] = [];
  for (const gold of goldCases) {
    const compiled = compileMetricQuery(layer, gold.query as MetricQuery);
    const { medians, repetitions: count } = await interleavedMedians({
      runners: new Map([
        ['generated', () => database.query(compiled.sql, compiled.parameters)],
        ['gold', () => database.query(gold.sql)],
      ]),
      repetitions,
    });
    const generatedMs = medians.get('generated') ?? Number.NaN;
    const goldMs = medians.get('gold') ?? Number.NaN;
    const ratio = generatedMs / goldMs;
    ratios.push(ratio);
    cases[gold.name] = {
      generatedMs: round(generatedMs, 2),
      goldMs: round(goldMs, 2),
      ratio: round(ratio),
      repetitions: count,
    };
    process.stderr.write(`semantic: ${gold.name}: ${generatedMs.toFixed(1)} ms vs ${goldMs.toFixed(1)} ms\n`);
  }
  return { ratio: ratioSummary(ratios), cases };
}

/**
 * The semantic layer's figures: compile time over the saved queries, and generated against gold SQL
 * execution at `scale` on a fresh embedded database and, when `serverUrl` is given, on PostgreSQL.
 */
export async function benchSemantic({
  scale,
  serverUrl,
  targets: wanted = ['embedded', 'postgres'],
}: {
  scale: number;
  serverUrl?: string | undefined;
  targets?: readonly string[];
}) {
  const layer = await loadSemanticLayer();
  const compile = await measureCompileTime(layer);
  process.stderr.write(
    `semantic: compile p50 ${compile.p50Ms} ms over ${compile.savedQueries} saved queries\n`,
  );
  const policy = await loadGovernancePolicy({ file: policyPath, text: readFileSync(policyPath, 'utf8') });
  const targets: BenchTarget[] = [
    ...(wanted.includes('embedded') ? [{ kind: 'embedded' as const }] : []),
    ...(serverUrl && wanted.includes('postgres') ? [{ kind: 'postgres' as const, serverUrl }] : []),
  ];
  const execution: Record<string, unknown> = {};
  for (const target of targets) {
    execution[target.kind] = await withBenchWarehouse({
      target,
      scale,
      policy,
      rolePrefix: `halebench_${randomBytes(3).toString('hex')}_`,
      work: async (warehouse) => {
        process.stderr.write(
          `semantic ${target.kind}: seeded scale ${scale} in ${warehouse.seedSeconds.toFixed(1)} s\n`,
        );
        return measureExecution(layer, warehouse.database);
      },
    });
  }
  return { scale, compile, execution };
}
