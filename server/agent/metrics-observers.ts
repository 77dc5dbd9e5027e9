import type { HttpMetrics } from '../http/http-metrics.js';
import type { ChatObservers } from './chat-turn.js';

/** The chat agent's observers that feed Prometheus: tool calls, cache hits, model tokens and cost, grounding. */
export function metricsObservers(metrics: HttpMetrics): ChatObservers {
  return {
    toolCall({ tool, outcome, seconds, cached }) {
      metrics.observeToolCall({ tool, outcome, seconds });
      metrics.observeCache(cached);
    },
    modelCall(call) {
      metrics.observeModelCall(call);
    },
    grounding(grounded) {
      metrics.observeGrounding(grounded);
    },
  };
}
