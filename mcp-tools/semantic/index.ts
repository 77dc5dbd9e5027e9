export { checkSemanticLayerAgainstCatalog } from './check-semantic-layer-against-catalog.js';
export { compileMetricsSqlTool } from './compile-metrics-sql-tool.js';
export { getDimensionValuesTool } from './get-dimension-values-tool.js';
export { getDimensionsTool } from './get-dimensions-tool.js';
export { listMetricsTool } from './list-metrics-tool.js';
export { bundledSemanticModelsDirectory, loadSemanticLayer } from './load-semantic-layer.js';
export { queryMetricsTool } from './query-metrics-tool.js';
export { SemanticModelsError } from './semantic-models-error.js';
