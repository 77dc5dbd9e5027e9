import type { CatalogTable } from '../catalog/warehouse-catalog.js';
import type { ColumnRule, GovernancePolicy, Principal, RowFilter, TableAccess } from './governance-policy.js';

/** What one principal may do with one table: the rule of their role, resolved. */
export interface EffectiveTableAccess {
  access: TableAccess;
  rowFilter?: RowFilter;
  /** Every column of the table with its rule (default allow). */
  columns: ReadonlyMap<string, ColumnRule>;
  entityKey?: string;
  minimumCellSize?: number;
  /** The rule that decided, e.g. `analyst: cdm.*`, recorded in the audit log; `default deny` if none. */
  source: string;
}

/**
 * Resolves a principal's access to a table: the role's exact `schema.table` rule wins over its
 * `schema.*` rule; a table no rule names is denied (default deny).
 */
export function tableAccessFor(
  policy: GovernancePolicy,
  principal: Principal,
  table: CatalogTable,
): EffectiveTableAccess {
  const role = policy.roles.get(principal.role);
  const rules = role?.tables ?? [];
  const rule =
    rules.find((candidate) => candidate.schema === table.schema && candidate.table === table.name) ??
    rules.find((candidate) => candidate.schema === table.schema && candidate.table === '*');
  if (!role || !rule || rule.access === 'none') {
    return {
      access: 'none',
      columns: new Map(),
      source: rule ? `${principal.role}: ${rule.schema}.${rule.table}` : 'default deny',
    };
  }
  const columns = new Map<string, ColumnRule>();
  for (const column of table.columns)
    columns.set(column.name, rule.columns.get(column.name) ?? { kind: 'allow' });
  const minimumCellSize = rule.minimumCellSize ?? role.minimumCellSize;
  return {
    access: rule.access,
    ...(rule.rowFilter ? { rowFilter: rule.rowFilter } : {}),
    columns,
    ...(rule.entityKey ? { entityKey: rule.entityKey } : {}),
    ...(rule.access === 'aggregate' && minimumCellSize ? { minimumCellSize } : {}),
    source: `${principal.role}: ${rule.schema}.${rule.table}`,
  };
}
