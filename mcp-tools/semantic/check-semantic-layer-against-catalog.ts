import {
  closestNames,
  expressionColumns,
  type SemanticIssue,
  type SemanticLayer,
} from '../../semantic-layer/index.js';
import type { WarehouseCatalog } from '../governance/index.js';

/**
 * Checks the semantic models against the warehouse they will query: each model's table exists, and
 * each column its entities, dimensions and measures read. Each problem is located in the YAML with
 * close names. Callers report these as warnings: a warehouse may lack a whole domain (an OMOP-only
 * warehouse has no scheduling mart), and the gate refuses queries over missing tables anyway.
 */
export function checkSemanticLayerAgainstCatalog(
  layer: SemanticLayer,
  catalog: WarehouseCatalog,
  schemas: readonly string[],
): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  layer.manifest.semanticModels.forEach((model, index) => {
    const tableName = /^ref\('([^']+)'\)$/.exec(model.model)?.[1] ?? model.name;
    const lookIn = model.schema ? [model.schema] : schemas;
    const table = lookIn.map((schema) => catalog.tables.get(`${schema}.${tableName}`)).find(Boolean);
    if (!table) {
      const known = [...catalog.tables.keys()].filter((key) =>
        lookIn.some((schema) => key.startsWith(`${schema}.`)),
      );
      const suggestions = closestNames(`${lookIn[0]}.${tableName}`, known);
      issues.push(
        layer.locate(
          'semantic_models',
          index,
          ['model'],
          `semantic model "${model.name}": the warehouse has no table ${lookIn.map((schema) => `${schema}.${tableName}`).join(' or ')}${suggestions.length > 0 ? `; did you mean ${suggestions.join(' or ')}?` : ''}`,
        ),
      );
      return;
    }
    const columns = table.columns.map((column) => column.name);
    for (const [key, items] of [
      ['entities', model.entities],
      ['dimensions', model.dimensions],
      ['measures', model.measures],
    ] as const) {
      items.forEach((item, itemIndex) => {
        // A count without expr counts rows: it reads no column.
        if (
          key === 'measures' &&
          !('expr' in item && item.expr !== undefined) &&
          'agg' in item &&
          item.agg === 'count'
        )
          return;
        const expression = 'expr' in item && item.expr !== undefined ? String(item.expr) : item.name;
        for (const column of expressionColumns(expression)) {
          if (columns.includes(column)) continue;
          const suggestions = closestNames(column, columns);
          issues.push(
            layer.locate(
              'semantic_models',
              index,
              [key, itemIndex, 'expr' in item && item.expr !== undefined ? 'expr' : 'name'],
              `${table.schema}.${table.name} has no column "${column}"${suggestions.length > 0 ? `; did you mean ${suggestions.map((suggestion) => `"${suggestion}"`).join(' or ')}?` : ''}`,
            ),
          );
        }
      });
    }
  });
  return issues;
}
