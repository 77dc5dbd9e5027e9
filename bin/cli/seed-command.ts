import { seedDemoWarehouse } from '../../mcp-tools/warehouse/index.js';
import { openRuntime } from '../open-runtime.js';
import { type Command, UsageError } from './command.js';

const usage = `hale seed [--scale N] [--seed N] [--reference-date YYYY-MM-DD] [--force] [--json]
  Generates the demo warehouse (cdm, vocab, scheduling). Scale 1 ≈ 10,000 patients, 200,000 appointments.
  --scale N              size (default 1, env HALE_SEED_SCALE)
  --seed N               random seed (default 1): the same seed gives the same data
  --reference-date DATE  "today" of the data: appointments run up to it (default: today)
  --force                replace an existing warehouse`;

export const seedCommand: Command = {
  name: 'seed',
  summary: 'generate the demo warehouse',
  usage,
  options: {
    scale: { type: 'string' },
    seed: { type: 'string' },
    'reference-date': { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: [0, 0],
  async run(context) {
    const { values, config, output } = context;
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isSafeInteger(seed) || seed < 0)
      throw new UsageError(`--seed must be a non-negative integer`, usage);
    const referenceDate = String(values['reference-date'] ?? new Date().toISOString().slice(0, 10));
    // The round trip rejects dates JavaScript would roll over (2023-02-30 → March 2).
    const parsed = Date.parse(`${referenceDate}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate) ||
      Number.isNaN(parsed) ||
      new Date(parsed).toISOString().slice(0, 10) !== referenceDate
    ) {
      throw new UsageError(
        `--reference-date must be a date as YYYY-MM-DD, got ${JSON.stringify(referenceDate)}`,
        usage,
      );
    }
    const databases = await openRuntime(context);
    const report = await seedDemoWarehouse({
      warehouse: databases.warehouse,
      scale: config.seedScale,
      seed,
      referenceDate,
      force: values.force === true,
      signal: context.signal,
      onProgress: (event) =>
        output.progress(`  ${event.table.padEnd(28)} ${event.rows.toLocaleString('en')} rows`),
    });
    const lines = [
      `Seeded the demo warehouse at scale ${report.scale} (seed ${report.seed}, reference date ${report.referenceDate}) in ${(report.durationMs / 1000).toFixed(1)} s`,
      ...Object.entries(report.tables).map(
        ([table, rows]) => `  ${table.padEnd(34)} ${rows.toLocaleString('en').padStart(10)}`,
      ),
    ];
    return { json: report, text: lines.join('\n') };
  },
};
