import { dottedName, fieldsOf, listOf, nodeEntry, type SqlNode } from '../sql/sql-node.js';
import { parseSql } from '../sql/sql-parser.js';
import type { RowFilter } from './governance-policy.js';

/** The attribute name of a `principal('name')` call, or undefined for any other node. */
export function principalAttributeOf(node: unknown): string | undefined {
  const call = fieldsOf(node, 'FuncCall');
  if (!call) return undefined;
  const name = dottedName(call.funcname);
  if (name.length !== 1 || name[0] !== 'principal') return undefined;
  const argument = fieldsOf(listOf(call.args)[0], 'A_Const');
  const value = fieldsOf(argument?.sval, 'String') ?? (argument?.sval as { sval?: string } | undefined);
  return typeof value?.sval === 'string' ? value.sval : '';
}

function collectAttributes(node: unknown, into: Set<string>, problems: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectAttributes(item, into, problems);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const attribute = principalAttributeOf(node);
  if (attribute !== undefined) {
    if (attribute === '')
      problems.push("principal() takes one quoted attribute name, e.g. principal('practice_ids')");
    else into.add(attribute);
    return;
  }
  for (const value of Object.values(node)) collectAttributes(value, into, problems);
}

/** Parses a policy row filter: one boolean SQL expression over the table's columns. */
export function parseRowFilter(sql: string): { rowFilter: RowFilter } | { problem: string } {
  let statements: ReturnType<typeof parseSql>;
  try {
    statements = parseSql(`SELECT 1 WHERE ${sql}`);
  } catch (error) {
    return { problem: `row_filter is not a valid SQL predicate: ${(error as Error).message}` };
  }
  const select = statements.length === 1 ? fieldsOf(statements[0]?.statement, 'SelectStmt') : undefined;
  if (!select?.whereClause || listOf(select.fromClause).length > 0 || select.sortClause || select.limitCount)
    return {
      problem: "row_filter must be one predicate, e.g. practice_id = ANY (principal('practice_ids'))",
    };
  const attributes = new Set<string>();
  const problems: string[] = [];
  collectAttributes(select.whereClause, attributes, problems);
  if (problems[0]) return { problem: problems[0] };
  const expression = select.whereClause as SqlNode;
  if (!nodeEntry(expression)) return { problem: 'row_filter must be a predicate' };
  return { rowFilter: { sql, expression, attributes: [...attributes] } };
}
