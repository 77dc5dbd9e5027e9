import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Database,
  type MigrationReport,
  migrate,
  migrations,
  openPostgresDatabase,
} from '../../mcp-tools/db/index.js';
import { listAuditEntries, type Principal } from '../../mcp-tools/governance/index.js';
import {
  builtinEmbeddingProvider,
  chunkEmbeddingText,
  chunkMarkdown,
  createDocumentLibrary,
  createEmbeddingProvider,
  type DocumentSearchRequest,
  type Embedder,
  type EmbeddingProvider,
  fixedEmbeddingProvider,
  type IngestionProgress,
  ingestDocuments,
  RetrievalError,
  type SearchMode,
  type SourceDocument,
} from '../../mcp-tools/retrieval/index.js';
import {
  type ScriptedEmbeddingServer,
  startScriptedEmbeddingServer,
} from '../support/scripted-embedding-server.js';
import {
  type DisposableDatabase,
  type TestDatabaseAdapter,
  testDatabaseAdapters,
  testDatabaseUrl,
} from '../support/test-databases.js';

/**
 * Whether an adapter's server can have pgvector, known before the suites are collected so the
 * vector tests can be skipped with a reason: PGlite bundles it, a server has it when it is installed.
 * The first test checks that the migration report agrees.
 */
async function serverOffersPgvector(adapter: TestDatabaseAdapter): Promise<boolean> {
  if (adapter.name === 'pglite') return true;
  const server = await openPostgresDatabase({ url: testDatabaseUrl ?? '' });
  try {
    const result = await server.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
    return result.rowCount > 0;
  } finally {
    await server.close();
  }
}

const pgvectorOffered = new Map(
  await Promise.all(
    testDatabaseAdapters.map(async (adapter) => [adapter.name, await serverOffersPgvector(adapter)] as const),
  ),
);

const analyst: Principal = { user: 'ana', role: 'analyst', attributes: {} };
const clinician: Principal = { user: 'claude', role: 'clinician', attributes: {} };
const admin: Principal = { user: 'ada', role: 'admin', attributes: {} };
const guest: Principal = { user: 'gus', role: 'guest', attributes: {} };

const noShow: SourceDocument = {
  key: 'knowledge:no-show.md',
  sourceType: 'knowledge',
  title: 'No-show rate',
  content:
    '# No-show rate\n\nA no-show is an unannounced absence: the patient missed the appointment without cancelling it.\n\n## Computation\n\nDivide the missed appointments by the booked appointments of the period.',
  tags: ['scheduling'],
  allowedRoles: ['*'],
  source: 'knowledge/no-show.md',
};

const dischargeNotes: SourceDocument = {
  key: 'knowledge:discharge-notes.md',
  sourceType: 'knowledge',
  title: 'Discharge summaries',
  content:
    'Discharge summaries hold the free-text clinical notes written when an inpatient stay ends, with haemoglobin results and the follow-up appointment.',
  tags: ['clinical'],
  allowedRoles: ['clinician', 'admin'],
  source: 'knowledge/discharge-notes.md',
};

const waitingTime: SourceDocument = {
  key: 'metric:waiting_time',
  sourceType: 'metric',
  title: 'Waiting time',
  content:
    'Délai moyen entre la prise de rendez-vous et la consultation: the average days from booking an appointment to the visit.',
  tags: ['scheduling', 'access'],
  allowedRoles: ['*'],
  source: 'semantic layer: scheduling.yml',
};

const appointmentTable: SourceDocument = {
  key: 'table:scheduling.appointment',
  sourceType: 'table',
  title: 'Appointment table',
  content:
    'One row per appointment with its status: booked, cancelled or fulfilled, and the practice that holds it.',
  tags: ['scheduling'],
  allowedRoles: ['*'],
  source: 'catalog: scheduling.appointment',
};

const cancellationPolicy: SourceDocument = {
  key: 'knowledge:cancellation-policy.md',
  sourceType: 'knowledge',
  title: 'Cancellation notice',
  content:
    'Le delai de prevenance: a patient cancelling less than 24 hours ahead counts as a late cancellation.',
  tags: ['scheduling'],
  allowedRoles: ['analyst', 'admin'],
  source: 'knowledge/cancellation-policy.md',
};

const library = [noShow, dischargeNotes, waitingTime, appointmentTable, cancellationPolicy];

/** A long document: one chunk per section, more chunks than one embedding batch (256). */
function operationsManual(sections: number): SourceDocument {
  return {
    key: 'knowledge:operations-manual.md',
    sourceType: 'knowledge',
    title: 'Operations manual',
    content: Array.from(
      { length: sections },
      (_, index) => `## Procedure ${index + 1}\n\nStep ${index + 1} of the clinic operations manual.`,
    ).join('\n\n'),
    tags: ['operations'],
    allowedRoles: ['*'],
    source: 'knowledge/operations-manual.md',
  };
}

/**
 * A deterministic embedder of `dimension` buckets of character codes: no network, texts sharing
 * letters are close. It records every call, so tests see what was embedded.
 */
function letterEmbedder(
  id: string,
  { dimension = 8, failOnCall }: { dimension?: number; failOnCall?: number } = {},
): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      if (calls.length === failOnCall) throw new Error(`${id} broke on call ${failOnCall}`);
      return texts.map((text) => {
        const vector = new Array<number>(dimension).fill(1);
        for (const character of text.toLowerCase()) {
          const bucket = character.charCodeAt(0) % dimension;
          vector[bucket] = (vector[bucket] ?? 0) + 1;
        }
        const norm = Math.hypot(...vector);
        return vector.map((value) => value / norm);
      });
    },
  };
}

describe.each(testDatabaseAdapters)('document store on $name', (adapter) => {
  const hasPgvector = pgvectorOffered.get(adapter.name) ?? false;
  if (!hasPgvector)
    console.warn(
      `[hale tests] ${adapter.name}: the server has no pgvector extension (migration 7 stays pending): skipping the document store's vector tests (embedding, HNSW index, re-embedding, rollback of a failed embedding, vector search over HTTP)`,
    );
  else
    console.warn(
      `[hale tests] ${adapter.name}: the database has pgvector: skipping the document store tests of the full-text fallback without pgvector`,
    );

  let handle: DisposableDatabase;
  let database: Database;
  let migration: MigrationReport;
  /** pgvector present and migration 7 applied: what ingestion and search are told. */
  let vectors: boolean;

  beforeAll(async () => {
    handle = await adapter.create();
    database = handle.database;
    migration = await migrate(database, migrations);
    vectors = migration.features.vector && !migration.pending.some((pending) => pending.version === 7);
  }, 60_000);
  afterAll(async () => handle?.dispose());

  // Each test starts from an empty store and no embedding space.
  beforeEach(async () => {
    await database.exec('DELETE FROM hale.documents');
    if (vectors)
      await database.exec(
        'DELETE FROM hale.embedding_space; DROP INDEX IF EXISTS hale.chunks_embedding_hnsw',
      );
  });

  function ingest(
    documents: readonly SourceDocument[],
    options: {
      collection?: string;
      provider?: EmbeddingProvider;
      reembed?: boolean;
      onProgress?: (progress: IngestionProgress) => void;
    } = {},
  ) {
    return ingestDocuments({
      database,
      collection: options.collection ?? 'knowledge',
      documents,
      provider: options.provider ?? builtinEmbeddingProvider(),
      vectors,
      ...(options.reembed ? { reembed: true } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  }

  function search(
    principal: Principal,
    query: string,
    options: Partial<Omit<DocumentSearchRequest, 'principal' | 'query'>> & {
      provider?: EmbeddingProvider;
    } = {},
  ) {
    const { provider = builtinEmbeddingProvider(), ...request } = options;
    return createDocumentLibrary({ database, provider, policyVersion: 'policy-test' }).search({
      principal,
      channel: 'cli',
      tool: 'search_documents',
      query,
      limit: 10,
      ...request,
    });
  }

  async function keysFound(principal: Principal, query: string, options: Parameters<typeof search>[2] = {}) {
    return (await search(principal, query, options)).hits.map((hit) => hit.documentKey);
  }

  async function chunkIdsOf(documentKey: string): Promise<number[]> {
    const result = await database.query<{ chunk_id: string | number }>(
      `SELECT c.chunk_id FROM hale.chunks c JOIN hale.documents d USING (document_id)
       WHERE d.document_key = $1 ORDER BY c.chunk_id`,
      [documentKey],
    );
    return result.rows.map((row) => Number(row.chunk_id));
  }

  async function count(sql: string): Promise<number> {
    const result = await database.query<{ count: string | number }>(sql);
    return Number(result.rows[0]?.count);
  }

  async function embeddingColumnType(): Promise<string | undefined> {
    const result = await database.query<{ type: string }>(
      `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 'hale.chunks'::regclass AND attname = 'embedding'`,
    );
    return result.rows[0]?.type;
  }

  async function vectorIndexDefinition(): Promise<string | undefined> {
    const result = await database.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = 'hale' AND indexname = 'chunks_embedding_hnsw'`,
    );
    return result.rows[0]?.indexdef;
  }

  /**
   * Everything an ingestion may change, to compare before and after a refused or failed one: the
   * documents, their chunks (with vectors), every other table of the schema as text (the embedding
   * space, term statistics …), the vector column's type and the HNSW index.
   */
  async function storeSnapshot() {
    const documents = await database.query(
      'SELECT document_id, collection, document_key, content_hash, allowed_roles FROM hale.documents ORDER BY document_id',
    );
    const chunks = await database.query(
      `SELECT chunk_id, document_id, ordinal, content, allowed_roles${vectors ? ', embedder, embedding::text AS embedding' : ''}
       FROM hale.chunks ORDER BY chunk_id`,
    );
    const tables = await database.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'hale' AND table_name NOT IN ('documents', 'chunks', 'audit_log')
       ORDER BY table_name`,
    );
    const otherTables: Record<string, unknown[]> = {};
    for (const { table_name: table } of tables.rows)
      otherTables[table] = (
        await database.query<{ row: string }>(`SELECT t::text AS row FROM hale.${table} t ORDER BY 1`)
      ).rows.map((row) => row.row);
    return {
      documents: documents.rows,
      chunks: chunks.rows,
      otherTables,
      ...(vectors ? { column: await embeddingColumnType(), index: await vectorIndexDefinition() } : {}),
    };
  }

  it('applies migration 7 exactly where pgvector is', async () => {
    expect(vectors).toBe(hasPgvector);
    expect(migration.features.vector).toBe(hasPgvector);
    const pendingSeven = migration.pending.find((pending) => pending.version === 7);
    if (hasPgvector) expect(pendingSeven).toBeUndefined();
    else expect(pendingSeven).toMatchObject({ name: 'chunk embeddings', missing: ['vector'] });
  });

  it('reports what an ingestion added, updated, removed and left alone', async () => {
    const first = await ingest(library);
    expect([...first.added].sort()).toEqual(library.map((document) => document.key).sort());
    expect(first).toMatchObject({ collection: 'knowledge', updated: [], removed: [], unchanged: 0 });
    expect(first.chunks).toBe(await count('SELECT count(*) AS count FROM hale.chunks'));
    expect(first.chunks).toBeGreaterThanOrEqual(library.length);

    // The same set again: nothing is rewritten, not even a vector.
    const before = await storeSnapshot();
    const again = await ingest(library);
    expect(again).toMatchObject({
      added: [],
      updated: [],
      removed: [],
      unchanged: library.length,
      chunks: 0,
    });
    if (vectors) expect(again).toMatchObject({ embedded: 0, reembedded: false });
    expect(await storeSnapshot()).toEqual(before);
    // The order of tags and roles is no change either.
    const reordered = library.map((document) => ({
      ...document,
      tags: [...document.tags].reverse(),
      allowedRoles: [...document.allowedRoles].reverse(),
    }));
    expect(await ingest(reordered)).toMatchObject({ updated: [], unchanged: library.length });

    // One document's text changes: only it is rewritten, its old chunks go, its new words are found.
    const oldChunks = await chunkIdsOf(noShow.key);
    const otherChunks = await chunkIdsOf(appointmentTable.key);
    expect(await keysFound(analyst, 'unannounced absence', { mode: 'text' })).toEqual([noShow.key]);
    const edited = {
      ...noShow,
      content: '# No-show rate\n\nA no-show leaves an empty slot: the patient neither came nor telephoned.',
    };
    const update = await ingest([edited, dischargeNotes, waitingTime, appointmentTable, cancellationPolicy]);
    expect(update).toMatchObject({ added: [], updated: [noShow.key], removed: [], unchanged: 4 });
    expect(update.chunks).toBe(chunkMarkdown(edited.content).length);
    const newChunks = await chunkIdsOf(noShow.key);
    expect(newChunks).toHaveLength(update.chunks);
    expect(newChunks.filter((id) => oldChunks.includes(id))).toEqual([]);
    expect(
      await count(`SELECT count(*) AS count FROM hale.chunks WHERE chunk_id IN (${oldChunks.join(', ')})`),
    ).toBe(0);
    expect(await chunkIdsOf(appointmentTable.key)).toEqual(otherChunks);
    expect(await keysFound(analyst, 'unannounced absence', { mode: 'text' })).toEqual([]);
    expect(await keysFound(analyst, 'telephoned', { mode: 'text' })).toEqual([noShow.key]);

    // A document left out of the set is removed with its chunks.
    const dischargeChunks = await chunkIdsOf(dischargeNotes.key);
    expect(dischargeChunks.length).toBeGreaterThan(0);
    const removal = await ingest([edited, waitingTime, appointmentTable, cancellationPolicy]);
    expect(removal).toMatchObject({ added: [], updated: [], removed: [dischargeNotes.key], unchanged: 4 });
    expect(
      await count(
        `SELECT count(*) AS count FROM hale.documents WHERE document_key = '${dischargeNotes.key}'`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS count FROM hale.chunks WHERE chunk_id IN (${dischargeChunks.join(', ')})`,
      ),
    ).toBe(0);
    expect(await keysFound(clinician, 'discharge summaries haemoglobin', { mode: 'text' })).toEqual([]);
  });

  it('keeps collections independent, even for documents with the same key', async () => {
    await ingest(library, { collection: 'generated' });
    const generated = await storeSnapshot();
    const twin = { ...noShow, content: 'The team wiki page about no-shows, kept by the front desk.' };
    const other = await ingest([twin], { collection: 'wiki' });
    expect(other).toMatchObject({ collection: 'wiki', added: [noShow.key], removed: [], unchanged: 0 });
    // Ingesting the first collection again leaves the other alone, and the other way round.
    expect(await ingest(library, { collection: 'generated' })).toMatchObject({
      added: [],
      updated: [],
      removed: [],
      unchanged: library.length,
    });
    expect(await keysFound(analyst, 'front desk wiki', { mode: 'text' })).toEqual([noShow.key]);
    expect(await ingest([], { collection: 'wiki' })).toMatchObject({ removed: [noShow.key], added: [] });
    const after = await storeSnapshot();
    expect(after.documents).toEqual(generated.documents);
    expect(after.chunks.map((chunk) => chunk.chunk_id)).toEqual(
      generated.chunks.map((chunk) => chunk.chunk_id),
    );
    expect(await keysFound(analyst, 'front desk wiki', { mode: 'text' })).toEqual([]);
  });

  it('never returns a document to a role that may not read it, in any search mode', async () => {
    await ingest(library);
    const exactly = `${dischargeNotes.title}\n${dischargeNotes.content}`;
    for (const mode of ['hybrid', 'vector', 'text'] satisfies SearchMode[]) {
      // The query does match the document: its readers get it first.
      expect((await keysFound(clinician, exactly, { mode }))[0]).toBe(dischargeNotes.key);
      expect((await keysFound(admin, exactly, { mode }))[0]).toBe(dischargeNotes.key);
      for (const reader of [analyst, guest]) {
        const result = await search(reader, exactly, { mode });
        expect(result.hits.map((hit) => hit.documentKey)).not.toContain(dischargeNotes.key);
        expect(result.hits.map((hit) => hit.content).join('\n')).not.toContain('haemoglobin');
      }
      // And the other way round: the analysts' note is hidden from clinicians.
      expect(await keysFound(analyst, 'delai de prevenance late cancellation', { mode })).toContain(
        cancellationPolicy.key,
      );
      expect(await keysFound(clinician, 'delai de prevenance late cancellation', { mode })).not.toContain(
        cancellationPolicy.key,
      );
    }
    // Readers are part of a document: granting or revoking a role takes effect at the next ingestion.
    const others = library.filter((document) => document !== dischargeNotes);
    const granted = await ingest([...others, { ...dischargeNotes, allowedRoles: ['clinician', 'analyst'] }]);
    expect(granted.updated).toEqual([dischargeNotes.key]);
    expect((await keysFound(analyst, exactly, { mode: 'text' }))[0]).toBe(dischargeNotes.key);
    expect(await keysFound(admin, exactly, { mode: 'text' })).not.toContain(dischargeNotes.key);
    await ingest(library);
    expect(await keysFound(analyst, exactly, { mode: 'text' })).not.toContain(dischargeNotes.key);
  });

  it("returns a '*' document to every role", async () => {
    await ingest(library);
    for (const reader of [analyst, clinician, admin, guest])
      expect((await keysFound(reader, 'unannounced absence missed appointment', { mode: 'text' }))[0]).toBe(
        noShow.key,
      );
  });

  it('returns the best passage of each document, up to the limit', async () => {
    await ingest(library);
    expect(chunkMarkdown(noShow.content).length).toBe(2);
    // Both chunks of the no-show note match; it still takes one place, so other documents get theirs.
    const keys = await keysFound(admin, 'missed booked appointments no-show', { mode: 'text' });
    expect(keys[0]).toBe(noShow.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(2);
    expect(await keysFound(admin, 'missed booked appointments no-show', { mode: 'text', limit: 2 })).toEqual(
      keys.slice(0, 2),
    );
  });

  it('filters by source type and by tag', async () => {
    await ingest(library);
    const everything = await keysFound(admin, 'appointment', { mode: 'text' });
    expect([...everything].sort()).toEqual(
      [noShow.key, dischargeNotes.key, waitingTime.key, appointmentTable.key].sort(),
    );
    expect(await keysFound(admin, 'appointment', { mode: 'text', sourceTypes: ['metric'] })).toEqual([
      waitingTime.key,
    ]);
    expect(
      [...(await keysFound(admin, 'appointment', { mode: 'text', sourceTypes: ['table', 'metric'] }))].sort(),
    ).toEqual([waitingTime.key, appointmentTable.key].sort());
    expect(await keysFound(admin, 'appointment', { mode: 'text', tags: ['clinical'] })).toEqual([
      dischargeNotes.key,
    ]);
    expect(await keysFound(admin, 'appointment', { mode: 'text', tags: ['access', 'clinical'] })).toEqual(
      expect.arrayContaining([waitingTime.key, dischargeNotes.key]),
    );
    expect(await keysFound(analyst, 'appointment', { mode: 'text', tags: ['clinical'] })).toEqual([]);
    // Filters hold in the vector ranking too, which otherwise returns the nearest of everything.
    for (const mode of ['hybrid', 'vector'] satisfies SearchMode[]) {
      const hits = (await search(admin, 'appointment', { mode, sourceTypes: ['table'] })).hits;
      expect(hits.map((hit) => hit.documentKey)).toEqual([appointmentTable.key]);
    }
  });

  it('writes an audit entry for every search, with the permission filter it applied', async () => {
    await ingest(library);
    const auditor: Principal = { user: `auditor-${adapter.name}`, role: 'analyst', attributes: {} };
    const found = await search(auditor, 'appointment status booked');
    const nothing = await search(auditor, 'zzzyzx', { mode: 'text' });
    expect(found.hits.length).toBeGreaterThan(0);
    expect(nothing.hits).toEqual([]);
    const entries = await listAuditEntries(database, { limit: 10, principal: auditor.user });
    expect(entries).toHaveLength(2);
    const [second, first] = entries;
    for (const [entry, result] of [
      [first, found],
      [second, nothing],
    ] as const) {
      expect(entry).toMatchObject({
        principal: auditor.user,
        role: 'analyst',
        channel: 'cli',
        tool: 'search_documents',
        outcome: 'ok',
        rowsReturned: result.hits.length,
        policyVersion: 'policy-test',
      });
      expect(entry?.executedSql).toContain('allowed_roles');
      expect(entry?.policies.join(' ')).toContain('analyst');
      expect(entry?.originalSql).toContain(`(${result.mode})`);
    }
    expect(first?.originalSql).toContain('appointment status booked');
    const rows = await database.query<{ tool: string; executed_sql: string }>(
      'SELECT tool, executed_sql FROM hale.audit_log WHERE principal = $1',
      [auditor.user],
    );
    expect(
      rows.rows.every((row) => row.tool === 'search_documents' && /allowed_roles/.test(row.executed_sql)),
    ).toBe(true);
  });

  it('refuses a duplicate key or a document nobody may read before touching the store', async () => {
    await ingest(library);
    const before = await storeSnapshot();
    const watcher = letterEmbedder('watcher');
    const edited = { ...noShow, content: 'A rewritten definition that must not be stored.' };
    const invalidSets: [string, SourceDocument[]][] = [
      ['a duplicate key', [edited, waitingTime, { ...appointmentTable, key: waitingTime.key }]],
      ['empty allowed roles', [edited, { ...appointmentTable, allowedRoles: [] }]],
    ];
    for (const [problem, documents] of invalidSets) {
      const failure = await ingest(documents, { provider: fixedEmbeddingProvider(watcher) }).then(
        () => expect.unreachable(`an ingestion with ${problem} was accepted`),
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(RetrievalError);
      expect((failure as RetrievalError).code).toBe('invalid_document');
    }
    expect(watcher.calls).toEqual([]);
    expect(await storeSnapshot()).toEqual(before);
  });

  const vectorTest = it.skipIf(!hasPgvector);
  const fallbackTest = it.runIf(!hasPgvector);

  vectorTest('rolls back an ingestion whose embedder fails midway, leaving the store as it was', async () => {
    await ingest(library);
    const before = await storeSnapshot();
    expect(before.index).toBeDefined();
    const manual = operationsManual(300);
    expect(chunkMarkdown(manual.content).length).toBeGreaterThan(256);
    // The dimension probe and the first batch of 256 chunks succeed; the second batch fails.
    const flaky = letterEmbedder('flaky', { failOnCall: 3 });
    const changed = [{ ...noShow, content: 'Rewritten, never committed.' }, waitingTime, manual];
    await expect(ingest(changed, { provider: fixedEmbeddingProvider(flaky) })).rejects.toThrow(
      'flaky broke on call 3',
    );
    expect(flaky.calls.map((texts) => texts.length)).toEqual([1, 256, expect.any(Number)]);
    expect(await storeSnapshot()).toEqual(before);
    // The store still works as before, vectors included.
    expect((await keysFound(analyst, 'unannounced absence', { mode: 'vector' }))[0]).toBe(noShow.key);
  });

  vectorTest(
    'stores built-in vectors under an HNSW index and ranks the lexically closest document first',
    async () => {
      const report = await ingest(library);
      expect(report.embedder).toMatch(/^builtin@[0-9a-f]{12}$/);
      expect(report.embedded).toBe(report.chunks);
      const chunks = await database.query<{ embedder: string | null; embedded: boolean }>(
        'SELECT embedder, embedding IS NOT NULL AS embedded FROM hale.chunks',
      );
      expect(chunks.rows.length).toBe(report.chunks);
      for (const chunk of chunks.rows) expect(chunk).toEqual({ embedder: report.embedder, embedded: true });
      expect(await embeddingColumnType()).toBe('vector(384)');
      expect(await vectorIndexDefinition()).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);

      for (const [query, expected] of [
        ['a patient missed the appointment without cancelling', noShow.key],
        ['average days from booking to the visit', waitingTime.key],
        ['appointment status booked cancelled fulfilled', appointmentTable.key],
      ] as const) {
        const result = await search(admin, query, { mode: 'vector' });
        expect(result.mode).toBe('vector');
        expect(result.notice).toBeUndefined();
        expect(result.hits[0]?.documentKey).toBe(expected);
        expect(result.hits[0]?.vectorRank).toBe(1);
        expect(result.hits.every((hit) => hit.textRank === undefined)).toBe(true);
      }
      const hybrid = await search(admin, 'no-show unannounced absence');
      expect(hybrid).toMatchObject({ mode: 'hybrid' });
      expect(hybrid.notice).toBeUndefined();
      expect(hybrid.hits[0]).toMatchObject({ documentKey: noShow.key, vectorRank: 1, textRank: 1 });
    },
  );

  vectorTest(
    "re-embeds every chunk when the embedder changes; the old embedder's searches fall back to text",
    async () => {
      await ingest(library);
      const chunkCount = await count('SELECT count(*) AS count FROM hale.chunks');
      const letters = letterEmbedder('letters-8');
      const progress: IngestionProgress[] = [];
      const report = await ingest(library, {
        provider: fixedEmbeddingProvider(letters),
        onProgress: (event) => progress.push(event),
      });
      expect(report).toMatchObject({
        added: [],
        updated: [],
        unchanged: library.length,
        reembedded: true,
        embedded: chunkCount,
        embedder: 'letters-8',
      });
      const embedding = progress.filter((event) => event.phase === 'embedding');
      expect(embedding.length).toBeGreaterThan(0);
      for (const event of embedding)
        expect(event).toMatchObject({ embedder: 'letters-8', reembedding: true, total: chunkCount });
      expect(embedding.at(-1)).toMatchObject({ done: chunkCount });
      expect(progress.at(-1)).toEqual({ phase: 'indexing' });
      // Every chunk's text went to the new embedder (after the dimension probe).
      expect(letters.calls.slice(1).flat()).toHaveLength(chunkCount);
      const embedders = await database.query<{ embedder: string | null; dimensions: number }>(
        'SELECT DISTINCT embedder, vector_dims(embedding) AS dimensions FROM hale.chunks',
      );
      expect(embedders.rows).toEqual([{ embedder: 'letters-8', dimensions: 8 }]);
      expect(await embeddingColumnType()).toBe('vector(8)');
      expect(await vectorIndexDefinition()).toMatch(/hnsw/);

      const stale = await search(admin, 'unannounced absence', { mode: 'vector' });
      expect(stale.mode).toBe('text');
      expect(stale.notice).toContain('letters-8');
      expect(stale.notice).toContain('builtin');
      expect(stale.hits[0]?.documentKey).toBe(noShow.key);
      const current = await search(admin, 'unannounced absence', {
        mode: 'vector',
        provider: fixedEmbeddingProvider(letters),
      });
      expect(current.mode).toBe('vector');
      expect(current.notice).toBeUndefined();
      expect(current.hits.length).toBeGreaterThan(0);
    },
  );

  vectorTest('re-embeds every chunk with the same embedder when asked to', async () => {
    const letters = letterEmbedder('letters-8');
    const provider = fixedEmbeddingProvider(letters);
    await ingest(library, { provider });
    const chunkCount = await count('SELECT count(*) AS count FROM hale.chunks');
    const plain = await ingest(library, { provider });
    expect(plain).toMatchObject({ embedded: 0, reembedded: false });
    letters.calls.length = 0;
    const progress: IngestionProgress[] = [];
    const forced = await ingest(library, {
      provider,
      reembed: true,
      onProgress: (event) => progress.push(event),
    });
    expect(forced).toMatchObject({ unchanged: library.length, reembedded: true, embedded: chunkCount });
    expect(letters.calls.slice(1).flat()).toHaveLength(chunkCount);
    expect(progress.filter((event) => event.phase === 'embedding')).toContainEqual(
      expect.objectContaining({ reembedding: true, done: chunkCount }),
    );
    expect(await vectorIndexDefinition()).toMatch(/hnsw/);

    // The built-in embedder too: asked to, it refits and rewrites every vector.
    await ingest(library);
    const builtinForced = await ingest(library, { reembed: true });
    expect(builtinForced).toMatchObject({ reembedded: true, embedded: chunkCount });
  });

  vectorTest('says when no document has been embedded yet', async () => {
    await ingestDocuments({
      database,
      collection: 'knowledge',
      documents: library,
      provider: builtinEmbeddingProvider(),
      vectors: false,
    });
    const result = await search(analyst, 'unannounced absence');
    expect(result.mode).toBe('text');
    expect(result.notice).toMatch(/no document has been embedded/);
    expect(result.hits[0]?.documentKey).toBe(noShow.key);
  });

  describe('with an OpenAI-protocol embedder over HTTP', () => {
    let server: ScriptedEmbeddingServer;
    let provider: EmbeddingProvider;
    let embedderId: string;

    beforeEach(async () => {
      server = await startScriptedEmbeddingServer({ dimension: 16 });
      embedderId = `openai-compatible:${server.baseUrl}#test-model`;
      provider = createEmbeddingProvider({ embedder: embedderId });
    });
    afterEach(async () => server?.close());

    vectorTest('stores its vectors under its id and searches with them', async () => {
      expect(provider.id).toBe(embedderId);
      const report = await ingest(library, { provider });
      expect(report).toMatchObject({ embedder: embedderId, embedded: report.chunks });
      const embedders = await database.query<{ embedder: string | null; dimensions: number }>(
        'SELECT DISTINCT embedder, vector_dims(embedding) AS dimensions FROM hale.chunks',
      );
      expect(embedders.rows).toEqual([{ embedder: embedderId, dimensions: 16 }]);
      expect(await embeddingColumnType()).toBe('vector(16)');
      expect(server.requests.length).toBeGreaterThan(0);
      for (const request of server.requests) {
        expect(request).toMatchObject({ method: 'POST', path: '/v1/embeddings' });
        expect((request.body as { model?: unknown }).model).toBe('test-model');
      }
      const inputs = server.requests.flatMap((request) => (request.body as { input: string[] }).input);
      expect(inputs.some((input) => input.includes('unannounced absence'))).toBe(true);

      // The server's vectors are hashes of the text: only the very text of a chunk is its nearest.
      const chunk = await database.query<{ text: string }>(
        `SELECT concat_ws(E'\\n', d.title, array_to_string(c.heading_path, ' > '), c.content) AS text
         FROM hale.chunks c JOIN hale.documents d USING (document_id)
         WHERE d.document_key = $1 ORDER BY c.ordinal LIMIT 1`,
        [appointmentTable.key],
      );
      const result = await search(admin, chunk.rows[0]?.text ?? '', { mode: 'vector', provider });
      expect(result).toMatchObject({ mode: 'vector' });
      expect(result.notice).toBeUndefined();
      expect(result.hits[0]).toMatchObject({ documentKey: appointmentTable.key, vectorRank: 1 });
      // The query went to the endpoint too.
      expect(server.requests.at(-1)?.body).toMatchObject({
        model: 'test-model',
        input: [chunk.rows[0]?.text],
      });
    });

    vectorTest('sends the endpoint each chunk as chunkEmbeddingText writes it', async () => {
      await ingest(library, { provider });
      const inputs = server.requests.flatMap((request) => (request.body as { input: string[] }).input);
      const expected = library.flatMap((document) =>
        chunkMarkdown(document.content).map((chunk) =>
          chunkEmbeddingText(document.title, chunk.headingPath, chunk.content),
        ),
      );
      // The first request is the dimension probe.
      expect([...inputs.slice(1)].sort()).toEqual([...expected].sort());
    });

    vectorTest(
      'fails with embedding_failed and changes nothing when the endpoint keeps failing',
      async () => {
        await ingest(library, { provider });
        const before = await storeSnapshot();
        const sent = server.requests.length;
        server.failNext(
          { kind: 'status', status: 500, message: 'The server had an error', retryAfterMs: 0 },
          { times: 10 },
        );
        const failure = await ingest([{ ...noShow, content: 'Never stored.' }, waitingTime], {
          provider,
        }).then(
          () => expect.unreachable('the ingestion succeeded against a failing endpoint'),
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(RetrievalError);
        expect((failure as RetrievalError).code).toBe('embedding_failed');
        expect((failure as RetrievalError).message).toContain('500');
        expect(server.requests.length).toBeGreaterThan(sent + 1);
        expect(await storeSnapshot()).toEqual(before);
      },
    );

    vectorTest('audits a search whose query cannot be embedded', async () => {
      await ingest(library, { provider });
      server.failNext(
        { kind: 'status', status: 500, message: 'The server had an error', retryAfterMs: 0 },
        { times: 10 },
      );
      const reader: Principal = { user: 'embedding-outage', role: 'analyst', attributes: {} };
      const outcome = await search(reader, 'unannounced absence', { provider }).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      const entries = await listAuditEntries(database, { limit: 5, principal: reader.user });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ tool: 'search_documents', role: 'analyst', channel: 'cli' });
      // Either the search fell back to full text and said why, or it failed and the log says so.
      if ('error' in outcome) expect(entries[0]?.outcome).toBe('error');
      else expect(outcome.result.notice).toBeDefined();
    });

    fallbackTest('ingests without calling the endpoint when vectors are unavailable', async () => {
      server.failNext({ kind: 'status', status: 500, message: 'The server had an error' }, { times: 10 });
      const report = await ingest(library, { provider });
      expect(report.added).toHaveLength(library.length);
      expect(report.embedder).toBeUndefined();
      expect(server.requests).toEqual([]);
      const result = await search(analyst, 'unannounced absence', { provider });
      expect(result.mode).toBe('text');
      expect(result.hits[0]?.documentKey).toBe(noShow.key);
      expect(server.requests).toEqual([]);
    });
  });

  fallbackTest('ranks by full text alone without pgvector, and says so', async () => {
    const report = await ingest(library);
    expect(report).toMatchObject({ embedded: 0, reembedded: false });
    expect(report.embedder).toBeUndefined();
    for (const mode of ['hybrid', 'vector'] satisfies SearchMode[]) {
      const result = await search(analyst, 'unannounced absence of the patient', { mode });
      expect(result.mode).toBe('text');
      expect(result.notice).toMatch(/pgvector/);
      expect(result.hits[0]?.documentKey).toBe(noShow.key);
      expect(result.hits[0]?.textRank).toBe(1);
      expect(result.hits[0]?.vectorRank).toBeUndefined();
    }
    const text = await search(analyst, 'unannounced absence', { mode: 'text' });
    expect(text.notice).toBeUndefined();
  });

  it('folds accents and case: « délai » finds "delai" and the other way round', async () => {
    await ingest(library);
    const accentFree = [waitingTime.key, cancellationPolicy.key].sort();
    for (const query of ['délai', 'DELAI', 'delai']) {
      expect([...(await keysFound(admin, query, { mode: 'text' }))].sort()).toEqual(accentFree);
      // Hybrid search adds the nearest vectors, but the two word matches still come first.
      expect([...(await keysFound(admin, query)).slice(0, 2)].sort()).toEqual(accentFree);
    }
    const snippet = (await search(admin, 'prévenance', { mode: 'text' })).hits[0]?.snippet;
    expect(snippet).toContain('**prevenance**');
  });

  it('highlights the matched word in the snippet when the document has accents', async () => {
    await ingest(library);
    const [hit] = (await search(admin, 'delai moyen', { mode: 'text' })).hits;
    expect(hit?.documentKey).toBe(waitingTime.key);
    expect(hit?.snippet).toContain('**Délai**');
  });
});
