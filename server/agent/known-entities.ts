import type { WarehouseCatalog } from '../../mcp-tools/governance/index.js';
import { type SemanticLayer, timeGranularities } from '../../semantic-layer/index.js';
import type { KnownEntities } from './grounding/index.js';

/**
 * Every name an answer may use: the metrics, the dimensions (bare, `entity__dimension`, with time
 * grains, and `metric_time__grain`), the tables (bare and `schema.table`), their columns and the
 * tools. The
 * grounding check flags any other identifier-looking name an answer gives.
 */
export function knownEntitiesOf(
  semanticLayer: SemanticLayer,
  catalog: WarehouseCatalog,
  toolNames: readonly string[] = [],
): KnownEntities {
  const metrics = new Set(semanticLayer.manifest.metrics.map((metric) => metric.name));
  const dimensions = new Set<string>(timeGranularities.map((grain) => `metric_time__${grain}`));
  dimensions.add('metric_time');
  for (const model of semanticLayer.manifest.semanticModels) {
    for (const entity of model.entities) {
      dimensions.add(entity.name);
      for (const dimension of model.dimensions) {
        dimensions.add(dimension.name);
        dimensions.add(`${entity.name}__${dimension.name}`);
        if (dimension.type === 'time')
          for (const grain of timeGranularities) {
            dimensions.add(`${dimension.name}__${grain}`);
            dimensions.add(`${entity.name}__${dimension.name}__${grain}`);
          }
      }
    }
    for (const measure of model.measures) metrics.add(measure.name);
  }
  const tables = new Set<string>();
  const columns = new Set<string>();
  for (const table of catalog.tables.values()) {
    tables.add(table.name);
    tables.add(`${table.schema}.${table.name}`);
    for (const column of table.columns) columns.add(column.name);
  }
  return { metrics, dimensions, tables, columns, tools: new Set(toolNames) };
}
