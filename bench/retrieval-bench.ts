import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Database,
  migrate,
  migrations,
  openEmbeddedDatabase,
  openPostgresDatabase,
} from '../mcp-tools/db/index.js';
import { loadGovernancePolicy, resolvePrincipal } from '../mcp-tools/governance/index.js';
import {
  builtinEmbeddingProvider,
  createDocumentLibrary,
  type EmbeddingProvider,
  ingestDocuments,
  readEmbeddingSpace,
  type SourceDocument,
} from '../mcp-tools/retrieval/index.js';
import { loadSemanticLayer } from '../mcp-tools/semantic/index.js';
import { median, percentile, round } from './governance/timing-statistics.js';
import { generateSyntheticDocuments, sampleQueries } from './retrieval/synthetic-documents.js';
import { withTemporaryDirectory } from './temporary-directory.js';

/** Neighbours compared between the HNSW index and exact search. */
const neighbours = 10;

/** Latencies of `work` over `queries`, after one warm-up pass. */
async function timeQueries<T>(
  queries: readonly T[],
  work: (query: T) => Promise<unknown>,
): Promise<number[]> {
  for (const query of queries.slice(0, 5)) await work(query);
  const samples: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    await work(query);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The HNSW search breadth measured; the document library uses the same. */
const efSearch = 600;
/** Other breadths measured, to show the recall/latency trade-off. */
const efSearchSweep = [40, 100, 200, 400, 600, 800];

/** The nearest chunks by cosine distance, through the HNSW index or by exact (sequential) scan. */
async function nearest(
  database: Database,
  vector: number[],
  exact: boolean,
  breadth = efSearch,
): Promise<{ id: number; distance: number }[]> {
  return database.transaction(async (transaction) => {
    await transaction.exec(
      exact
        ? 'SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off'
        : `SET LOCAL hnsw.ef_search = ${breadth}`,
    );
    const result = await transaction.query<{ chunk_id: string | number; distance: number }>(
      `SELECT chunk_id, embedding <=> $1::vector AS distance FROM hale.chunks ORDER BY embedding <=> $1::vector LIMIT ${neighbours}`,
      [`[${vector.join(',')}]`],
    );
    return result.rows.map((row) => ({ id: Number(row.chunk_id), distance: Number(row.distance) }));
  });
}

/**
 * The share of the exact top-k the index found. Chunks at exactly the k-th exact distance are
 * interchangeable (short queries tie often), so a returned chunk no farther than the exact k-th
 * counts as found, as in ann-benchmarks.
 */
function recallOf(
  approximate: readonly { distance: number }[],
  exact: readonly { distance: number }[],
): number {
  const threshold = (exact.at(-1)?.distance ?? 0) + 1e-9;
  return (
    Math.min(approximate.filter((hit) => hit.distance <= threshold).length, exact.length) /
    Math.max(exact.length, 1)
  );
}

/** Ingests the synthetic corpus and measures the index and the searches on one database. */
async function measure(database: Database, { chunks }: { chunks: number }) {
  const migration = await migrate(database, migrations);
  if (!migration.features.vector)
    return { skipped: `no pgvector on ${database.location}: vector search cannot be measured there` };
  const provider: EmbeddingProvider = builtinEmbeddingProvider();
  const documents: SourceDocument[] = generateSyntheticDocuments({ chunks, seed: 7 });

  // Baseline in the same process: the embedder alone, on the same texts.
  const texts = documents.flatMap((document) => document.content.split('\n## ')).slice(0, 5_000);
  const fitted = provider.embedderFor(provider.fit?.(texts) ?? null);
  const embedStarted = performance.now();
  await fitted.embed(texts);
  const embedPerSecond = texts.length / ((performance.now() - embedStarted) / 1000);

  const phases: Record<string, number> = {};
  let phaseStarted = performance.now();
  let phase = 'documents';
  const ingestStarted = performance.now();
  const report = await ingestDocuments({
    database,
    collection: 'bench',
    documents,
    provider,
    vectors: true,
    onProgress: (progress) => {
      if (progress.phase !== phase) {
        phases[phase] = round((performance.now() - phaseStarted) / 1000, 1);
        phase = progress.phase;
        phaseStarted = performance.now();
      }
    },
  });
  phases[phase] = round((performance.now() - phaseStarted) / 1000, 1);
  const ingestSeconds = (performance.now() - ingestStarted) / 1000;

  const space = await readEmbeddingSpace(database);
  const embedder = provider.embedderFor(space?.state ?? null);
  const queries = sampleQueries(documents, 100, 11);
  const vectors = await embedder.embed(queries);
  const exactResults = [];
  for (const vector of vectors) exactResults.push(await nearest(database, vector, true));
  const sweep: Record<string, { recallAt10: number; p50Ms: number }> = {};
  for (const breadth of efSearchSweep) {
    let total = 0;
    for (const [index, vector] of vectors.entries())
      total += recallOf(await nearest(database, vector, false, breadth), exactResults[index] ?? []);
    const samples = await timeQueries(vectors, (vector) => nearest(database, vector, false, breadth));
    sweep[`efSearch${breadth}`] = {
      recallAt10: round(total / vectors.length, 4),
      p50Ms: round(median(samples), 2),
    };
  }
  let recall = 0;
  let strictRecall = 0;
  for (const [index, vector] of vectors.entries()) {
    const [approximate, exact] = [await nearest(database, vector, false), exactResults[index] ?? []];
    recall += recallOf(approximate, exact);
    const exactIds = new Set(exact.map((hit) => hit.id));
    strictRecall += approximate.filter((hit) => exactIds.has(hit.id)).length / Math.max(exact.length, 1);
  }
  const hnsw = await timeQueries(vectors, (vector) => nearest(database, vector, false));
  const exactScan = await timeQueries(vectors.slice(0, 30), (vector) => nearest(database, vector, true));

  const policyFile = fileURLToPath(new URL('../mcp-tools/governance/default-policies.yml', import.meta.url));
  const policy = await loadGovernancePolicy({ file: policyFile, text: readFileSync(policyFile, 'utf8') });
  const library = createDocumentLibrary({ database, provider, policyVersion: policy.version });
  const hybridFor = (user: string) => (query: string) =>
    library.search({
      principal: resolvePrincipal(policy, user),
      channel: 'eval',
      tool: 'search_documents',
      query,
      limit: 5,
    });
  const hybridAdmin = await timeQueries(queries, hybridFor('admin'));
  const hybridAnalyst = await timeQueries(queries, hybridFor('alice'));
  return {
    chunks: report.chunks,
    documents: documents.length,
    embedder: report.embedder,
    ingestion: {
      seconds: round(ingestSeconds, 1),
      chunksPerSecond: round(report.chunks / ingestSeconds, 0),
      phasesSeconds: phases,
      embedderAloneChunksPerSecond: round(embedPerSecond, 0),
      ratioToEmbedderAlone: round(report.chunks / ingestSeconds / embedPerSecond, 3),
    },
    hnsw: {
      recallAt10: round(recall / vectors.length, 4),
      /** Counting only the exact ids, ties broken by the scan order. */
      idRecallAt10: round(strictRecall / vectors.length, 4),
      efSearch,
      p50Ms: round(median(hnsw), 2),
      p95Ms: round(percentile(hnsw, 0.95), 2),
      exactScanP50Ms: round(median(exactScan), 2),
      speedupOverExact: round(median(exactScan) / median(hnsw), 1),
      sweep,
    },
    hybridSearch: {
      adminP50Ms: round(median(hybridAdmin), 2),
      adminP95Ms: round(percentile(hybridAdmin, 0.95), 2),
      // A filtered reader: the permission predicate runs inside the HNSW scan (iterative scan).
      analystP50Ms: round(median(hybridAnalyst), 2),
      analystP95Ms: round(percentile(hybridAnalyst, 0.95), 2),
    },
  };
}

/**
 * Retrieval at scale: a synthetic corpus of `chunks` chunks ingested with the built-in embedder
 * (throughput, against the embedder alone), HNSW recall@10 against exact search and its latency
 * (against the exact scan), and hybrid search latency with and without a permission filter. On
 * embedded PGlite, and on the server of BENCH_DATABASE_URL when it has pgvector.
 */
export async function benchRetrieval({
  serverUrl,
  chunks = 100_000,
}: {
  serverUrl?: string;
  chunks?: number;
}) {
  await loadSemanticLayer(); // loads the SQL parser the policy needs
  const embedded = await withTemporaryDirectory(async (path) => {
    const database = await openEmbeddedDatabase({ directory: `${path}/data` });
    try {
      return await measure(database, { chunks });
    } finally {
      await database.close();
    }
  });
  let server: unknown = { skipped: 'BENCH_DATABASE_URL is not set' };
  if (serverUrl) {
    const database = await openPostgresDatabase({ url: serverUrl });
    try {
      // Checked before migrating, so a server without pgvector is left untouched.
      const available = await database.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
      server =
        available.rowCount > 0
          ? await measure(database, { chunks })
          : { skipped: `no pgvector on ${database.location}: vector search cannot be measured there` };
    } finally {
      await database.close();
    }
    if ((server as { skipped?: string }).skipped)
      console.warn(`[bench retrieval] skipped on the server: ${(server as { skipped: string }).skipped}`);
  }
  return { embedded, server };
}
