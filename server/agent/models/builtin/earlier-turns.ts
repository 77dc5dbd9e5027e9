import { chooseConcept, type FoundConcept } from './apply-concept.js';
import { type MetricQueryInput, toMetricQueryInput } from './metric-query-input.js';
import type { ConversationTurn } from './read-conversation.js';

/** The last query_metrics input that succeeded before the current turn: what a follow-up changes. */
export function previousQuery(turns: readonly ConversationTurn[]): MetricQueryInput | undefined {
  for (const turn of [...turns].reverse())
    for (const exchange of [...turn.exchanges].reverse())
      if (exchange.toolName === 'query_metrics' && exchange.result?.ok)
        return toMetricQueryInput(exchange.input);
  return undefined;
}

/** The principal's scope from the latest whoami of the conversation (regions, practices). */
export function knownScope(turns: readonly ConversationTurn[]): Record<string, unknown> | undefined {
  for (const turn of [...turns].reverse())
    for (const exchange of [...turn.exchanges].reverse())
      if (exchange.toolName === 'whoami' && exchange.result?.ok)
        return (exchange.result.content?.attributes ?? {}) as Record<string, unknown>;
  return undefined;
}

/** The concepts earlier searches found, so a follow-up's filters can still be named. */
export function conceptsFound(turns: readonly ConversationTurn[]): FoundConcept[] {
  return turns.flatMap((turn) =>
    turn.exchanges.flatMap((exchange) => {
      if (exchange.toolName !== 'search_concepts' || !exchange.result?.ok) return [];
      const found = chooseConcept(exchange.result.content);
      return found ? [found] : [];
    }),
  );
}
