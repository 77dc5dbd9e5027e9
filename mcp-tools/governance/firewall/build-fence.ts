import type { CatalogTable } from '../catalog/warehouse-catalog.js';
import { deniedColumnSql, maskExpressionSql } from '../native/mask-expression.js';
import type { EffectiveTableAccess } from '../policy/table-access-for.js';
import { quoteIdentifier } from '../sql/quote-identifier.js';
import { fieldsOf } from '../sql/sql-node.js';
import { parseSql } from '../sql/sql-parser.js';

/** True when a principal's access to a table needs a fence: a row filter, or a column not plainly allowed. */
export function needsFence(access: EffectiveTableAccess): boolean {
  if (access.rowFilter) return true;
  for (const rule of access.columns.values()) if (rule.kind !== 'allow') return true;
  return false;
}

/**
 * The fenced subquery that replaces a table reference: every column in table order (masked columns
 * by their mask, denied ones as typed NULLs so positions and `AS t(a, b)` renames still line up)
 * and the row filter. With `barrier`, also `OFFSET 0`, which stops PostgreSQL from flattening the
 * subquery and pushing the user's predicates below the filter, where they could see (or fail on)
 * rows outside the principal's scope; without it PostgreSQL flattens the fence, which keeps
 * parallel plans and index use. Returns the `SelectStmt` fields; `principal('x')` calls are still
 * in place.
 */
export function buildFence(
  table: CatalogTable,
  access: EffectiveTableAccess,
  { barrier }: { barrier: boolean },
): Record<string, unknown> {
  const items = table.columns.map((column) => {
    const name = quoteIdentifier(column.name);
    const rule = access.columns.get(column.name) ?? { kind: 'allow' };
    if (rule.kind === 'allow') return name;
    if (rule.kind === 'deny') return `${deniedColumnSql(column.type)} AS ${name}`;
    return `${maskExpressionSql({ column: column.name, type: column.type, mask: rule.mask })} AS ${name}`;
  });
  const where = access.rowFilter ? ` WHERE ${access.rowFilter.sql}` : '';
  const sql = `SELECT ${items.join(', ')} FROM ${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}${where}${barrier ? ' OFFSET 0' : ''}`;
  const statement = parseSql(sql)[0]?.statement;
  const select = fieldsOf(statement, 'SelectStmt');
  if (!select) throw new Error(`fence for ${table.schema}.${table.name} did not parse as a SELECT`);
  return select;
}
