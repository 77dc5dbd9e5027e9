/** Prices of one model in US dollars per million tokens. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** Model id (or prefix ending in `*`) → price. The first matching entry wins. */
export type PriceTable = ReadonlyMap<string, ModelPrice>;

/**
 * Default prices, checked against the providers' public price lists in 2026-11. Self-hosted models
 * (`openai-compatible:*`) and the built-in model cost nothing per token; an organisation sets its
 * own table with HALE_MODEL_PRICES.
 */
export const defaultPriceTable: PriceTable = new Map([
  ['builtin', { inputPerMillion: 0, outputPerMillion: 0 }],
  ['openai:gpt-4o-mini', { inputPerMillion: 0.15, outputPerMillion: 0.6 }],
  ['openai:gpt-4o', { inputPerMillion: 2.5, outputPerMillion: 10 }],
  ['openai:gpt-4.1-mini', { inputPerMillion: 0.4, outputPerMillion: 1.6 }],
  ['openai:gpt-4.1', { inputPerMillion: 2, outputPerMillion: 8 }],
  ['openai-compatible:*', { inputPerMillion: 0, outputPerMillion: 0 }],
]);

/** Whether a model id matches a table or policy entry: equal, or a prefix ending in `*`. */
export function modelMatches(pattern: string, modelId: string): boolean {
  return pattern.endsWith('*') ? modelId.startsWith(pattern.slice(0, -1)) : pattern === modelId;
}

/** The cost of some tokens; zero for a model missing from the table (and the caller may warn). */
export function costOf(
  table: PriceTable,
  modelId: string,
  usage: { inputTokens: number; outputTokens: number },
): number {
  for (const [pattern, price] of table) {
    if (!modelMatches(pattern, modelId)) continue;
    return (
      (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000
    );
  }
  return 0;
}
