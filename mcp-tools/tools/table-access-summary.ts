import {
  type CatalogTable,
  type GovernancePolicy,
  governedSchemas,
  type Principal,
  tableAccessFor,
  type WarehouseCatalog,
} from '../governance/index.js';

/** One table a principal may query, and what the policy does to it. */
export interface AccessibleTable {
  table: CatalogTable;
  /** `schema.table`. */
  name: string;
  access: 'rows' | 'aggregate';
  /** Rows are filtered to the principal's scope. */
  rowFiltered: boolean;
  deniedColumns: string[];
  maskedColumns: { column: string; mask: string }[];
  entityKey?: string;
  minimumCellSize?: number;
}

/** The mask of a column in words a person or a model reads. */
export function maskName(mask: { kind: string; length?: number }): string {
  if (mask.kind === 'prefix') return `first ${mask.length} characters`;
  if (mask.kind === 'year_of_date') return 'year only';
  if (mask.kind === 'null') return 'always null';
  return mask.kind === 'hash' ? 'hashed' : 'redacted';
}

/**
 * The tables a principal may query, in the gate's schema order, with their restrictions. Tables
 * with access `none` are left out entirely: a principal does not learn what they cannot see.
 */
export function accessibleTables({
  policy,
  catalog,
  principal,
}: {
  policy: GovernancePolicy;
  catalog: WarehouseCatalog;
  principal: Principal;
}): AccessibleTable[] {
  const tables: AccessibleTable[] = [];
  const ordered = [...catalog.tables.values()].sort(
    (left, right) =>
      governedSchemas.indexOf(left.schema) - governedSchemas.indexOf(right.schema) ||
      left.name.localeCompare(right.name),
  );
  for (const table of ordered) {
    const effective = tableAccessFor(policy, principal, table);
    if (effective.access === 'none') continue;
    const deniedColumns: string[] = [];
    const maskedColumns: { column: string; mask: string }[] = [];
    for (const [column, rule] of effective.columns) {
      if (rule.kind === 'deny') deniedColumns.push(column);
      if (rule.kind === 'mask') maskedColumns.push({ column, mask: maskName(rule.mask) });
    }
    tables.push({
      table,
      name: `${table.schema}.${table.name}`,
      access: effective.access,
      rowFiltered: effective.rowFilter !== undefined,
      deniedColumns,
      maskedColumns,
      ...(effective.entityKey ? { entityKey: effective.entityKey } : {}),
      ...(effective.minimumCellSize ? { minimumCellSize: effective.minimumCellSize } : {}),
    });
  }
  return tables;
}

/**
 * Resolves a table name a caller gave (`schema.table`, or a bare name looked up in the gate's schema
 * order) among the tables they may query. Undefined when there is none: unknown and forbidden look
 * the same, so the answer does not reveal that a forbidden table exists.
 */
export function findAccessibleTable(
  tables: readonly AccessibleTable[],
  name: string,
): AccessibleTable | undefined {
  const wanted = name.trim().toLowerCase().replace(/"/g, '');
  if (wanted.includes('.')) return tables.find((table) => table.name === wanted);
  for (const schema of governedSchemas) {
    const found = tables.find((table) => table.name === `${schema}.${wanted}`);
    if (found) return found;
  }
  return undefined;
}
