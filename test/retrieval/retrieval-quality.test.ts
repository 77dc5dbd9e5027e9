import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncBundledDocuments } from '../../bin/sync-bundled-documents.js';
import { evaluateRetrieval, type RetrievalEvaluation } from '../../evals/retrieval/evaluate-retrieval.js';
import { loadRetrievalCases } from '../../evals/retrieval/retrieval-cases.js';
import { type Database, migrate, migrations } from '../../mcp-tools/db/index.js';
import { resolvePrincipal } from '../../mcp-tools/governance/index.js';
import { builtinEmbeddingProvider } from '../../mcp-tools/retrieval/index.js';
import { loadSemanticLayer } from '../../mcp-tools/semantic/index.js';
import type { ToolPorts, ToolRegistry } from '../../mcp-tools/tools/index.js';
import {
  createGovernedTestWarehouse,
  type GovernedTestWarehouse,
} from '../support/governed-test-warehouse.js';
import { type DisposableDatabase, testDatabaseAdapters } from '../support/test-databases.js';
import { createTestToolRuntime } from '../support/tool-test-runtime.js';

// The built-in embedder needs pgvector: the quality comparison runs on embedded PGlite, which has it.
const pglite = testDatabaseAdapters.filter((adapter) => adapter.name === 'pglite');
const demoUsers = ['admin', 'dana', 'alice', 'bob', 'carol'] as const;

interface SearchOutput {
  results: { documentKey: string; sourceType: string; title: string }[];
  mode: string;
}

describe.each(pglite)('retrieval over the bundled documents on $name', (adapter) => {
  let handle: DisposableDatabase;
  let warehouse: GovernedTestWarehouse;
  let registry: ToolRegistry;
  let ports: ToolPorts;
  const search = async (user: string, input: Record<string, unknown>): Promise<SearchOutput> => {
    const result = await registry.execute('search_documents', input, {
      principal: resolvePrincipal(warehouse.policy, user),
      channel: 'eval',
      signal: new AbortController().signal,
      ports,
    });
    if (result.isError) throw new Error(result.text);
    return result.structuredContent as unknown as SearchOutput;
  };

  beforeAll(async () => {
    handle = await adapter.create();
    const database: Database = handle.database;
    warehouse = await createGovernedTestWarehouse({ database, scale: 0.05 });
    const migration = await migrate(database, migrations);
    await syncBundledDocuments({
      databases: { application: database, warehouse: database, migration, close: async () => {} },
      governed: warehouse.governed,
      semanticLayer: await loadSemanticLayer(),
      provider: builtinEmbeddingProvider(),
      output: { progress: () => {}, log: () => {} },
    });
    ({ registry, ports } = await createTestToolRuntime(warehouse, database));
  }, 300_000);
  afterAll(async () => {
    await handle?.dispose();
  });

  let evaluation: RetrievalEvaluation;
  it('answers the evaluation set better by hybrid search than by vectors or full text alone', async () => {
    const cases = await loadRetrievalCases();
    expect(cases.length).toBeGreaterThanOrEqual(40);
    evaluation = await evaluateRetrieval({
      cases,
      search: async (query, mode) =>
        (await search('admin', { query, mode, limit: 10 })).results.map((result) => result.documentKey),
    });
    console.log(
      `[retrieval eval] ${cases.length} queries, built-in embedder:\n${Object.entries(evaluation)
        .map(
          ([mode, metrics]) =>
            `  ${mode.padEnd(7)} recall@5 ${metrics.recallAtK.toFixed(3)}  MRR ${metrics.meanReciprocalRank.toFixed(3)}  misses ${metrics.misses.length}`,
        )
        .join('\n')}`,
    );
    for (const single of [evaluation.vector, evaluation.text]) {
      expect(evaluation.hybrid.recallAtK).toBeGreaterThan(single.recallAtK);
      expect(evaluation.hybrid.meanReciprocalRank).toBeGreaterThan(single.meanReciprocalRank);
    }
    // A floor well under today's figure: a change that breaks retrieval fails here.
    expect(evaluation.hybrid.recallAtK).toBeGreaterThan(0.6);
  }, 120_000);

  it('finds French questions through French synonyms', async () => {
    const { results } = await search('alice', { query: 'quel est le taux de lapins par canal ?' });
    expect(results.slice(0, 3).map((result) => result.documentKey)).toContain('metric:no_show_rate');
  });

  it('shows each demo principal only the documents of their access', async () => {
    const seen = new Map<string, Set<string>>();
    const queries = [
      'what may this role see',
      'patient contact re-identification procedure',
      'visit_occurrence visit_concept_id',
      'patient email phone',
      'no-show rate definition',
      'drug exposure ingredient',
    ];
    for (const user of demoUsers) {
      const keys = new Set<string>();
      for (const query of queries)
        for (const result of (await search(user, { query, limit: 20 })).results) keys.add(result.documentKey);
      for (const result of (
        await search(user, { query: 'access role tables', sourceTypes: ['role'], limit: 20 })
      ).results)
        keys.add(result.documentKey);
      seen.set(user, keys);
    }
    const roleDocuments = (user: string) =>
      [...(seen.get(user) ?? [])].filter((key) => key.startsWith('role:'));
    // Everyone reads their own role's access; only the administrator reads other roles'.
    expect(roleDocuments('alice')).toEqual(['role:analyst']);
    expect(roleDocuments('carol')).toEqual(['role:ops_manager']);
    expect(roleDocuments('bob')).toEqual(['role:clinician']);
    expect(roleDocuments('dana')).toEqual(['role:data_scientist']);
    expect(roleDocuments('admin').length).toBeGreaterThan(3);
    // The re-identification procedure is for clinicians and administrators.
    const restricted = 'knowledge:patient-contact-and-re-identification.md';
    expect(seen.get('admin')?.has(restricted)).toBe(true);
    expect(seen.get('bob')?.has(restricted)).toBe(true);
    for (const user of ['alice', 'carol', 'dana']) expect(seen.get(user)?.has(restricted)).toBe(false);
    // Carol has no OMOP access: no OMOP table or OMOP metric document reaches her.
    const carol = [...(seen.get('carol') ?? [])];
    expect(carol.filter((key) => key.startsWith('table:cdm.'))).toEqual([]);
    expect(carol).not.toContain('metric:patients_exposed_to_drug');
    expect(seen.get('admin')?.has('table:cdm.visit_occurrence')).toBe(true);
  }, 60_000);
});
