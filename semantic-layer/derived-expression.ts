import { deparseExpression, parseExpression } from './model-expression.js';

/** A derived metric's `expr`, checked and ready to have its input metrics substituted. */
export interface DerivedExpression {
  /** The metric names or aliases the expression reads. */
  inputs: string[];
  render(inputSql: (name: string) => string): string;
}

const functions = new Set(['coalesce', 'nullif', 'round', 'abs', 'greatest', 'least', 'ceil', 'floor']);
const arithmetic = new Set(['+', '-', '*', '/']);
const placeholder = (index: number) => `hale_metric_input_${index}`;

/**
 * Parses a derived metric's expression: input names, numbers, + - * /, parentheses, casts and a few
 * numeric functions (coalesce, nullif, round, abs, greatest, least, ceil, floor). It comes from the
 * data team's YAML, but is checked anyway so a typo fails at load time with its location.
 */
export function parseDerivedExpression(text: string): DerivedExpression | { error: string } {
  const parsed = parseExpression(text);
  if ('error' in parsed) return parsed;
  const inputs: string[] = [];
  let problem: string | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const [type, value] of Object.entries(record)) {
      const fields = value as Record<string, unknown>;
      if (type === 'ColumnRef') {
        const parts = (fields.fields as { String?: { sval: string } }[]).map((field) => field.String?.sval);
        const name = parts.length === 1 ? parts[0] : undefined;
        if (!name) {
          problem ??= `"${parts.join('.')}" is not a metric name`;
          continue;
        }
        if (!inputs.includes(name)) inputs.push(name);
        fields.fields = [{ String: { sval: placeholder(inputs.indexOf(name)) } }];
        continue;
      }
      if (type === 'FuncCall') {
        const name = (
          (fields.funcname as { String: { sval: string } }[]).at(-1)?.String.sval ?? ''
        ).toLowerCase();
        if (!functions.has(name)) problem ??= `the function ${name} is not allowed in a derived metric`;
      } else if (type === 'A_Expr') {
        const name = (fields.name as { String: { sval: string } }[]).map((part) => part.String.sval).join('');
        if (fields.kind !== 'AEXPR_NULLIF' && (fields.kind !== 'AEXPR_OP' || !arithmetic.has(name)))
          problem ??= `the operator ${name} is not allowed in a derived metric; use + - * /`;
      } else if (type === 'SubLink' || type === 'SelectStmt') {
        problem ??= 'subqueries are not allowed in a derived metric';
      }
      visit(value);
    }
  };
  visit(parsed.node);
  if (problem) return { error: problem };
  const deparsed = deparseExpression(parsed.node);
  const pieces = deparsed.split(/hale_metric_input_(\d+)/);
  return {
    inputs,
    render: (inputSql) =>
      pieces
        .map((piece, index) => (index % 2 === 1 ? `(${inputSql(inputs[Number(piece)] ?? '')})` : piece))
        .join(''),
  };
}
