import { fieldsOf, listOf, nodeEntry } from '../sql/sql-node.js';

/** A table a row filter's subqueries read; `schema` is absent when the filter does not name one. */
export interface InnerTableReference {
  schema?: string;
  name: string;
}

/** What a row filter reads besides its own table's columns. */
export interface RowFilterReads {
  tables: readonly InnerTableReference[];
  /**
   * True when fewer rows in the inner tables can only make the filter keep fewer rows: every subquery
   * is an EXISTS or `IN` / `op ANY` reached through AND and OR only, and reads inner joins with
   * WHERE clauses of the same kind. Under row-level security a policy's subqueries read the inner
   * tables through the querying role's own policies; a monotone filter then hides rows at worst,
   * never reveals any. NOT, ALL, scalar subqueries, aggregates, outer joins and set operations
   * could turn hidden inner rows into visible outer rows, so they make it false.
   */
  monotone: boolean;
}

function containsSubLink(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsSubLink);
  if (node === null || typeof node !== 'object') return false;
  if (fieldsOf(node, 'SubLink')) return true;
  return Object.values(node).some(containsSubLink);
}

function isPlainValue(node: unknown): boolean {
  const cast = fieldsOf(node, 'TypeCast');
  if (cast) return isPlainValue(cast.arg);
  const entry = nodeEntry(node);
  return entry?.[0] === 'ColumnRef' || entry?.[0] === 'A_Const';
}

function isPositive(node: unknown): boolean {
  const bool = fieldsOf(node, 'BoolExpr');
  if (bool && (bool.boolop === 'AND_EXPR' || bool.boolop === 'OR_EXPR'))
    return listOf(bool.args).every(isPositive);
  const subLink = fieldsOf(node, 'SubLink');
  if (subLink && (subLink.subLinkType === 'EXISTS_SUBLINK' || subLink.subLinkType === 'ANY_SUBLINK'))
    return !containsSubLink(subLink.testexpr) && isMonotoneSelect(subLink.subselect);
  return !containsSubLink(node);
}

function isMonotoneFromItem(node: unknown): boolean {
  if (fieldsOf(node, 'RangeVar')) return true;
  const join = fieldsOf(node, 'JoinExpr');
  if (join)
    return (
      join.jointype === 'JOIN_INNER' &&
      isMonotoneFromItem(join.larg) &&
      isMonotoneFromItem(join.rarg) &&
      (join.quals === undefined || isPositive(join.quals))
    );
  const subselect = fieldsOf(node, 'RangeSubselect');
  return subselect !== undefined && subselect.lateral !== true && isMonotoneSelect(subselect.subquery);
}

function isMonotoneSelect(node: unknown): boolean {
  const select = fieldsOf(node, 'SelectStmt');
  if (select?.op !== 'SETOP_NONE') return false;
  const allowed = new Set([
    'targetList',
    'fromClause',
    'whereClause',
    'distinctClause',
    'sortClause',
    'limitOption',
    'op',
  ]);
  if (Object.keys(select).some((key) => !allowed.has(key))) return false;
  // Plain DISTINCT keeps the set of values; DISTINCT ON picks one row per group, which hidden rows can change.
  if (listOf(select.distinctClause).some((item) => nodeEntry(item) !== undefined)) return false;
  const targetsArePlain = listOf(select.targetList).every((target) => {
    const value = fieldsOf(target, 'ResTarget')?.val;
    return value !== undefined && isPlainValue(value);
  });
  return (
    targetsArePlain &&
    listOf(select.fromClause).every(isMonotoneFromItem) &&
    (select.whereClause === undefined || isPositive(select.whereClause))
  );
}

function collectTables(node: unknown, into: Map<string, InnerTableReference>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectTables(item, into);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const rangeVar = fieldsOf(node, 'RangeVar');
  if (rangeVar && typeof rangeVar.relname === 'string') {
    const schema = typeof rangeVar.schemaname === 'string' ? rangeVar.schemaname : undefined;
    into.set(`${schema ?? ''}.${rangeVar.relname}`, {
      ...(schema ? { schema } : {}),
      name: rangeVar.relname,
    });
    return;
  }
  for (const value of Object.values(node)) collectTables(value, into);
}

/** The tables a parsed row filter reads and whether inner row filtering can only narrow it. */
export function rowFilterReads(expression: unknown): RowFilterReads {
  const tables = new Map<string, InnerTableReference>();
  collectTables(expression, tables);
  return { tables: [...tables.values()], monotone: isPositive(expression) };
}
