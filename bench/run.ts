/**
 * `npm run bench`: the figures the issues ask for, written as JSON under bench/results/. Each figure
 * comes with a baseline measured in the same run, so ratios stay meaningful across machines.
 *   npm run bench [-- --only seed,start,loader,governance,mcp,semantic,ontology,retrieval,chat,ui] [-- --scales 1,5]
 *     [-- --targets embedded,postgres] [-- --chunks 100000]
 * The governance and semantic figures use the largest of the scales.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchChat } from './chat-bench.js';
import { benchGovernance } from './governance-bench.js';
import { benchLoader } from './loader-bench.js';
import { benchMcp } from './mcp-bench.js';
import { benchOntology } from './ontology-bench.js';
import { benchRetrieval } from './retrieval-bench.js';
import { benchSeed } from './seed-bench.js';
import { benchSemantic } from './semantic-bench.js';
import { benchStart } from './start-bench.js';
import { benchUi } from './ui-bench.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    scales: { type: 'string' },
    targets: { type: 'string' },
    chunks: { type: 'string' },
  },
  strict: true,
});
const only = new Set(
  (values.only ?? 'seed,start,loader,governance,mcp,semantic,ontology,retrieval,chat,ui').split(','),
);
const scales = (values.scales ?? '1,5').split(',').map(Number);

const results: Record<string, unknown> = {
  startedAt: new Date().toISOString(),
  machine: {
    node: process.version,
    platform: process.platform,
    cpus: (await import('node:os')).cpus().length,
  },
};
if (only.has('seed')) results.seed = await benchSeed({ scales, serverUrl: process.env.BENCH_DATABASE_URL });
if (only.has('start')) results.start = await benchStart();
if (only.has('loader')) results.loader = await benchLoader({ serverUrl: process.env.BENCH_DATABASE_URL });
if (only.has('governance'))
  results.governance = await benchGovernance({
    scale: Math.max(...scales),
    serverUrl: process.env.BENCH_DATABASE_URL,
    ...(values.targets ? { targets: values.targets.split(',') } : {}),
  });
if (only.has('mcp')) results.mcp = await benchMcp();
if (only.has('ontology'))
  results.ontology = await benchOntology({ serverUrl: process.env.BENCH_DATABASE_URL });
if (only.has('retrieval'))
  results.retrieval = await benchRetrieval({
    serverUrl: process.env.BENCH_DATABASE_URL,
    ...(values.chunks ? { chunks: Number(values.chunks) } : {}),
  });
if (only.has('chat')) results.chat = await benchChat();
if (only.has('ui')) results.ui = await benchUi();
if (only.has('semantic'))
  results.semantic = await benchSemantic({
    scale: Math.max(...scales),
    serverUrl: process.env.BENCH_DATABASE_URL,
    ...(values.targets ? { targets: values.targets.split(',') } : {}),
  });

const directory = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(directory, { recursive: true });
const document = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(
  join(directory, `foundation-${results.startedAt as string}.json`.replaceAll(':', '-')),
  document,
);
writeFileSync(
  join(directory, 'foundation-latest.json'),
  `${JSON.stringify(mergeLatest(results), null, 2)}\n`,
);
process.stdout.write(document);

/**
 * The latest figures of every part: a run with `--only` replaces the parts it measured and keeps the
 * others, so measuring one part does not erase the rest. `measuredAt` says when each part was taken.
 */
function mergeLatest(run: Record<string, unknown>): Record<string, unknown> {
  const path = join(directory, 'foundation-latest.json');
  const previous = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)
    : {};
  const parts = ['seed', 'start', 'loader', 'governance', 'mcp', 'semantic', 'ontology', 'retrieval'];
  const previousMeasuredAt =
    (previous.measuredAt as Record<string, string> | undefined) ??
    Object.fromEntries(parts.filter((part) => part in previous).map((part) => [part, previous.startedAt]));
  const measuredAt = {
    ...previousMeasuredAt,
    ...Object.fromEntries(parts.filter((part) => part in run).map((part) => [part, run.startedAt])),
  };
  // A governance run on some targets keeps the other targets' figures.
  const governance =
    run.governance && previous.governance
      ? { ...(previous.governance as object), ...(run.governance as object) }
      : (run.governance ?? previous.governance);
  const semantic =
    run.semantic && previous.semantic
      ? {
          ...(previous.semantic as object),
          ...(run.semantic as object),
          execution: {
            ...((previous.semantic as { execution?: object }).execution ?? {}),
            ...((run.semantic as { execution?: object }).execution ?? {}),
          },
        }
      : (run.semantic ?? previous.semantic);
  return {
    ...previous,
    ...run,
    ...(governance ? { governance } : {}),
    ...(semantic ? { semantic } : {}),
    measuredAt,
  };
}
