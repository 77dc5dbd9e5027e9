import { dottedName, fieldsOf, listOf, nodeEntry, stringValue } from '../sql/sql-node.js';

/**
 * The name PostgreSQL gives an unnamed select-list expression (FigureColname in the parser):
 * a column reference's last field, a function's name, `case`, `coalesce` …, else `?column?`.
 */
export function figureColumnName(expression: unknown): string {
  const entry = nodeEntry(expression);
  if (!entry) return '?column?';
  const [type, fields] = entry;
  switch (type) {
    case 'ColumnRef': {
      const last = listOf(fields.fields).at(-1);
      return stringValue(last) ?? '?column?';
    }
    case 'FuncCall':
      return dottedName(fields.funcname).at(-1) ?? '?column?';
    case 'TypeCast': {
      const inner = figureColumnName(fields.arg);
      if (inner !== '?column?') return inner;
      const typeName = fieldsOf(fields.typeName, 'TypeName') ?? (fields.typeName as Record<string, unknown>);
      return dottedName(typeName?.names).at(-1) ?? '?column?';
    }
    case 'A_Indirection': {
      const last = listOf(fields.indirection).at(-1);
      return stringValue(last) ?? figureColumnName(fields.arg);
    }
    case 'CaseExpr':
      return 'case';
    case 'CoalesceExpr':
      return 'coalesce';
    case 'MinMaxExpr':
      return fields.op === 'IS_GREATEST' ? 'greatest' : 'least';
    case 'A_ArrayExpr':
      return 'array';
    case 'RowExpr':
      return 'row';
    case 'NullIfExpr':
      return 'nullif';
    case 'SubLink': {
      if (fields.subLinkType === 'EXISTS_SUBLINK') return 'exists';
      if (fields.subLinkType === 'ARRAY_SUBLINK') return 'array';
      if (fields.subLinkType === 'EXPR_SUBLINK') {
        const select = fieldsOf(fields.subselect, 'SelectStmt');
        const target = fieldsOf(listOf(select?.targetList)[0], 'ResTarget');
        if (typeof target?.name === 'string') return target.name;
        return figureColumnName(target?.val);
      }
      return '?column?';
    }
    case 'SQLValueFunction': {
      const op = String(fields.op ?? '')
        .replace(/^SVFOP_/, '')
        .replace(/_N$/, '')
        .toLowerCase();
      return op || '?column?';
    }
    default:
      return '?column?';
  }
}
