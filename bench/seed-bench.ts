import { join } from 'node:path';
import { migrate, migrations, openEmbeddedDatabase, openPostgresDatabase } from '../mcp-tools/db/index.js';
import { generateDemoWarehouse, seedDemoWarehouse } from '../mcp-tools/warehouse/index.js';
import { withTemporaryDirectory } from './temporary-directory.js';

const referenceDate = '2026-11-23';

/**
 * Seed time per scale on a fresh embedded database (and on a PostgreSQL server when given). The
 * baseline is generating the same data in memory: the ratio shows what loading and indexing add.
 */
export async function benchSeed({ scales, serverUrl }: { scales: number[]; serverUrl?: string | undefined }) {
  const runs = [];
  for (const scale of scales) {
    const generationStarted = performance.now();
    const generated = await generateDemoWarehouse({ scale, seed: 1, referenceDate });
    const generationSeconds = (performance.now() - generationStarted) / 1000;
    const rows = generated.tables.reduce((total, table) => total + table.rowCount, 0);
    const appointments =
      generated.tables.find((table) => table.table === 'scheduling.appointment')?.rowCount ?? 0;

    const embeddedSeconds = await withTemporaryDirectory(async (path) => {
      const database = await openEmbeddedDatabase({ directory: join(path, 'data') });
      try {
        await migrate(database, migrations);
        const started = performance.now();
        await seedDemoWarehouse({ warehouse: database, scale, seed: 1, referenceDate, force: true });
        return (performance.now() - started) / 1000;
      } finally {
        await database.close();
      }
    });
    let serverSeconds: number | undefined;
    if (serverUrl) {
      const database = await openPostgresDatabase({ url: serverUrl });
      try {
        await migrate(database, migrations);
        const started = performance.now();
        await seedDemoWarehouse({ warehouse: database, scale, seed: 1, referenceDate, force: true });
        serverSeconds = (performance.now() - started) / 1000;
      } finally {
        await database.close();
      }
    }
    const run = {
      scale,
      rows,
      appointments,
      generationSeconds: round(generationSeconds),
      seedSecondsEmbedded: round(embeddedSeconds),
      seedSecondsPostgres: serverSeconds === undefined ? null : round(serverSeconds),
      seedToGenerationRatio: round(embeddedSeconds / generationSeconds),
      rowsPerSecondEmbedded: Math.round(rows / embeddedSeconds),
    };
    process.stderr.write(`seed ${JSON.stringify(run)}\n`);
    runs.push(run);
  }
  return { target: 'scale 1 under 60 s', runs };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
