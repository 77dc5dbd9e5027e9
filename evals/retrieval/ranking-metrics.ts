/** What a ranking achieved over a set of questions. */
export interface RankingMetrics {
  /** Mean over questions of the share of relevant documents among the first k retrieved. */
  recallAtK: number;
  /** Mean reciprocal rank of the first relevant document (0 when none is retrieved). */
  meanReciprocalRank: number;
  k: number;
  questions: number;
}

/**
 * Recall@k and MRR over documents, not chunks: `retrieved` lists document keys in rank order and
 * may repeat (several chunks of one document); only a document's first appearance counts.
 */
export function rankingMetrics(
  results: readonly { relevant: readonly string[]; retrieved: readonly string[] }[],
  k = 5,
): RankingMetrics {
  let recall = 0;
  let reciprocal = 0;
  for (const { relevant, retrieved } of results) {
    const documents = [...new Set(retrieved)];
    const wanted = new Set(relevant);
    const top = documents.slice(0, k);
    recall += top.filter((key) => wanted.has(key)).length / Math.max(wanted.size, 1);
    const first = documents.findIndex((key) => wanted.has(key));
    reciprocal += first === -1 ? 0 : 1 / (first + 1);
  }
  const questions = results.length;
  return {
    recallAtK: questions ? recall / questions : 0,
    meanReciprocalRank: questions ? reciprocal / questions : 0,
    k,
    questions,
  };
}
