import { loadOmopDataset } from '../../mcp-tools/warehouse/index.js';
import { openRuntime } from '../open-runtime.js';
import { type Command, UsageError } from './command.js';

const usage = `hale cdm load PATH [--strict] [--json]
  Loads an OMOP CDM dataset (CDM 5.3 or 5.4 CSV folder or zip) and/or an Athena vocabulary download.
  Clinical files replace the whole cdm schema; vocabulary files replace the whole vocab schema.
  The load is one transaction: a bad row aborts it and the previous data stays.
  A file that repeats a primary key (real exports do) is loaded without that key and reported;
  --strict makes it abort the load instead.`;

export const cdmCommand: Command = {
  name: 'cdm',
  summary: 'load an OMOP CDM dataset or Athena vocabulary (hale cdm load PATH)',
  usage,
  options: { strict: { type: 'boolean' } },
  positionals: [2, 2],
  async run(context) {
    const [subcommand, path] = context.positionals;
    if (subcommand !== 'load' || path === undefined) {
      throw new UsageError(`unknown cdm subcommand ${JSON.stringify(subcommand)}`, usage);
    }
    const databases = await openRuntime(context);
    const started = performance.now();
    const report = await loadOmopDataset({
      database: databases.warehouse,
      path,
      signal: context.signal,
      onDuplicateKey: context.values.strict === true ? 'fail' : 'keep-rows',
      onProgress: (event) =>
        context.output.progress(`  ${event.table.padEnd(28)} ${event.rows.toLocaleString('en')} rows`),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const lines = [
      `Loaded ${path} (CDM ${report.cdmVersion}) in ${seconds} s; replaced schemas: ${report.replacedSchemas.join(', ')}`,
      ...Object.entries(report.tables).map(
        ([table, rows]) => `  ${table.padEnd(28)} ${rows.toLocaleString('en').padStart(10)}`,
      ),
      ...report.emptiedSchemas.map(
        (schema) => `  emptied ${schema}: its demo rows pointed at the replaced clinical data`,
      ),
      ...report.skipped.map((skipped) => `  skipped ${skipped.file}: ${skipped.reason}`),
      ...report.droppedPrimaryKeys.map(
        (dropped) => `  loaded ${dropped.table} without its primary key: ${dropped.reason}`,
      ),
    ];
    return { json: report, text: lines.join('\n') };
  },
};
