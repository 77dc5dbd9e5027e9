import type { GovernanceErrorCode } from '../governance-error.js';
import { dottedName, fieldsOf, listOf, nodeEntry } from '../sql/sql-node.js';
import { allowedCastTypes, functionRefusal, setReturningFunctions } from './function-policy.js';

/** Expression node types whose children the gate walks; every other type is refused (fail closed). */
const walkedNodeTypes: ReadonlySet<string> = new Set([
  'A_Const',
  'BoolExpr',
  'NullTest',
  'BooleanTest',
  'CaseExpr',
  'CaseWhen',
  'CoalesceExpr',
  'MinMaxExpr',
  'A_ArrayExpr',
  'RowExpr',
  'CollateClause',
  'List',
  'A_Indices',
  'A_Indirection',
  'GroupingFunc',
  'NamedArgExpr',
  'SortBy',
  'TypeCast',
  'SQLValueFunction',
  'String',
  'Integer',
  'Float',
  'Boolean',
]);

/** SQL value functions that are plain clock readings; the others expose database identities. */
const allowedValueFunctions: ReadonlySet<string> = new Set([
  'SVFOP_CURRENT_DATE',
  'SVFOP_CURRENT_TIME',
  'SVFOP_CURRENT_TIME_N',
  'SVFOP_CURRENT_TIMESTAMP',
  'SVFOP_CURRENT_TIMESTAMP_N',
  'SVFOP_LOCALTIME',
  'SVFOP_LOCALTIME_N',
  'SVFOP_LOCALTIMESTAMP',
  'SVFOP_LOCALTIMESTAMP_N',
]);

/** A refusal: its code and the message for the caller. */
export interface NodeProblem {
  code: GovernanceErrorCode;
  message: string;
}

function containsReference(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsReference);
  if (node === null || typeof node !== 'object') return false;
  const entry = nodeEntry(node);
  if (entry && (entry[0] === 'ColumnRef' || entry[0] === 'SubLink')) return true;
  return Object.values(node).some(containsReference);
}

/**
 * Checks one expression node on its own (its children are walked by the caller): the node type is
 * known, functions are allow-listed, casts go to plain types, no parameters, no identity functions.
 */
export function checkExpressionNode(
  type: string,
  fields: Record<string, unknown>,
  {
    canTimeOut = true,
    trustedFunctions,
  }: {
    canTimeOut?: boolean;
    /** `schema.function` names Hale's own query may call besides the allow-list (pg_trgm's). */
    trustedFunctions?: ReadonlySet<string> | undefined;
  } = {},
): NodeProblem | undefined {
  switch (type) {
    case 'ParamRef':
      return {
        code: 'statement_not_allowed',
        message: 'query parameters ($1 …) are not accepted; write the values in the query',
      };
    case 'FuncCall': {
      const name = dottedName(fields.funcname);
      if (trustedFunctions?.has(name.join('.').toLowerCase())) return undefined;
      const refusal = functionRefusal(name);
      if (refusal) return { code: 'not_permitted', message: refusal };
      const simple = (name.at(-1) ?? '').toLowerCase();
      if (!canTimeOut && setReturningFunctions.has(simple) && containsReference(fields.args))
        return {
          code: 'statement_not_allowed',
          message: `${simple} needs constant bounds on the embedded database, which cannot stop a runaway query`,
        };
      return undefined;
    }
    case 'TypeCast': {
      const typeName = (fields.typeName ?? {}) as Record<string, unknown>;
      const names = dottedName(typeName.names);
      const last = (names.at(-1) ?? '').toLowerCase();
      if (
        names.length > 2 ||
        (names.length === 2 && names[0] !== 'pg_catalog') ||
        !allowedCastTypes.has(last)
      )
        return {
          code: 'not_permitted',
          message: `casting to ${names.join('.')} is not allowed; cast to number, text, date, time or JSON types`,
        };
      return undefined;
    }
    case 'SQLValueFunction':
      return allowedValueFunctions.has(String(fields.op))
        ? undefined
        : {
            code: 'not_permitted',
            message:
              'database identity functions (current_user, session_user, current_schema …) are not available',
          };
    case 'XmlExpr':
    case 'XmlSerialize':
      return { code: 'not_permitted', message: 'XML functions are not available' };
    case 'A_Indirection': {
      if (listOf(fields.indirection).some((item) => fieldsOf(item, 'A_Star')))
        return {
          code: 'not_permitted',
          message: '(row).* expansion is not available; list the columns you need',
        };
      return undefined;
    }
    default:
      return walkedNodeTypes.has(type)
        ? undefined
        : {
            code: 'statement_not_allowed',
            message: `the SQL construct ${type} is not supported by Hale's gate`,
          };
  }
}
