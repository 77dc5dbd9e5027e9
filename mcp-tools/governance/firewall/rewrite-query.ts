import type { AttributeValue, Principal } from '../policy/governance-policy.js';
import { principalAttributeOf } from '../policy/parse-row-filter.js';
import { fieldsOf, listOf } from '../sql/sql-node.js';
import { deparseSql } from '../sql/sql-parser.js';
import { needsFence } from './build-fence.js';
import type { QueryAnalysis } from './query-analysis.js';

/** Prefix of the columns the rewrite adds for disclosure control; removed from results. */
const hiddenColumnPrefix = '__hale_';

/** The SQL the warehouse runs for a principal, with its bound parameters. */
export interface RewrittenQuery {
  sql: string;
  params: unknown[];
  /** Hidden columns with each group's distinct patient count, one per entity source. */
  groupCountColumns: string[];
  /** Hidden columns with the distinct patient count of each FILTERed aggregate. */
  filteredCountColumns: string[];
  /** The LIMIT the rewrite enforces: the row cap plus one, to tell a full result from a cut one. */
  rowLimit: number;
}

const string = (sval: string) => ({ String: { sval } });
const integer = (ival: number) => ({ A_Const: { ival: { ival } } });

function countDistinct(entryName: string, column: string, filter?: unknown): Record<string, unknown> {
  return {
    FuncCall: {
      funcname: [string('count')],
      args: [{ ColumnRef: { fields: [string(entryName), string(column)] } }],
      agg_distinct: true,
      ...(filter === undefined ? {} : { agg_filter: structuredClone(filter) }),
      funcformat: 'COERCE_EXPLICIT_CALL',
    },
  };
}

/** Replaces `principal('x')` calls by `$n` parameters, one per attribute, in place. */
function bindPrincipalAttributes(
  node: unknown,
  principal: Principal,
  params: unknown[],
  numbers: Map<string, number>,
): void {
  if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index++) {
      const attribute = principalAttributeOf(node[index]);
      if (attribute !== undefined) node[index] = parameter(attribute, principal, params, numbers);
      else bindPrincipalAttributes(node[index], principal, params, numbers);
    }
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    const attribute = principalAttributeOf(value);
    if (attribute !== undefined) record[key] = parameter(attribute, principal, params, numbers);
    else bindPrincipalAttributes(value, principal, params, numbers);
  }
}

function parameter(attribute: string, principal: Principal, params: unknown[], numbers: Map<string, number>) {
  let number = numbers.get(attribute);
  if (number === undefined) {
    const value: AttributeValue | undefined = principal.attributes[attribute];
    // The policy loader checked every principal has the attributes its role's filters read.
    if (value === undefined) throw new Error(`principal ${principal.user} has no attribute ${attribute}`);
    params.push(Array.isArray(value) ? [...value] : value);
    number = params.length;
    numbers.set(attribute, number);
  }
  return { ParamRef: { number } };
}

/**
 * Rewrites an analysed SELECT for a principal, in place, and deparses it: every governed table
 * becomes its fence (row filter and masks inside, attributes as parameters), every table is
 * schema-qualified, aggregate-only queries gain hidden per-group patient counts, and a LIMIT of
 * `maxRows + 1` caps the result (wrapping the query when its own LIMIT is larger or not constant).
 */
export function rewriteQuery({
  select,
  analysis,
  principal,
  maxRows,
  fenceFor,
}: {
  select: Record<string, unknown>;
  analysis: QueryAnalysis;
  principal: Principal;
  maxRows: number;
  /** The fence's `SelectStmt` fields for a reference, a fresh copy each call. */
  fenceFor: (reference: QueryAnalysis['references'][number]) => Record<string, unknown>;
}): RewrittenQuery {
  const params: unknown[] = [];
  const numbers = new Map<string, number>();
  for (const reference of analysis.references) {
    const rangeVar = fieldsOf(reference.node, 'RangeVar') as Record<string, unknown>;
    if (!needsFence(reference.access)) {
      rangeVar.schemaname = reference.table.schema;
      continue;
    }
    const fence = fenceFor(reference);
    bindPrincipalAttributes(fence, principal, params, numbers);
    const alias = rangeVar.alias as Record<string, unknown> | undefined;
    delete reference.node.RangeVar;
    reference.node.RangeSubselect = {
      subquery: { SelectStmt: fence },
      alias: { aliasname: reference.name, ...(alias?.colnames ? { colnames: alias.colnames } : {}) },
    };
  }
  for (const qualified of analysis.qualifiedColumnReferences) {
    qualified.fields.fields = [
      string(qualified.entryName),
      qualified.column ? string(qualified.column) : { A_Star: {} },
    ];
  }

  const groupCountColumns: string[] = [];
  const filteredCountColumns: string[] = [];
  if (analysis.aggregateOnly) {
    const targets = listOf(select.targetList);
    analysis.entitySources.forEach((source, index) => {
      const name = `${hiddenColumnPrefix}patients_${index}`;
      targets.push({ ResTarget: { name, val: countDistinct(source.entryName, source.column) } });
      groupCountColumns.push(name);
    });
    const first = analysis.entitySources[0];
    analysis.filteredAggregates.forEach((aggregate, index) => {
      if (!first) return;
      const name = `${hiddenColumnPrefix}filtered_patients_${index}`;
      targets.push({
        ResTarget: { name, val: countDistinct(first.entryName, first.column, aggregate.agg_filter) },
      });
      filteredCountColumns.push(name);
    });
    select.targetList = targets;
  }

  const rowLimit = maxRows + 1;
  const limit = fieldsOf(select.limitCount, 'A_Const');
  const constantLimit = (limit?.ival as { ival?: number } | undefined)?.ival;
  let statement: Record<string, unknown> = select;
  if (
    select.limitCount === undefined &&
    (select.limitOption ?? 'LIMIT_OPTION_DEFAULT') === 'LIMIT_OPTION_DEFAULT'
  ) {
    select.limitCount = integer(rowLimit);
    select.limitOption = 'LIMIT_OPTION_COUNT';
  } else if (
    !(
      select.limitOption === 'LIMIT_OPTION_COUNT' &&
      limit &&
      typeof constantLimit === 'number' &&
      constantLimit <= rowLimit
    )
  ) {
    statement = {
      targetList: [{ ResTarget: { val: { ColumnRef: { fields: [{ A_Star: {} }] } } } }],
      fromClause: [
        { RangeSubselect: { subquery: { SelectStmt: select }, alias: { aliasname: 'hale_result' } } },
      ],
      limitCount: integer(rowLimit),
      limitOption: 'LIMIT_OPTION_COUNT',
      op: 'SETOP_NONE',
    };
  }
  return {
    sql: deparseSql([{ SelectStmt: statement }]),
    params,
    groupCountColumns,
    filteredCountColumns,
    rowLimit,
  };
}
