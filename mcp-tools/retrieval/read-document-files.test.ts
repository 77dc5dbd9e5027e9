import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnknownDictionaryLayoutError } from './parse-data-dictionary.js';
import { maxDocumentFileBytes, readDocumentFiles } from './read-document-files.js';
import { RetrievalError } from './retrieval-error.js';

const fieldLevel = fileURLToPath(
  new URL('../../../shared/datasets/omop-cdm54-field-level.csv', import.meta.url),
);
if (!existsSync(fieldLevel))
  console.warn(`[hale tests] ${fieldLevel} is absent: ingesting the real OMOP data dictionary is not tested`);

let folder: string;

async function write(relativePath: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(join(folder, relativePath)), { recursive: true });
  await writeFile(join(folder, relativePath), content);
}

async function rejection(promise: Promise<unknown>): Promise<RetrievalError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof RetrievalError) return error;
  throw new Error(`expected a RetrievalError, got ${String(error)}`);
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hale-documents-'));
  await write(
    'no-show.md',
    '---\ntitle: No-show definition\ntags: [scheduling]\nroles: [analyst, data_steward]\n---\n# No-show\n\nAn appointment the patient did not attend.\n',
  );
  await write(
    'team/rules.md',
    '```sh\n# not the title\n```\n\n# Booking rules\n\nCancellations within 24 hours count as no-shows.\n',
  );
  await write('notes.txt', 'Lyon teleconsultations started in 2021.\r\n');
  await write('dictionary/scheduling.csv', 'table,column,description\nappointment,status,Booking status\n');
  await write('extract/person.csv', 'PERSON_ID,GENDER_CONCEPT_ID\n1,8507\n');
  await write('report.pdf', '%PDF-1.7\n');
  await write('empty.md', '---\ntitle: Nothing yet\n---\n\n');
  await write(
    'legacy.md',
    Buffer.from([0x23, 0x20, 0xd2, 0x51, 0xd3, 0x0a, ...Buffer.from('d\xe9j\xe0 vu\n', 'latin1')]),
  );
  await write('big.txt', Buffer.alloc(maxDocumentFileBytes + 1024 * 1024, 'a'));
  await write('.draft.md', '# Draft\n');
  await write('.git/HEAD', 'ref: refs/heads/main\n');
  await write('node_modules/package/readme.md', '# A dependency\n');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readDocumentFiles on a folder', () => {
  it('reads markdown, text and data dictionaries in sorted order with keys relative to the folder', async () => {
    const { root, documents } = await readDocumentFiles(folder, { tags: ['ingested'] });
    expect(root).toBe(folder);
    expect(documents.map((document) => [document.key, document.sourceType, document.title])).toEqual([
      [
        'dictionary/scheduling.csv#appointment',
        'data_dictionary',
        'Data dictionary: appointment (scheduling.csv)',
      ],
      ['no-show.md', 'knowledge', 'No-show definition'],
      ['notes.txt', 'knowledge', 'notes.txt'],
      ['team/rules.md', 'knowledge', 'Booking rules'],
    ]);
    expect(documents[1]).toMatchObject({
      content: '# No-show\n\nAn appointment the patient did not attend.\n',
      tags: ['scheduling', 'ingested'],
      allowedRoles: ['analyst', 'data_steward'],
      source: join(folder, 'no-show.md'),
    });
    expect(documents[2]?.content).toBe('Lyon teleconsultations started in 2021.\n');
    expect(documents[3]).toMatchObject({ tags: ['ingested'], allowedRoles: ['*'] });
  });

  it('gives documents without front matter roles the default roles', async () => {
    const { documents } = await readDocumentFiles(folder, { defaultRoles: ['analyst'] });
    expect(Object.fromEntries(documents.map((document) => [document.key, document.allowedRoles]))).toEqual({
      'dictionary/scheduling.csv#appointment': ['analyst'],
      'no-show.md': ['analyst', 'data_steward'],
      'notes.txt': ['analyst'],
      'team/rules.md': ['analyst'],
    });
  });

  it('lists the files it could not ingest with the reason, ignoring hidden files and node_modules', async () => {
    const { skipped } = await readDocumentFiles(folder);
    expect(skipped).toEqual([
      { path: join(folder, 'big.txt'), reason: '6 MB, larger than the 5 MB limit' },
      { path: join(folder, 'empty.md'), reason: 'the file has no text' },
      {
        path: join(folder, 'extract/person.csv'),
        reason:
          'not a data dictionary (its columns are PERSON_ID, GENDER_CONCEPT_ID; a dictionary needs a table column and a column or description column)',
      },
      {
        path: join(folder, 'legacy.md'),
        reason: 'not UTF-8 text (4 invalid byte sequences); save it as UTF-8',
      },
      {
        path: join(folder, 'report.pdf'),
        reason: 'unsupported file type .pdf; expected .md, .markdown, .txt, .csv',
      },
    ]);
  });

  it('fails on malformed front matter, naming the file', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'hale-documents-'));
    try {
      await writeFile(join(broken, 'access.md'), '---\nrole: analyst\n---\nRestricted.\n');
      const error = await rejection(readDocumentFiles(broken));
      expect(error.code).toBe('invalid_document');
      expect(error.message).toContain(`${join(broken, 'access.md')}: invalid front matter: unknown key role`);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});

describe('readDocumentFiles on a single file', () => {
  it('uses the file folder as the root', async () => {
    const path = join(folder, 'team/rules.md');
    const { root, documents, skipped } = await readDocumentFiles(path);
    expect(root).toBe(join(folder, 'team'));
    expect(documents.map((document) => [document.key, document.source])).toEqual([['rules.md', path]]);
    expect(skipped).toEqual([]);
  });

  it('fails instead of skipping a file it was asked for and cannot ingest', async () => {
    const pdf = await rejection(readDocumentFiles(join(folder, 'report.pdf')));
    expect(pdf.code).toBe('unreadable_source');
    expect(pdf.message).toBe(
      `cannot ingest ${join(folder, 'report.pdf')}: unsupported file type .pdf; expected .md, .markdown, .txt, .csv`,
    );
    const extract = await rejection(readDocumentFiles(join(folder, 'extract/person.csv')));
    expect(extract).toBeInstanceOf(UnknownDictionaryLayoutError);
    expect(extract.message).toContain(
      'extract/person.csv: not a data dictionary: found the columns "PERSON_ID"',
    );
  });

  it('reports a path that does not exist', async () => {
    const missing = join(folder, 'missing');
    const error = await rejection(readDocumentFiles(missing));
    expect(error.code).toBe('unreadable_source');
    expect(error.message).toBe(`cannot read ${missing}: no such file or folder`);
  });

  it.skipIf(!existsSync(fieldLevel))(
    'ingests the OMOP field-level CSV despite its few non-UTF-8 curly quotes',
    async () => {
      const { documents } = await readDocumentFiles(fieldLevel);
      expect(documents).toHaveLength(39);
      const drugExposure = documents.find(
        (document) => document.key === 'omop-cdm54-field-level.csv#drug_exposure',
      );
      expect(drugExposure?.content).toContain('order of precedence: \uFFFDMarketed Product\uFFFD');
    },
  );
});
