export { closestNames } from './closest-names.js';
export { compileDimensionValuesQuery, type DimensionValuesQuery } from './compile-dimension-values-query.js';
export { type CompiledMetricQuery, compileMetricQuery } from './compile-metric-query.js';
export { type AvailableDimension, dimensionsForMetrics, modelsOfMetric } from './dimensions-for-metrics.js';
export { formatMetricSql } from './format-metric-sql.js';
export {
  type FilterOperator,
  filterOperators,
  type MetricQuery,
  metricQuerySchema,
  type StructuredFilter,
  structuredFilterSchema,
} from './metric-query.js';
export { MetricQueryError, type MetricQueryIssue } from './metric-query-error.js';
export { expressionColumns, loadSemanticParser } from './model-expression.js';
export { orderResultRows } from './order-result-rows.js';
export {
  parseSemanticManifest,
  type SemanticIssue,
  type SemanticManifest,
} from './parse-semantic-manifest.js';
export { normalizeText, searchMetrics } from './search-metrics.js';
export type { GroupByTarget } from './semantic-graph.js';
export { createSemanticLayer, type SemanticLayer, savedQueryToMetricQuery } from './semantic-layer.js';
export type { Dimension, Measure, Metric, SavedQuery, SemanticModel } from './semantic-manifest-schema.js';
export { type TimeGranularity, timeGranularities } from './time-granularity.js';
