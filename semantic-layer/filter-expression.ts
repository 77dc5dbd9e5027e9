import { parseExpression } from './model-expression.js';
import { isTimeGranularity, type TimeGranularity } from './time-granularity.js';

/** A reference in a filter string: `{{ Dimension('practice__region') }}` and its kin. */
export interface FilterReference {
  kind: 'dimension' | 'time_dimension' | 'entity';
  name: string;
  granularity?: TimeGranularity;
}

/** The value of a constant in a filter: bound as a query parameter, never pasted into SQL. */
export type FilterValue = string | number | boolean | null;

/**
 * A filter string checked by PostgreSQL's parser and reduced to an allow-listed tree. Rendering it
 * yields SQL whose only text comes from Hale (operators, parameter numbers, resolved column
 * expressions); every value of the string becomes a parameter.
 */
export interface FilterExpression {
  text: string;
  references: FilterReference[];
  /** Renders the predicate: `resolve` gives the SQL of reference *i*, `bind` the `$n` of a value. */
  render(resolve: (index: number) => string, bind: (value: FilterValue) => string): string;
}

const referencePattern =
  /\{\{\s*(Dimension|TimeDimension|Entity|Metric)\s*\(\s*'([A-Za-z0-9_]+)'\s*(?:,\s*'([A-Za-z_]+)'\s*)?\)\s*(?:\.\s*grain\s*\(\s*'([A-Za-z_]+)'\s*\)\s*)?\}\}/g;

const comparisonOperators = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
const likeOperators: Record<string, string> = {
  '~~': 'LIKE',
  '!~~': 'NOT LIKE',
  '~~*': 'ILIKE',
  '!~~*': 'NOT ILIKE',
};
/** Types a constant may be cast to in a filter (`'2024-01-01'::date`, `DATE '2024-01-01'`). */
const castTypes = new Set([
  'date',
  'timestamp',
  'timestamptz',
  'numeric',
  'int4',
  'int8',
  'integer',
  'bigint',
  'text',
  'bool',
  'boolean',
  'float8',
]);

type Node = Record<string, unknown>;
type Renderer = (resolve: (index: number) => string, bind: (value: FilterValue) => string) => string;

function entryOf(node: unknown): [string, Node] {
  const [entry] = Object.entries((node ?? {}) as Record<string, Node>);
  if (!entry) throw new Error('empty expression');
  return entry;
}

function operatorName(fields: Node): string {
  const names = (fields.name as { String: { sval: string } }[] | undefined) ?? [];
  return names.map((name) => name.String.sval).join('.');
}

/**
 * Parses a MetricFlow filter string strictly. Allowed: references, constants (text, numbers,
 * booleans, NULL, constants cast to a date/number type), comparisons, IN lists, BETWEEN, LIKE/ILIKE,
 * IS [NOT] NULL, AND, OR, NOT and parentheses. Anything else — a bare column, a function, a
 * subquery, a `{{ Metric(…) }}` — is an error naming what was found.
 */
export function parseFilterExpression(text: string): FilterExpression | { error: string } {
  const references: FilterReference[] = [];
  let problem: string | undefined;
  const replaced = text.replace(
    referencePattern,
    (_match, kind: string, name: string, second?: string, grain?: string) => {
      if (kind === 'Metric') {
        problem ??= 'metric filters ({{ Metric(…) }}) are not supported; filter on dimensions or entities';
        return 'NULL';
      }
      const granularity = (kind === 'TimeDimension' ? second : grain) ?? undefined;
      if (granularity !== undefined && !isTimeGranularity(granularity)) {
        problem ??= `unknown time grain "${granularity}"; use day, week, month, quarter or year`;
        return 'NULL';
      }
      if (kind !== 'TimeDimension' && second !== undefined) {
        problem ??= `${kind}('${name}') takes one argument`;
        return 'NULL';
      }
      references.push({
        kind: kind === 'Dimension' ? 'dimension' : kind === 'TimeDimension' ? 'time_dimension' : 'entity',
        name: name.toLowerCase(),
        ...(granularity ? { granularity } : {}),
      });
      return `hale_reference_${references.length - 1}`;
    },
  );
  if (!problem && /\{\{\s*Metric\s*\(/.test(replaced))
    problem = 'metric filters ({{ Metric(…) }}) are not supported; filter on dimensions or entities';
  if (problem) return { error: problem };
  if (/\{\{|\}\}|\{%|%\}/.test(replaced))
    return {
      error:
        "a filter may only use {{ Dimension('entity__name') }}, {{ TimeDimension('metric_time', 'month') }} or {{ Entity('name') }} templates",
    };
  if (/;/.test(replaced.replace(/'(?:[^']|'')*'/g, "''")))
    return { error: 'a filter is one predicate; ";" is not allowed' };
  const parsed = parseExpression(replaced);
  if ('error' in parsed) return { error: parsed.error.replace(/hale_reference_\d+/g, '{{ … }}') };
  try {
    const render = build(parsed.node, true);
    return { text, references, render };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function build(node: unknown, predicate: boolean): Renderer {
  const [type, fields] = entryOf(node);
  switch (type) {
    case 'BoolExpr': {
      const parts = (fields.args as unknown[]).map((argument) => build(argument, true));
      const operator = fields.boolop as string;
      if (operator === 'NOT_EXPR') {
        const [only] = parts;
        if (!only) throw new Error('NOT needs an operand');
        return (resolve, bind) => `NOT (${only(resolve, bind)})`;
      }
      const joiner = operator === 'AND_EXPR' ? ' AND ' : ' OR ';
      return (resolve, bind) => `(${parts.map((part) => part(resolve, bind)).join(joiner)})`;
    }
    case 'A_Expr': {
      const kind = fields.kind as string;
      const name = operatorName(fields);
      const left = build(fields.lexpr, false);
      if (kind === 'AEXPR_OP' && comparisonOperators.has(name)) {
        const right = build(fields.rexpr, false);
        const sqlOperator = name === '!=' ? '<>' : name;
        return (resolve, bind) => `${left(resolve, bind)} ${sqlOperator} ${right(resolve, bind)}`;
      }
      if (kind === 'AEXPR_IN') {
        const items = ((fields.rexpr as { List?: { items: unknown[] } }).List?.items ?? []).map((item) =>
          build(item, false),
        );
        if (items.length === 0) throw new Error('IN needs a list of values');
        const negated = name === '<>';
        return (resolve, bind) =>
          `${left(resolve, bind)} ${negated ? 'NOT IN' : 'IN'} (${items.map((item) => item(resolve, bind)).join(', ')})`;
      }
      if (kind === 'AEXPR_BETWEEN' || kind === 'AEXPR_NOT_BETWEEN') {
        const [low, high] = ((fields.rexpr as { List: { items: unknown[] } }).List.items ?? []).map((item) =>
          build(item, false),
        );
        if (!low || !high) throw new Error('BETWEEN needs two values');
        const keyword = kind === 'AEXPR_BETWEEN' ? 'BETWEEN' : 'NOT BETWEEN';
        return (resolve, bind) =>
          `${left(resolve, bind)} ${keyword} ${low(resolve, bind)} AND ${high(resolve, bind)}`;
      }
      if ((kind === 'AEXPR_LIKE' || kind === 'AEXPR_ILIKE') && likeOperators[name]) {
        const right = build(fields.rexpr, false);
        const keyword = likeOperators[name];
        return (resolve, bind) => `${left(resolve, bind)} ${keyword} ${right(resolve, bind)}`;
      }
      const described =
        kind === 'AEXPR_DISTINCT'
          ? 'IS DISTINCT FROM'
          : kind === 'AEXPR_NOT_DISTINCT'
            ? 'IS NOT DISTINCT FROM'
            : name;
      throw new Error(
        `the operator "${described}" is not allowed in a filter; use comparisons, IN, BETWEEN or LIKE`,
      );
    }
    case 'NullTest': {
      const argument = build(fields.arg, false);
      const keyword = fields.nulltesttype === 'IS_NOT_NULL' ? 'IS NOT NULL' : 'IS NULL';
      return (resolve, bind) => `${argument(resolve, bind)} ${keyword}`;
    }
    case 'A_Const': {
      if (predicate && !('boolval' in fields)) throw new Error('a filter must be a condition, not a value');
      const value = constantValue(fields);
      return (_resolve, bind) => bind(value);
    }
    case 'TypeCast': {
      const [argumentType] = entryOf(fields.arg);
      const typeNames = ((fields.typeName as { names: { String: { sval: string } }[] }).names ?? []).map(
        (part) => part.String.sval,
      );
      const typeName = typeNames.at(-1) ?? '';
      if (argumentType !== 'A_Const' || !castTypes.has(typeName))
        throw new Error(
          'only a constant may be cast in a filter, to a date, timestamp, number, text or boolean',
        );
      const value = constantValue(entryOf(fields.arg)[1]);
      const sqlType =
        typeName === 'int4'
          ? 'integer'
          : typeName === 'int8'
            ? 'bigint'
            : typeName === 'bool'
              ? 'boolean'
              : typeName === 'float8'
                ? 'double precision'
                : typeName;
      return (_resolve, bind) => `CAST(${bind(value)} AS ${sqlType})`;
    }
    case 'ColumnRef': {
      const fieldsList = (fields.fields as { String?: { sval: string } }[]).map(
        (field) => field.String?.sval ?? '*',
      );
      const match = fieldsList.length === 1 ? /^hale_reference_(\d+)$/.exec(fieldsList[0] ?? '') : null;
      if (!match)
        throw new Error(
          `"${fieldsList.join('.')}" is a bare name; write {{ Dimension('entity__${fieldsList.at(-1)}') }} or quote a text value with single quotes`,
        );
      const index = Number(match[1]);
      return (resolve) => resolve(index);
    }
    case 'FuncCall':
      throw new Error('functions are not allowed in a filter');
    case 'SubLink':
      throw new Error('subqueries are not allowed in a filter');
    default:
      throw new Error(`this construct (${type}) is not allowed in a filter`);
  }
}

function constantValue(fields: Node): FilterValue {
  if (fields.isnull) return null;
  if ('sval' in fields) return (fields.sval as { sval?: string }).sval ?? '';
  if ('ival' in fields) return (fields.ival as { ival?: number }).ival ?? 0;
  if ('fval' in fields) return Number((fields.fval as { fval: string }).fval);
  if ('boolval' in fields) return (fields.boolval as { boolval?: boolean }).boolval ?? false;
  throw new Error('unsupported constant in a filter');
}
