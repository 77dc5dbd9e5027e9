import { dottedName, fieldsOf, listOf, nodeEntry } from '../sql/sql-node.js';
import { aggregateFunctions } from './function-policy.js';
import type { QueryAnalysis } from './query-analysis.js';

type Fields = Record<string, unknown>;

/** What deciding needs: the column types the analysis resolved and the database's leakproof operators. */
interface LeakproofContext {
  analysis: QueryAnalysis;
  operators: ReadonlySet<string>;
}

/**
 * The type PostgreSQL gives a value, in `format_type` spelling, as far as the gate can know it
 * without the planner: governed columns (from the catalog) and constants. `unknown` is a quoted
 * literal, which takes the type of the other operand. Undefined: not knowable here.
 */
type ValueType = string | 'unknown' | undefined;

/** `character varying(50)` compares as text; `numeric(10,2)` as numeric. */
function normalizeType(type: string): string {
  const base = type.replace(/\(.*\)$/, '').trim();
  return base === 'character varying' ? 'text' : base;
}

const castTypes: Readonly<Record<string, string>> = {
  int2: 'smallint',
  smallint: 'smallint',
  int4: 'integer',
  int: 'integer',
  integer: 'integer',
  int8: 'bigint',
  bigint: 'bigint',
  numeric: 'numeric',
  decimal: 'numeric',
  float4: 'real',
  real: 'real',
  float8: 'double precision',
  text: 'text',
  varchar: 'text',
  bpchar: 'character',
  date: 'date',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  bool: 'boolean',
  boolean: 'boolean',
};

function constantType(constant: Fields): ValueType {
  if (constant.isnull === true) return 'unknown';
  if (constant.ival !== undefined) return 'integer';
  if (constant.fval !== undefined) return 'numeric';
  if (constant.boolval !== undefined) return 'boolean';
  if (constant.sval !== undefined) return 'unknown';
  return undefined;
}

/** The type of an operand that is a column or a constant (possibly cast); undefined for anything else. */
function operandType(node: unknown, context: LeakproofContext): ValueType {
  const column = fieldsOf(node, 'ColumnRef');
  if (column) {
    const type = context.analysis.columnTypes.get(column);
    return type === undefined ? undefined : normalizeType(type);
  }
  const constant = fieldsOf(node, 'A_Const');
  if (constant) return constantType(constant);
  const cast = fieldsOf(node, 'TypeCast');
  // Only a cast of a constant: its failure does not depend on any row. A cast of a column can fail
  // on a value the principal may not see.
  if (cast && fieldsOf(cast.arg, 'A_Const')) {
    const typeName = (fieldsOf(cast.typeName, 'TypeName') ?? cast.typeName) as Fields | undefined;
    const name = dottedName(typeName?.names).at(-1);
    const bounds = listOf(typeName?.arrayBounds);
    return name && bounds.length === 0 ? castTypes[name] : undefined;
  }
  return undefined;
}

/** Whether `left operator right` runs a function the database marks LEAKPROOF. */
function leakproofComparison(operator: string, left: ValueType, right: ValueType, context: LeakproofContext) {
  if (left === undefined || right === undefined) return false;
  if (left === 'unknown' && right === 'unknown') return true; // two constants: nothing row-dependent
  const resolvedLeft = left === 'unknown' ? right : left;
  const resolvedRight = right === 'unknown' ? left : right;
  return context.operators.has(`${resolvedLeft} ${operator} ${resolvedRight}`);
}

const comparisonOperators = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);

/**
 * Whether evaluating a predicate on any row, visible to the principal or not, can reveal nothing:
 * only columns, constants, AND/OR/NOT, IS [NOT] NULL and comparisons whose function the database
 * marks LEAKPROOF. Anything else (arithmetic, functions, casts of columns, subqueries) may raise
 * an error or take time that depends on a hidden value.
 */
function isLeakproof(node: unknown, context: LeakproofContext): boolean {
  if (node === undefined || node === null) return true;
  const entry = nodeEntry(node);
  if (!entry) return false;
  const [type, fields] = entry;
  switch (type) {
    case 'BoolExpr':
      return listOf(fields.args).every((argument) => isLeakproof(argument, context));
    case 'NullTest':
    case 'BooleanTest':
      return operandType(fields.arg, context) !== undefined;
    case 'ColumnRef':
    case 'A_Const':
      return operandType(node, context) !== undefined;
    case 'A_Expr': {
      const operator = dottedName(fields.name).at(-1) ?? '';
      const left = operandType(fields.lexpr, context);
      if (fields.kind === 'AEXPR_OP' && comparisonOperators.has(operator)) {
        const normalized = operator === '!=' ? '<>' : operator;
        return leakproofComparison(normalized, left, operandType(fields.rexpr, context), context);
      }
      if (fields.kind === 'AEXPR_IN') {
        const comparison = operator === '<>' ? '<>' : '=';
        return listOf(fieldsOf(fields.rexpr, 'List')?.items).every((item) =>
          leakproofComparison(comparison, left, operandType(item, context), context),
        );
      }
      if (fields.kind === 'AEXPR_BETWEEN' || fields.kind === 'AEXPR_NOT_BETWEEN') {
        const [low, high] = listOf(fieldsOf(fields.rexpr, 'List')?.items);
        return (
          leakproofComparison('>=', left, operandType(low, context), context) &&
          leakproofComparison('<=', left, operandType(high, context), context)
        );
      }
      return false;
    }
    default:
      return false;
  }
}

function containsAggregate(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsAggregate);
  const entry = nodeEntry(node);
  if (!entry) return false;
  const [type, fields] = entry;
  if (type === 'SubLink') return false;
  if (type === 'FuncCall' && aggregateFunctions.has(dottedName(fields.funcname).at(-1) ?? '')) return true;
  return Object.values(fields).some(
    (value) => (Array.isArray(value) || nodeEntry(value)) && containsAggregate(value),
  );
}

function conjuncts(node: unknown): unknown[] {
  const bool = fieldsOf(node, 'BoolExpr');
  return bool?.boolop === 'AND_EXPR'
    ? listOf(bool.args).flatMap(conjuncts)
    : node === undefined
      ? []
      : [node];
}

function fromItemIsLeakproof(item: unknown, context: LeakproofContext): boolean {
  const entry = nodeEntry(item);
  if (!entry) return false;
  const [type, fields] = entry;
  if (type === 'RangeVar') return true;
  // A LATERAL subquery or a set-returning function is evaluated per row of the items before it.
  if (type === 'RangeSubselect') return fields.lateral !== true;
  if (type !== 'JoinExpr') return false;
  const usingTypes = context.analysis.usingTypes.get(fields) ?? [];
  return (
    fromItemIsLeakproof(fields.larg, context) &&
    fromItemIsLeakproof(fields.rarg, context) &&
    isLeakproof(fields.quals, context) &&
    usingTypes.every(([left, right]) =>
      leakproofComparison(
        '=',
        left === undefined ? undefined : normalizeType(left),
        right === undefined ? undefined : normalizeType(right),
        context,
      ),
    )
  );
}

/** Every SelectStmt of a statement: the query, its CTEs, set-operation arms and subqueries anywhere. */
function* selectsOf(node: unknown): Generator<Fields> {
  if (Array.isArray(node)) {
    for (const item of node) yield* selectsOf(item);
    return;
  }
  const entry = nodeEntry(node);
  if (!entry) return;
  const [type, fields] = entry;
  if (type === 'SelectStmt') yield fields;
  for (const value of Object.values(fields))
    if (Array.isArray(value) || nodeEntry(value)) yield* selectsOf(value);
}

/**
 * Whether a query's row-filter fences may drop `OFFSET 0` and let PostgreSQL flatten them (which
 * keeps parallel plans and index use). That is safe only when no predicate anywhere in the query can
 * leak a row outside the filter: PostgreSQL may push any qualifier of any level (WHERE, JOIN ON,
 * USING, a HAVING without aggregates) down to the scan of a flattened table, below the row filter.
 * So every such predicate must be leakproof, and no FROM item may be evaluated per row of another
 * (LATERAL, functions). Conservative by construction: when in doubt, the fence stays.
 */
export function queryIsLeakproof({
  select,
  analysis,
  leakproofOperators,
}: {
  select: Fields;
  analysis: QueryAnalysis;
  leakproofOperators: ReadonlySet<string> | undefined;
}): boolean {
  if (!leakproofOperators || leakproofOperators.size === 0) return false;
  const context: LeakproofContext = { analysis, operators: leakproofOperators };
  for (const level of selectsOf({ SelectStmt: select })) {
    if (!listOf(level.fromClause).every((item) => fromItemIsLeakproof(item, context))) return false;
    if (!isLeakproof(level.whereClause, context)) return false;
    // A HAVING conjunct without an aggregate may be moved to WHERE by the planner.
    for (const conjunct of conjuncts(level.havingClause))
      if (!containsAggregate(conjunct) && !isLeakproof(conjunct, context)) return false;
  }
  return true;
}
