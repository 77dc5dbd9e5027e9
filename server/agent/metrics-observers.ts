import type { HttpMetrics } from '../http/http-metrics.js';
import type { ChatObservers } from './create-chat-agent.js';

/** The chat agent's observers that feed Prometheus: tool calls, cache hits, model tokens and cost, grounding. */
export function metricsObservers(metrics: HttpMetrics): ChatObservers {
  return {
    toolCall(tool, outcome, seconds, cached) {
      metrics.observeToolCall({ tool, outcome, seconds });
      metrics.observeCache(cached);
    },
    modelCall(model, inputTokens, outputTokens, costUsd, seconds) {
      metrics.observeModelCall({ model, inputTokens, outputTokens, costUsd, seconds });
    },
    grounding(grounded) {
      metrics.observeGrounding(grounded);
    },
  };
}
