import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Databases } from '../mcp-tools/db/index.js';
import type { GovernedWarehouse } from '../mcp-tools/governance/index.js';
import {
  checkDocumentRoles,
  type EmbeddingProvider,
  generatedDocuments,
  type IngestionProgress,
  type IngestionReport,
  ingestDocuments,
  parseVerifiedQueries,
  readDocumentFiles,
  verifiedQueryDocuments,
} from '../mcp-tools/retrieval/index.js';
import { bundledTableDocumentation } from '../mcp-tools/tools/index.js';
import type { SemanticLayer } from '../semantic-layer/index.js';
import type { CommandOutput } from './cli/command.js';

/** The team knowledge shipped with Hale: markdown files and the verified question → query pairs. */
export const knowledgeDirectory = fileURLToPath(new URL('../docs/knowledge/', import.meta.url));
const verifiedQueriesFile = 'verified-queries.yml';

/** Whether document vectors can be stored: pgvector present and migration 7 applied. */
export function vectorsAvailable(databases: Databases): boolean {
  return (
    databases.migration.features.vector &&
    !databases.migration.pending.some((pending) => pending.version === 7)
  );
}

/** Progress of an ingestion as lines for people; only large embedding runs are worth reporting. */
export function reportIngestionProgress(output: CommandOutput): (progress: IngestionProgress) => void {
  let lastReported = 0;
  return (progress) => {
    if (progress.phase !== 'embedding') return;
    if (progress.total < 512 && !progress.reembedding) return;
    if (progress.done < progress.total && progress.done - lastReported < Math.max(256, progress.total / 10))
      return;
    lastReported = progress.done;
    output.progress(
      `${progress.reembedding ? 're-embedding' : 'embedding'} documents with ${progress.embedder}: ${progress.done}/${progress.total} chunks`,
    );
  };
}

/**
 * Brings the documents Hale writes itself up to date: the generated collection (one document per
 * metric, table and role, plus the verified queries) and the bundled team knowledge. Unchanged
 * documents cost a hash comparison, so this runs at every start; an embedder change re-embeds.
 */
export async function syncBundledDocuments({
  databases,
  governed,
  semanticLayer,
  provider,
  output,
  signal,
}: {
  databases: Databases;
  governed: GovernedWarehouse;
  semanticLayer: SemanticLayer;
  provider: EmbeddingProvider;
  output: CommandOutput;
  signal?: AbortSignal;
}): Promise<IngestionReport[]> {
  const derived = generatedDocuments({
    layer: semanticLayer,
    policy: governed.policy,
    catalog: governed.catalog,
    documentation: bundledTableDocumentation,
  });
  // A verified question is readable by whoever may read every metric it uses.
  const metricReaders = new Map(
    derived
      .filter((document) => document.sourceType === 'metric')
      .map((document) => [document.key, document.allowedRoles]),
  );
  const rolesOfMetrics = (metrics: readonly string[]) =>
    [...governed.policy.roles.keys()].filter((role) =>
      metrics.every((metric) => metricReaders.get(`metric:${metric}`)?.includes(role)),
    );
  const verified = verifiedQueryDocuments(
    parseVerifiedQueries(
      await readFile(`${knowledgeDirectory}${verifiedQueriesFile}`, 'utf8'),
      verifiedQueriesFile,
    ),
    verifiedQueriesFile,
    rolesOfMetrics,
  );
  const generated = [...derived, ...verified];
  const knowledge = (await readDocumentFiles(knowledgeDirectory)).documents.map((document) => ({
    ...document,
    key: `knowledge:${document.key}`,
    source: `docs/knowledge/${document.key}`,
  }));
  checkDocumentRoles(knowledge, [...governed.policy.roles.keys()]);
  const vectors = vectorsAvailable(databases);
  const onProgress = reportIngestionProgress(output);
  const reports: IngestionReport[] = [];
  for (const [collection, documents] of [
    ['generated', generated],
    ['knowledge', knowledge],
  ] as const)
    reports.push(
      await ingestDocuments({
        database: databases.application,
        collection,
        documents,
        provider,
        vectors,
        onProgress,
        ...(signal ? { signal } : {}),
      }),
    );
  return reports;
}

/**
 * `syncBundledDocuments` for servers: a failure (say, the embedding endpoint is down) is logged and
 * the previous documents stay searchable, rather than stopping the server.
 */
export async function refreshBundledDocuments(
  options: Parameters<typeof syncBundledDocuments>[0],
): Promise<void> {
  try {
    const reports = await syncBundledDocuments(options);
    const changed = reports.reduce(
      (sum, report) => sum + report.added.length + report.updated.length + report.removed.length,
      0,
    );
    if (changed > 0 || reports.some((report) => report.reembedded))
      options.output.log('info', 'documents refreshed', {
        changed,
        embedded: reports.reduce((sum, report) => sum + report.embedded, 0),
        embedder: reports[0]?.embedder ?? 'none (no pgvector: full-text search only)',
      });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    options.output.log(
      'warn',
      `documents not refreshed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
