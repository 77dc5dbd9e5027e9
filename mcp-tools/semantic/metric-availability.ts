import { modelsOfMetric, type SemanticLayer } from '../../semantic-layer/index.js';
import type { GovernedWarehouse, Principal } from '../governance/index.js';
import { accessibleTables } from '../tools/table-access-summary.js';

/** How a principal may use a metric: the policy of the tables it reads, the strictest first. */
export type MetricAccess = 'rows' | 'aggregate' | 'none';

/**
 * A function telling, per metric, whether the principal may query every table it reads. The gate
 * decides in the end; this keeps `list_metrics` from offering metrics that can only be refused.
 */
export function metricAccessFor(
  layer: SemanticLayer,
  warehouse: GovernedWarehouse,
  principal: Principal,
): (metric: string) => MetricAccess {
  const tables = new Map(
    accessibleTables({ policy: warehouse.policy, catalog: warehouse.catalog, principal }).map((entry) => [
      entry.name,
      entry.access,
    ]),
  );
  const accessOf = (relation: string) =>
    relation.includes('.')
      ? tables.get(relation)
      : [...tables].find(([name]) => name.endsWith(`.${relation}`))?.[1];
  return (metric) => {
    const accesses = modelsOfMetric(layer, metric).map((node) => accessOf(node.relation));
    if (accesses.length === 0 || accesses.some((access) => access === undefined)) return 'none';
    return accesses.includes('aggregate') ? 'aggregate' : 'rows';
  };
}
