import { deparseSync } from 'pgsql-deparser';
import { GovernanceError } from '../governance-error.js';
import type { AttributeValue, RowFilter } from '../policy/governance-policy.js';
import { principalAttributeOf } from '../policy/parse-row-filter.js';
import type { SqlNode } from '../sql/sql-node.js';

const largestInteger = 2 ** 31 - 1;

function constantNode(value: string | number | boolean): SqlNode {
  if (typeof value === 'string') return { A_Const: { sval: { sval: value } } };
  if (typeof value === 'boolean') return { A_Const: { boolval: { boolval: value } } };
  if (!Number.isFinite(value))
    throw new GovernanceError('invalid_policy', `a principal attribute is not a finite number: ${value}`);
  // Integers beyond int4 are written the way the parser writes them: as a numeric literal's text.
  return Number.isInteger(value) && Math.abs(value) <= largestInteger
    ? { A_Const: { ival: { ival: value } } }
    : { A_Const: { fval: { fval: String(value) } } };
}

/**
 * An attribute as an SQL literal: scalars as numeric, boolean or quoted text literals, lists as
 * `ARRAY[…]`. A list that mixes numbers and strings becomes a text array, the only type both fit;
 * an empty list becomes `'{}'`, an untyped literal PostgreSQL reads as the array type its context needs.
 */
function attributeNode(value: AttributeValue): SqlNode {
  if (!Array.isArray(value)) return constantNode(value as string | number | boolean);
  if (value.length === 0) return constantNode('{}');
  const allNumbers = value.every((item) => typeof item === 'number');
  return {
    A_ArrayExpr: { elements: value.map((item) => constantNode(allNumbers ? item : String(item))) },
  };
}

function bindAttributes(node: unknown, attributes: Readonly<Record<string, AttributeValue>>): unknown {
  if (Array.isArray(node)) return node.map((item) => bindAttributes(item, attributes));
  if (node === null || typeof node !== 'object') return node;
  const attribute = principalAttributeOf(node);
  if (attribute !== undefined) {
    const value = attributes[attribute];
    if (value === undefined)
      throw new GovernanceError(
        'invalid_policy',
        `the row filter reads principal('${attribute}'), which this principal lacks`,
      );
    return attributeNode(value);
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, inner]) => [key, bindAttributes(inner, attributes)]),
  );
}

/**
 * A row filter as SQL text for one principal: every `principal('name')` replaced by that principal's
 * attribute as a literal, for native objects (row-level security, views) that cannot take query
 * parameters. Built on the parse tree and printed by the deparser, so a value can never change the
 * predicate's structure.
 */
export function rowFilterSql({
  rowFilter,
  attributes,
}: {
  rowFilter: RowFilter;
  attributes: Readonly<Record<string, AttributeValue>>;
}): string {
  const bound = bindAttributes(rowFilter.expression, attributes) as SqlNode;
  return deparseSync(bound as never, { pretty: false });
}
