import { type RankingMetrics, rankingMetrics } from './ranking-metrics.js';
import type { RetrievalCase } from './retrieval-cases.js';

/** The rankings compared: each alone, and fused. */
export const retrievalModes = ['vector', 'text', 'hybrid'] as const;
export type RetrievalMode = (typeof retrievalModes)[number];

/** Per mode, the metrics over every case and the cases that found nothing relevant in the top k. */
export type RetrievalEvaluation = Record<RetrievalMode, RankingMetrics & { misses: string[] }>;

/**
 * Runs every case in every mode through `search` (document keys in rank order, typically the
 * `search_documents` tool as a reader who may see everything) and scores the rankings.
 */
export async function evaluateRetrieval({
  cases,
  search,
  k = 5,
}: {
  cases: readonly RetrievalCase[];
  search(query: string, mode: RetrievalMode): Promise<string[]>;
  k?: number;
}): Promise<RetrievalEvaluation> {
  const evaluation = {} as RetrievalEvaluation;
  for (const mode of retrievalModes) {
    const results: { relevant: string[]; retrieved: string[] }[] = [];
    const misses: string[] = [];
    for (const item of cases) {
      const retrieved = await search(item.query, mode);
      results.push({ relevant: item.relevant, retrieved });
      const top = [...new Set(retrieved)].slice(0, k);
      if (!top.some((key) => item.relevant.includes(key))) misses.push(item.query);
    }
    evaluation[mode] = { ...rankingMetrics(results, k), misses };
  }
  return evaluation;
}
