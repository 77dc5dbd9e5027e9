import { GovernanceError } from '../governance-error.js';
import type { SqlNode } from './sql-node.js';

/** A value a caller binds to `$n`: text, a finite number, a boolean, NULL, or a list of those. */
export type QueryParameter = string | number | boolean | null | readonly (string | number | boolean | null)[];

function constant(value: string | number | boolean | null, number: number): SqlNode {
  if (value === null) return { A_Const: { isnull: true } };
  if (typeof value === 'string') return { A_Const: { sval: { sval: value } } };
  if (typeof value === 'boolean') return { A_Const: { boolval: { boolval: value } } };
  if (!Number.isFinite(value))
    throw new GovernanceError('statement_not_allowed', `parameter $${number} is not a finite number`);
  // PostgreSQL's own parser folds a negative number into the constant, as here.
  return Number.isSafeInteger(value) && Math.abs(value) < 2 ** 31
    ? { A_Const: { ival: { ival: value } } }
    : { A_Const: { fval: { fval: String(value) } } };
}

function parameterNode(value: QueryParameter, number: number): SqlNode {
  if (Array.isArray(value)) {
    return { A_ArrayExpr: { elements: value.map((element) => constant(element, number)) } };
  }
  return constant(value as string | number | boolean | null, number);
}

/**
 * Replaces every `$n` in a parsed statement by the constant node of `parameters[n - 1]`, in place.
 * The values enter the parse tree as constants, never as SQL text, so no value can change the
 * statement's shape; the gate then checks them like any literal, and the executed SQL (and so the
 * audit log) shows them. Every parameter must be used and every `$n` bound.
 */
export function bindQueryParameters(statement: SqlNode, parameters: readonly QueryParameter[]): void {
  const used = new Set<number>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        const replacement = replacementFor(child);
        if (replacement) node[index] = replacement;
        else visit(child);
      });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const [key, child] of Object.entries(record)) {
      const replacement = replacementFor(child);
      if (replacement) record[key] = replacement;
      else visit(child);
    }
  };
  const replacementFor = (node: unknown): SqlNode | undefined => {
    if (node === null || typeof node !== 'object' || !('ParamRef' in node)) return undefined;
    const number = (node as { ParamRef: { number?: number } }).ParamRef.number ?? 0;
    const value = parameters[number - 1];
    if (number < 1 || value === undefined)
      throw new GovernanceError(
        'statement_not_allowed',
        `parameter $${number} has no value (${parameters.length} parameter${parameters.length === 1 ? '' : 's'} given)`,
      );
    used.add(number);
    return parameterNode(value, number);
  };
  visit(statement);
  const unused = parameters.map((_, index) => index + 1).filter((number) => !used.has(number));
  if (unused.length > 0)
    throw new GovernanceError(
      'statement_not_allowed',
      `parameter${unused.length === 1 ? '' : 's'} ${unused.map((number) => `$${number}`).join(', ')} given but not used in the query`,
    );
}
