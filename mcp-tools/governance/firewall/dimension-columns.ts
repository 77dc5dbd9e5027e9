import { fieldsOf, listOf, nodeEntry } from '../sql/sql-node.js';
import { figureColumnName } from './figure-column-name.js';
import { aggregateFunctions } from './function-policy.js';

function containsAggregateCall(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsAggregateCall);
  const entry = nodeEntry(node);
  if (!entry) return false;
  const [type, fields] = entry;
  if (type === 'SubLink') return false;
  if (type === 'FuncCall') {
    const name = listOf(fields.funcname).at(-1);
    const simple = String((fieldsOf(name, 'String')?.sval as string | undefined) ?? '').toLowerCase();
    if (aggregateFunctions.has(simple) && fields.over === undefined) return true;
  }
  return Object.values(fields).some((value) =>
    Array.isArray(value) || nodeEntry(value) ? containsAggregateCall(value) : false,
  );
}

/** Output names of the outermost select list entries that are grouping values, not aggregates. */
export function dimensionColumns(select: Record<string, unknown>): string[] {
  return listOf(select.targetList).flatMap((target) => {
    const resTarget = fieldsOf(target, 'ResTarget') ?? {};
    if (containsAggregateCall(resTarget.val)) return [];
    return [typeof resTarget.name === 'string' ? resTarget.name : figureColumnName(resTarget.val)];
  });
}
