import { type CatalogTable, tableKey, type WarehouseCatalog } from '../catalog/warehouse-catalog.js';
import type { GovernancePolicy, PrincipalDefinition } from '../policy/governance-policy.js';
import { type EffectiveTableAccess, tableAccessFor } from '../policy/table-access-for.js';
import { rowFilterReads } from './row-filter-reads.js';

/** How one principal reads one table natively. */
export interface NativeTableAccess {
  table: CatalogTable;
  access: EffectiveTableAccess & { access: 'rows' | 'aggregate' };
  /**
   * `table`: column grants on the table itself, its row filter as a row-level security policy.
   * `view`: a security_barrier view in the principal's schema that masks columns and applies the row
   * filter in its WHERE clause with the view owner's rights; the table itself is not granted.
   */
  through: 'table' | 'view';
  /** Why the view, in words for the script's comments. */
  reason?: string;
}

/** Everything one principal may read natively, and the tables it may not. */
export interface NativePrincipalAccess {
  principal: PrincipalDefinition;
  tables: NativeTableAccess[];
  deniedTables: CatalogTable[];
}

/**
 * Why a row filter cannot be a row-level security policy for this principal, or undefined when it can.
 * PostgreSQL runs a policy's subqueries with the querying role's privileges and through the inner
 * tables' own policies for that role, so the inner tables must be readable on the table itself, with
 * every column, and inner filtering must only narrow the result; policies that read each other recurse.
 */
function rowLevelSecurityProblem({
  entry,
  byKey,
  user,
}: {
  entry: NativeTableAccess;
  byKey: ReadonlyMap<string, NativeTableAccess>;
  user: string;
}): string | undefined {
  const rowFilter = entry.access.rowFilter;
  if (!rowFilter) return undefined;
  const reads = rowFilterReads(rowFilter.expression);
  if (!reads.monotone)
    return 'its row filter has a subquery that hidden inner rows could widen (NOT, ALL, a scalar subquery, an outer join …)';
  for (const inner of reads.tables) {
    if (!inner.schema) return `its row filter reads ${inner.name} without naming its schema`;
    const innerEntry = byKey.get(tableKey(inner.schema, inner.name));
    if (innerEntry?.through !== 'table')
      return `its row filter reads ${inner.schema}.${inner.name}, which ${user} cannot read on the table itself`;
    if ([...innerEntry.access.columns.values()].some((rule) => rule.kind !== 'allow'))
      return `its row filter reads ${inner.schema}.${inner.name}, some of whose columns are withheld from ${user}`;
  }
  // A policy whose subqueries lead back to its own table makes PostgreSQL report infinite recursion.
  const ownKey = tableKey(entry.table.schema, entry.table.name);
  const visited = new Set<string>();
  const pending = reads.tables.map((inner) => tableKey(inner.schema ?? '', inner.name));
  while (pending.length > 0) {
    const key = pending.pop() as string;
    if (key === ownKey) return 'its row filter reads its own table, directly or through other filters';
    if (visited.has(key)) continue;
    visited.add(key);
    const innerFilter = byKey.get(key)?.access.rowFilter;
    if (innerFilter && byKey.get(key)?.through === 'table')
      for (const next of rowFilterReads(innerFilter.expression).tables)
        pending.push(tableKey(next.schema ?? '', next.name));
  }
  return undefined;
}

function planPrincipal({
  policy,
  principal,
  tables,
}: {
  policy: GovernancePolicy;
  principal: PrincipalDefinition;
  tables: readonly CatalogTable[];
}): NativePrincipalAccess {
  const readable: NativeTableAccess[] = [];
  const deniedTables: CatalogTable[] = [];
  for (const table of tables) {
    const access = tableAccessFor(policy, principal, table);
    const columnRules = [...access.columns.values()];
    if (access.access === 'none' || columnRules.every((rule) => rule.kind === 'deny')) {
      deniedTables.push(table);
      continue;
    }
    const masked = [...access.columns].filter(([, rule]) => rule.kind === 'mask').map(([name]) => name);
    readable.push({
      table,
      access: access as NativeTableAccess['access'],
      through: masked.length > 0 ? 'view' : 'table',
      ...(masked.length > 0 ? { reason: `masked columns: ${masked.join(', ')}` } : {}),
    });
  }
  const byKey = new Map(readable.map((entry) => [tableKey(entry.table.schema, entry.table.name), entry]));
  // Moving one table to a view can leave another table's filter reading it without a grant: repeat until stable.
  for (let changed = true; changed; ) {
    changed = false;
    for (const entry of readable) {
      if (entry.through !== 'table') continue;
      const problem = rowLevelSecurityProblem({ entry, byKey, user: principal.user });
      if (problem) {
        entry.through = 'view';
        entry.reason = problem;
        changed = true;
      }
    }
  }
  return { principal, tables: readable, deniedTables };
}

/**
 * Decides, for every principal and catalog table, how the policy becomes native PostgreSQL access
 * (pure: no SQL text). Principals keep the policy file's order and tables are sorted, so the script
 * rendered from the plan is the same for the same policy and catalog.
 */
export function planNativeAccess({
  policy,
  catalog,
}: {
  policy: GovernancePolicy;
  catalog: WarehouseCatalog;
}): NativePrincipalAccess[] {
  const byName = (left: CatalogTable, right: CatalogTable) => {
    const leftKey = tableKey(left.schema, left.name);
    const rightKey = tableKey(right.schema, right.name);
    return leftKey < rightKey ? -1 : leftKey > rightKey ? 1 : 0;
  };
  const tables = [...catalog.tables.values()].sort(byName);
  return [...policy.principals.values()].map((principal) => planPrincipal({ policy, principal, tables }));
}
