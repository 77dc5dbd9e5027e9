import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { type HaleRun, runHale } from '../support/run-hale.js';
import { createTemporaryDirectory } from '../support/test-databases.js';

interface SearchOutput {
  status: string;
  results: {
    rank: number;
    title: string;
    headingPath: string[];
    text: string;
    snippet: string;
    source: string;
    sourceType: string;
    documentKey: string;
  }[];
  mode: string;
  expansions: string[];
  notice?: string;
}

interface IngestOutput {
  status: string;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  chunks: number;
  skipped: { path: string; reason: string }[];
}

const fieldLevelCsv = fileURLToPath(
  new URL('../../../shared/datasets/omop-cdm54-field-level.csv', import.meta.url),
);
const hasFieldLevelCsv = existsSync(fieldLevelCsv);
if (!hasFieldLevelCsv)
  console.warn(
    `[hale tests] ${fieldLevelCsv} is absent: skipping the OMOP data dictionary ingestion test and the dictionary part of the ingestion test`,
  );

/**
 * Each CLI run starts a process and opens the embedded database (seconds of CPU each), and the tests
 * below run side by side, after the seed, which they wait for.
 */
const cliTestTimeout = 300_000;

const policyRoles = ['admin', 'data_scientist', 'analyst', 'clinician', 'ops_manager'];

/** The restricted bundled knowledge document: its title and readers, as its front matter says. */
const restrictedFile = 'patient-contact-and-re-identification.md';
const restrictedKey = `knowledge:${restrictedFile}`;
const restrictedFrontMatter = readFileSync(
  fileURLToPath(new URL(`../../docs/knowledge/${restrictedFile}`, import.meta.url)),
  'utf8',
);
const restrictedTitle = /^title: (.+)$/m.exec(restrictedFrontMatter)?.[1] ?? '';

const scratch = createTemporaryDirectory('hale-docs-');
const seeded = join(scratch.path, 'seeded');
let preparation: Promise<HaleRun> | undefined;

/**
 * Seeds the shared data directory once, then searches it as alice: the first search ingests the
 * bundled documents, so the copies made afterwards start with them. Started lazily rather than in
 * `beforeAll`, so the tests that need no database run while the seed does.
 */
function prepareSeededDirectory(): Promise<HaleRun> {
  preparation ??= (async () => {
    const seed = await runHale(['seed', '--scale', '0.01', '--data-dir', seeded]);
    if (seed.exitCode !== 0) throw new Error(`hale seed failed: ${seed.stderr}`);
    return hale(seeded, ['docs', 'search', 'taux de lapins', '--as', 'alice', '--json']);
  })();
  return preparation;
}

/**
 * A copy of the seeded data directory for one test: the embedded database is locked by the process
 * using it, so tests running side by side each get their own.
 */
async function dataDirectoryFor(name: string): Promise<string> {
  await prepareSeededDirectory();
  const directory = join(scratch.path, name);
  cpSync(seeded, directory, { recursive: true });
  return directory;
}

function hale(dataDirectory: string, args: string[]): Promise<HaleRun> {
  return runHale([...args, '--data-dir', dataDirectory]);
}

async function searchAs(
  dataDirectory: string,
  user: string,
  text: string,
  options: string[] = [],
): Promise<SearchOutput> {
  const run = await hale(dataDirectory, ['docs', 'search', text, '--as', user, '--json', ...options]);
  expect(run.exitCode, `${user}: ${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as SearchOutput;
}

async function ingest(dataDirectory: string, path: string, options: string[] = []): Promise<IngestOutput> {
  const run = await hale(dataDirectory, ['docs', 'ingest', path, '--json', ...options]);
  expect(run.exitCode, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as IngestOutput;
}

/** A text without highlight marks or line breaks, to compare a snippet with its passage. */
function plainText(text: string): string {
  return text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
}

const keysOf = (output: SearchOutput) => output.results.map((result) => result.documentKey);

/** The rows of the OMOP field-level dictionary, as records keyed by header. */
function fieldLevelRows(): Record<string, string>[] {
  return parse(readFileSync(fieldLevelCsv), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

function csvLine(values: readonly string[]): string {
  return values.map((value) => `"${value.replace(/"/g, '""')}"`).join(',');
}

afterAll(() => scratch.remove());

describe.concurrent('hale docs', () => {
  it(
    'answers a French question with the no-show definitions, the synonyms it added, as JSON and text',
    async () => {
      const frenchSearch = await prepareSeededDirectory();
      expect(frenchSearch.exitCode, frenchSearch.stderr).toBe(0);
      const output = JSON.parse(frenchSearch.stdout) as SearchOutput;
      expect(output.status).toBe('ok');
      expect(output.results.length).toBeGreaterThan(0);
      expect(keysOf(output).slice(0, 3)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^(metric:no_show_rate|metric:no_shows|knowledge:no-show-and-cancellation)/),
        ]),
      );
      // "lapins" is French for no-shows in the semantic layer's synonyms: the search also looked for those.
      expect(output.expansions.length).toBeGreaterThan(0);
      expect(output.expansions.some((expansion) => /no.?show/i.test(expansion))).toBe(true);

      const text = await hale(await dataDirectoryFor('french'), [
        'docs',
        'search',
        'taux de lapins',
        '--as',
        'alice',
      ]);
      expect(text.exitCode, text.stderr).toBe(0);
      const [first, second] = output.results;
      expect(text.stdout).toContain(`1. ${first?.title}`);
      expect(text.stdout).toContain(`[${first?.source}]`);
      expect(text.stdout).toContain(`2. ${second?.title}`);
      expect(text.stdout).toContain(`(also searched: ${output.expansions.join(', ')})`);
      expect(() => JSON.parse(text.stdout)).toThrow();

      // Snippets quote the passages in their own spelling (« honorés », capitals), matches in bold.
      for (const result of output.results)
        for (const fragment of result.snippet.split(' … '))
          expect(plainText(result.text), result.documentKey).toContain(plainText(fragment));
    },
    cliTestTimeout,
  );

  it(
    'lets each demo principal find only the documents their role may read',
    async () => {
      expect(restrictedTitle).toBe('Patient contact and re-identification procedure');
      expect(restrictedFrontMatter).toMatch(/^roles: \[admin, clinician\]$/m);
      const directory = await dataDirectoryFor('permissions');
      // The full matrix of the five principals runs in-process (retrieval-quality.test.ts); through
      // the CLI, one reader allowed and one refused suffice to show the command applies the rule.
      const found = new Map<string, string[]>();
      for (const user of ['bob', 'alice'])
        found.set(user, keysOf(await searchAs(directory, user, restrictedTitle, ['--limit', '20'])));
      expect(found.get('bob')?.slice(0, 3)).toContain(restrictedKey);
      expect(found.get('alice')).not.toContain(restrictedKey);
      expect(found.get('alice')?.length).toBeGreaterThan(0);
      for (const key of (found.get('alice') ?? []).filter((key) => key.startsWith('role:')))
        expect(key).toBe('role:analyst');

      const carolRoles = await searchAs(directory, 'carol', 'what may I see', [
        '--type',
        'role',
        '--limit',
        '20',
      ]);
      expect(keysOf(carolRoles)).toEqual(['role:ops_manager']);
      expect(carolRoles.results[0]?.sourceType).toBe('role');
    },
    cliTestTimeout,
  );

  it(
    'ingests a folder, then updates changed files and removes deleted ones, with the readers the files name',
    // The test's own `expect`: `expect.soft` must know its test among those running side by side.
    async ({ expect }) => {
      const directory = await dataDirectoryFor('ingest');

      // A folder naming a role the policy lacks is refused whole: none of its files is stored.
      const refused = join(scratch.path, 'refused');
      mkdirSync(refused);
      writeFileSync(
        join(refused, 'nurse-rota.md'),
        '---\ntitle: Nurse zephyrine rota\nroles: [nurse]\n---\n\n# Nurse zephyrine rota\n\nWho staffs the zephyrine ward at night.\n',
      );
      writeFileSync(
        join(refused, 'ward-notes.md'),
        '# Ward zephyrine notes\n\nThe zephyrine ward opens at 8.\n',
      );
      const nurse = await hale(directory, ['docs', 'ingest', refused]);
      expect(nurse.exitCode).toBe(1);
      expect(nurse.stdout).toBe('');
      const nurseError = nurse.stderr.trim();
      expect(nurseError.split('\n')).toHaveLength(1);
      expect(nurseError).toContain(join(refused, 'nurse-rota.md'));
      expect(nurseError).toContain('unknown role "nurse"');
      expect(nurseError).toContain(`the policy defines: ${policyRoles.join(', ')}`);

      const folder = join(scratch.path, 'team-notes');
      mkdirSync(folder);
      writeFileSync(
        join(folder, 'analyst-notes.md'),
        '---\ntitle: Analyst zephyrine notes\ntags: [analysis]\nroles: [analyst]\n---\n\n# Analyst zephyrine notes\n\nHow analysts compute the zephyrine index of appointment quality.\n',
      );
      writeFileSync(
        join(folder, 'public-handbook.md'),
        '# Public zephyrine handbook\n\nEveryone may read that the zephyrine board meets on Tuesdays.\n',
      );
      mkdirSync(join(folder, 'glossary'));
      writeFileSync(
        join(folder, 'glossary', 'zephyrine-terms.txt'),
        'Zephyrine: the team name for the appointment quality index.\n',
      );
      const dictionaryKeys: string[] = [];
      if (hasFieldLevelCsv) {
        const rows = fieldLevelRows();
        const picked = ['person', 'visit_occurrence'].flatMap((table) =>
          rows.filter((row) => row.cdmTableName === table).slice(0, 3),
        );
        const header = Object.keys(rows[0] ?? {});
        writeFileSync(
          join(folder, 'dictionary.csv'),
          [csvLine(header), ...picked.map((row) => csvLine(header.map((name) => row[name] ?? '')))].join(
            '\n',
          ),
        );
        dictionaryKeys.push('dictionary.csv#person', 'dictionary.csv#visit_occurrence');
      }

      const first = await ingest(directory, folder);
      expect(first.status).toBe('ok');
      expect([...first.added].sort()).toEqual(
        ['analyst-notes.md', 'glossary/zephyrine-terms.txt', 'public-handbook.md', ...dictionaryKeys].sort(),
      );
      expect(first).toMatchObject({ updated: [], removed: [], unchanged: 0, skipped: [] });
      expect(first.chunks).toBeGreaterThanOrEqual(first.added.length);

      const alice = keysOf(await searchAs(directory, 'alice', 'zephyrine', ['--limit', '10']));
      expect(alice).toEqual(
        expect.arrayContaining(['analyst-notes.md', 'glossary/zephyrine-terms.txt', 'public-handbook.md']),
      );
      expect(alice).not.toContain('nurse-rota.md');
      expect(alice).not.toContain('ward-notes.md');
      const carol = keysOf(await searchAs(directory, 'carol', 'zephyrine', ['--limit', '10']));
      expect(carol).toContain('public-handbook.md');
      expect(carol).not.toContain('analyst-notes.md');

      writeFileSync(
        join(folder, 'analyst-notes.md'),
        '---\ntitle: Analyst zephyrine notes\ntags: [analysis]\nroles: [analyst]\n---\n\n# Analyst zephyrine notes\n\nHow analysts compute the zephyrine index of appointment quality. Revised in March: weekends excluded.\n',
      );
      rmSync(join(folder, 'public-handbook.md'));
      const second = await ingest(directory, folder);
      expect(second).toMatchObject({
        added: [],
        updated: ['analyst-notes.md'],
        removed: ['public-handbook.md'],
        unchanged: dictionaryKeys.length + 1,
      });
      // Ingesting one file of the folder again leaves the folder's other documents alone.
      const single = await ingest(directory, join(folder, 'analyst-notes.md'));
      expect(single).toMatchObject({ added: [], updated: [], removed: [], unchanged: 1 });

      const after = await searchAs(directory, 'alice', 'zephyrine', ['--limit', '10']);
      expect(keysOf(after)).not.toContain('public-handbook.md');
      expect(after.results.some((result) => result.text.includes('board meets on Tuesdays'))).toBe(false);
      const updated = after.results.find((result) => result.documentKey === 'analyst-notes.md');
      expect(updated?.text).toContain('Revised in March: weekends excluded.');
      expect(keysOf(after)).toContain('glossary/zephyrine-terms.txt');
    },
    cliTestTimeout,
  );

  it.skipIf(!hasFieldLevelCsv)(
    'ingests the OMOP CDM field-level dictionary, one document per table, and answers a column question',
    async () => {
      const directory = await dataDirectoryFor('omop-dictionary');
      const tables = new Set(fieldLevelRows().map((row) => row.cdmTableName));
      const report = await ingest(directory, fieldLevelCsv);
      expect(report.added).toHaveLength(tables.size);
      expect(report.added).toContain('omop-cdm54-field-level.csv#person');
      expect(report).toMatchObject({ updated: [], removed: [], skipped: [] });

      const answer = await searchAs(directory, 'admin', 'what is gender_concept_id');
      const person = answer.results.find(
        (result) => result.documentKey === 'omop-cdm54-field-level.csv#person',
      );
      expect(person, `found: ${keysOf(answer).join(', ')}`).toBeDefined();
      expect(person).toMatchObject({ sourceType: 'data_dictionary', source: fieldLevelCsv });
    },
    cliTestTimeout,
  );

  it(
    'explains bad input in one line, or with the usage',
    async () => {
      // None of these reads the database: the data directory is never created.
      const directory = join(scratch.path, 'never-created');
      const missingPath = join(scratch.path, 'no-such-folder');
      const [missing, mode, anonymous, subcommand] = await Promise.all([
        hale(directory, ['docs', 'ingest', missingPath]),
        hale(directory, ['docs', 'search', 'no-show', '--as', 'alice', '--mode', 'fast']),
        hale(directory, ['docs', 'search', 'no-show']),
        hale(directory, ['docs', 'frobnicate', 'no-show']),
      ]);
      expect(missing.exitCode).toBe(1);
      expect(missing.stdout).toBe('');
      expect(missing.stderr.trim()).toBe(`hale docs: cannot read ${missingPath}: no such file or folder`);

      for (const [run, message] of [
        [mode, '--mode must be hybrid, vector or text, got "fast"'],
        [anonymous, '--as USER is required'],
        [subcommand, 'unknown subcommand "frobnicate": use search or ingest'],
      ] as const) {
        expect(run.exitCode, run.stderr).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr.split('\n')[0]).toContain(message);
        expect(run.stderr).toContain('Usage: hale docs search TEXT --as USER');
      }
      expect(existsSync(directory)).toBe(false);
    },
    cliTestTimeout,
  );
});
