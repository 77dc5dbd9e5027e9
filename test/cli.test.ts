import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { packageVersion } from '../bin/package-version.js';
import { openEmbeddedDatabase } from '../mcp-tools/db/index.js';
import { runHale } from './support/run-hale.js';
import { createServerDatabase, createTemporaryDirectory, testDatabaseUrl } from './support/test-databases.js';

const scratch = createTemporaryDirectory('hale-cli-');
const gibleed = new URL('../../shared/datasets/eunomia-gibleed-cdm53/', import.meta.url).pathname;
if (!existsSync(gibleed))
  console.warn(`[hale tests] ${gibleed} is absent: skipping the CLI dataset load test`);
afterAll(() => scratch.remove());

describe('hale CLI', () => {
  it('prints its version as text and as JSON', async () => {
    const text = await runHale(['version']);
    expect(text).toMatchObject({ exitCode: 0, stdout: `hale ${packageVersion}\n`, stderr: '' });
    const json = await runHale(['version', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: packageVersion });
  });

  it('lists the commands in help', async () => {
    const help = await runHale(['help']);
    expect(help.exitCode).toBe(0);
    for (const command of ['start', 'seed', 'cdm', 'version', 'help'])
      expect(help.stdout).toContain(`  ${command}`);
    const seedHelp = await runHale(['seed', '--help']);
    expect(seedHelp.stdout).toContain('--scale N');
  });

  it('rejects an unknown command with one line and the usage', async () => {
    const run = await runHale(['frobnicate']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('hale: unknown command "frobnicate"');
    expect(run.stderr).toContain('Usage: hale <command>');
  });

  it('rejects an unknown flag and a missing argument with the command usage', async () => {
    const flag = await runHale(['seed', '--sclae', '2']);
    expect(flag.exitCode).toBe(2);
    expect(flag.stderr.split('\n')[0]).toMatch(/^hale seed: Unknown option '--sclae'/);
    expect(flag.stderr).toContain('Usage: hale seed');
    const missing = await runHale(['cdm', 'load']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('hale cdm: missing argument');
  });

  it('names the flag and the variable of an invalid setting', async () => {
    const run = await runHale(['seed', '--data-dir', join(scratch.path, 'unused')], {
      env: { HALE_SEED_SCALE: 'lots' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim()).toBe(
      'hale seed: invalid HALE_SEED_SCALE (--scale / HALE_SEED_SCALE): expected a number between 0.01 and 10, got "lots"',
    );
  });

  it('refuses a directory that is not a Hale data directory, and leaves it alone', async () => {
    const foreign = join(scratch.path, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'thesis.docx'), 'precious');
    const run = await runHale(['seed', '--data-dir', foreign]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('is not a Hale data directory');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(foreign)).toEqual(['thesis.docx']);
    expect(readFileSync(join(foreign, 'thesis.docx'), 'utf8')).toBe('precious');
  });

  it('rejects an impossible reference date before doing any work', async () => {
    const run = await runHale([
      'seed',
      '--reference-date',
      '2023-02-30',
      '--data-dir',
      join(scratch.path, 'never'),
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'hale seed: --reference-date must be a date as YYYY-MM-DD, got "2023-02-30"',
    );
    expect(existsSync(join(scratch.path, 'never'))).toBe(false);
  });

  it('refuses a data directory that is a file', async () => {
    const file = join(scratch.path, 'not-a-directory');
    writeFileSync(file, 'x');
    const run = await runHale(['seed', '--json', '--data-dir', file]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim()).toBe(`hale seed: ${file} is a file, not a data directory; nothing was changed`);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'data_directory_foreign' } });
  });

  it('reports a corrupt data directory instead of overwriting it', async () => {
    const corrupt = join(scratch.path, 'corrupt');
    mkdirSync(join(corrupt, 'pgdata'), { recursive: true });
    writeFileSync(join(corrupt, 'hale-data-directory.json'), '{"format": 1}');
    const run = await runHale(['seed', '--data-dir', corrupt]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('its database (pgdata/) is missing or incomplete');
  });

  it('reports an unreadable embedded database and deletes nothing', async () => {
    const directory = join(scratch.path, 'damaged');
    const database = await openEmbeddedDatabase({ directory });
    await database.close();
    const control = join(directory, 'pgdata', 'global', 'pg_control');
    writeFileSync(control, Buffer.alloc(8192));
    const run = await runHale(['seed', '--data-dir', directory]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      /^hale seed: cannot open the embedded database in .*damaged: .*Nothing was deleted; move the directory aside to start fresh$/,
    );
    expect(readFileSync(control)).toEqual(Buffer.alloc(8192));
  });

  it('redoes a first creation that was interrupted before it finished', async () => {
    const directory = join(scratch.path, 'half-created');
    mkdirSync(join(directory, 'pgdata'), { recursive: true });
    writeFileSync(join(directory, 'pgdata', 'half-written'), 'x');
    writeFileSync(
      join(directory, 'hale-data-directory.json'),
      JSON.stringify({ format: 1, initialised: false }),
    );
    const database = await openEmbeddedDatabase({ directory });
    const answer = await database.query<{ answer: number }>('SELECT 42 AS answer');
    await database.close();
    expect(answer.rows).toEqual([{ answer: 42 }]);
    expect(JSON.parse(readFileSync(join(directory, 'hale-data-directory.json'), 'utf8'))).toEqual({
      format: 1,
      initialised: true,
    });
  });

  it('reports an unreachable DATABASE_URL in one line', async () => {
    const run = await runHale(['seed', '--json'], {
      env: { DATABASE_URL: 'postgres://hale:secret@127.0.0.1:1/nowhere' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^hale seed: cannot connect to postgres:\/\/hale:\*\*\*@127\.0\.0\.1:1\/nowhere: /,
    );
    expect(run.stderr).not.toContain('secret');
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'database_unreachable' } });
  });

  it.skipIf(!existsSync(gibleed))(
    'loads an OMOP dataset with cdm load and prints the row counts as JSON',
    async () => {
      const dataDirectory = join(scratch.path, 'loaded');
      const run = await runHale(['cdm', 'load', gibleed, '--json', '--data-dir', dataDirectory]);
      expect(run.exitCode, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.tables).toMatchObject({ person: 2694, concept_ancestor: 65_690, concept_synonym: 1064 });
      expect(report.cdmVersion).toBe('5.3');

      const bad = join(scratch.path, 'bad-dataset');
      mkdirSync(bad);
      writeFileSync(
        join(bad, 'PERSON.csv'),
        'person_id,gender_concept_id,year_of_birth,race_concept_id,ethnicity_concept_id\n1,8507,1980,0,0\nabc,8532,1990,0,0\n',
      );
      const failed = await runHale(['cdm', 'load', bad, '--data-dir', dataDirectory]);
      expect(failed.exitCode).toBe(1);
      expect(failed.stderr.trim()).toMatch(/^hale cdm: .*PERSON\.csv:3: column person_id: /);
    },
    120_000,
  );

  it.skipIf(!testDatabaseUrl)(
    'seeds a separate warehouse given by WAREHOUSE_URL, keeping app state embedded',
    async () => {
      const warehouse = await createServerDatabase();
      const dataDirectory = join(scratch.path, 'separate');
      try {
        const run = await runHale(['seed', '--scale', '0.05', '--json', '--data-dir', dataDirectory], {
          env: { WAREHOUSE_URL: warehouse.url },
        });
        expect(run.exitCode, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout).tables['scheduling.patient']).toBe(500);
        const client = new pg.Client({ connectionString: warehouse.url });
        await client.connect();
        const patients = await client.query('SELECT count(*)::int AS count FROM scheduling.patient');
        await client.end();
        expect(patients.rows).toEqual([{ count: 500 }]);
        const application = await openEmbeddedDatabase({ directory: dataDirectory });
        const schemas = await application.query(
          `SELECT nspname FROM pg_namespace WHERE nspname = 'scheduling'`,
        );
        await application.close();
        expect(schemas.rowCount).toBe(0);
      } finally {
        await warehouse.drop();
      }
    },
    120_000,
  );
});
