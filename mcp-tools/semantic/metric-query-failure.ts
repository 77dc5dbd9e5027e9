import { MetricQueryError } from '../../semantic-layer/index.js';
import { ToolError } from '../tools/tool-error.js';

/** Runs a compilation; a `MetricQueryError` becomes a tool error listing every problem and suggestion. */
export function compileOrExplain<T>(compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    if (error instanceof MetricQueryError)
      throw new ToolError('invalid_metric_query', error.message, {
        cause: error,
        suggestions: [...new Set(error.issues.flatMap((issue) => issue.suggestions))],
      });
    throw error;
  }
}
