import { copyFileSync, createReadStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Database,
  migrate,
  migrations,
  openEmbeddedDatabase,
  openPostgresDatabase,
} from '../mcp-tools/db/index.js';
import { loadOmopDataset } from '../mcp-tools/warehouse/index.js';
import { withTemporaryDirectory } from './temporary-directory.js';

const ancestorFile = fileURLToPath(
  new URL('../../shared/datasets/eunomia-gibleed-cdm53/CONCEPT_ANCESTOR.csv', import.meta.url),
);
const rows = 65_690;

async function* fileChunksWithoutHeader(path: string): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    if (first) {
      first = false;
      yield (chunk as string).slice((chunk as string).indexOf('\n') + 1);
    } else {
      yield chunk as string;
    }
  }
}

async function measure(database: Database, folder: string) {
  await migrate(database, migrations);
  const loads: number[] = [];
  const rawCopies: number[] = [];
  for (let run = 0; run < 3; run++) {
    let started = performance.now();
    await loadOmopDataset({ database, path: folder });
    loads.push((performance.now() - started) / 1000);
    // Baseline: the same file sent straight to COPY, with no parsing, validation or index build.
    started = performance.now();
    await database.transaction(async (transaction) => {
      await transaction.exec('TRUNCATE vocab.concept_ancestor');
      await transaction.copyFrom({
        table: 'vocab.concept_ancestor',
        columns: [
          'ancestor_concept_id',
          'descendant_concept_id',
          'min_levels_of_separation',
          'max_levels_of_separation',
        ],
        chunks: fileChunksWithoutHeader(join(folder, 'CONCEPT_ANCESTOR.csv')),
      });
    });
    rawCopies.push((performance.now() - started) / 1000);
  }
  const median = (values: number[]) => values.sort((left, right) => left - right)[1] ?? 0;
  return {
    loadSeconds: Math.round(median(loads) * 1000) / 1000,
    rowsPerSecond: Math.round(rows / median(loads)),
    rawCopyRowsPerSecond: Math.round(rows / median(rawCopies)),
    loadToRawCopyRatio: Math.round((median(loads) / median(rawCopies)) * 100) / 100,
  };
}

/**
 * `hale cdm load` throughput on GiBleed's CONCEPT_ANCESTOR.csv (65,690 rows): the full loader (stream,
 * parse, validate, COPY, index, record) against a baseline of raw COPY of the same bytes.
 */
export async function benchLoader({ serverUrl }: { serverUrl?: string | undefined }) {
  if (!existsSync(ancestorFile)) return { skipped: `${ancestorFile} is absent` };
  return withTemporaryDirectory(async (path) => {
    const folder = join(path, 'dataset');
    mkdirSync(folder);
    copyFileSync(ancestorFile, join(folder, 'CONCEPT_ANCESTOR.csv'));
    const embeddedDatabase = await openEmbeddedDatabase({ directory: join(path, 'data') });
    const embedded = await measure(embeddedDatabase, folder).finally(() => embeddedDatabase.close());
    let postgres: Awaited<ReturnType<typeof measure>> | null = null;
    if (serverUrl) {
      const serverDatabase = await openPostgresDatabase({ url: serverUrl });
      postgres = await measure(serverDatabase, folder).finally(() => serverDatabase.close());
    }
    const result = { file: 'GiBleed CONCEPT_ANCESTOR.csv', rows, embedded, postgres };
    process.stderr.write(`loader ${JSON.stringify(result)}\n`);
    return result;
  });
}
