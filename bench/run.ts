/**
 * `npm run bench`: the figures the issues ask for, written as JSON under bench/results/. Each figure
 * comes with a baseline measured in the same run, so ratios stay meaningful across machines.
 *   npm run bench [-- --only seed,start,loader] [-- --scales 1,5]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchLoader } from './loader-bench.js';
import { benchSeed } from './seed-bench.js';
import { benchStart } from './start-bench.js';

const { values } = parseArgs({
  options: { only: { type: 'string' }, scales: { type: 'string' } },
  strict: true,
});
const only = new Set((values.only ?? 'seed,start,loader').split(','));
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

const directory = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(directory, { recursive: true });
const document = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(
  join(directory, `foundation-${results.startedAt as string}.json`.replaceAll(':', '-')),
  document,
);
writeFileSync(join(directory, 'foundation-latest.json'), document);
process.stdout.write(document);
