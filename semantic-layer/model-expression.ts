import { loadModule, parseSync } from 'libpg-query';
import { deparseSync } from 'pgsql-deparser';

let loading: Promise<void> | undefined;

/** Loads PostgreSQL's parser (WebAssembly) once; the semantic layer needs it before anything else. */
export function loadSemanticParser(): Promise<void> {
  loading ??= loadModule();
  return loading;
}

/** The alias an expression template uses for its table until a query gives it a real one. */
const aliasPlaceholder = 'hale_alias_placeholder';

/** A SQL expression of a semantic model, with every column qualified by the placeholder alias. */
export interface ModelExpression {
  /** Renders the expression for the table alias of one query. */
  render(alias: string): string;
}

/** Parses `SELECT <expr>` and returns the expression node, or the parser's message. */
export function parseExpression(expression: string): { node: unknown } | { error: string } {
  try {
    const tree = parseSync(`SELECT ${expression}`) as {
      stmts?: {
        stmt: { SelectStmt?: { targetList?: { ResTarget: { val: unknown } }[]; fromClause?: unknown } };
      }[];
    };
    const select = tree.stmts?.length === 1 ? tree.stmts[0]?.stmt.SelectStmt : undefined;
    const targets = select?.targetList ?? [];
    if (!select || select.fromClause || targets.length !== 1)
      return { error: `"${expression}" is not one SQL expression` };
    return { node: targets[0]?.ResTarget.val };
  } catch (error) {
    return { error: `"${expression}" is not valid SQL: ${(error as Error).message}` };
  }
}

/**
 * Turns a model's `expr` (trusted YAML written by the data team) into a template whose bare column
 * names are qualified by the table's alias, so that joined tables with the same column names
 * (`name`, `city`) cannot be confused. Subqueries are refused: an expression reads one row.
 */
export function modelExpression(expression: string): ModelExpression | { error: string } {
  const parsed = parseExpression(expression);
  if ('error' in parsed) return parsed;
  let problem: string | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if ('SubLink' in record || 'SelectStmt' in record)
      problem = 'subqueries are not allowed in a model expression';
    const columnReference = record.ColumnRef as { fields: unknown[] } | undefined;
    if (
      columnReference &&
      columnReference.fields.length === 1 &&
      'String' in (columnReference.fields[0] as object)
    )
      columnReference.fields.unshift({ String: { sval: aliasPlaceholder } });
    Object.values(record).forEach(visit);
  };
  visit(parsed.node);
  if (problem) return { error: problem };
  const text = deparseExpression(parsed.node);
  const parts = text.split(`${aliasPlaceholder}.`);
  return { render: (alias) => parts.join(`${alias}.`) };
}

/** An expression node back to SQL text: deparsed as `SELECT <expr>`, minus the SELECT. */
export function deparseExpression(node: unknown): string {
  const sql = deparseSync(
    [{ RawStmt: { stmt: { SelectStmt: { targetList: [{ ResTarget: { val: node } }] } } } }] as never,
    {
      pretty: false,
    },
  );
  return sql.replace(/^SELECT\s+/i, '').replace(/;\s*$/, '');
}

/** The bare column names an expression reads (`status = 'x'` → `status`), to check them against a table. */
export function expressionColumns(expression: string): string[] {
  const parsed = parseExpression(expression);
  if ('error' in parsed) return [];
  const columns = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const reference = record.ColumnRef as { fields: { String?: { sval: string } }[] } | undefined;
    const name = reference?.fields.length === 1 ? reference.fields[0]?.String?.sval : undefined;
    if (name) columns.add(name);
    Object.values(record).forEach(visit);
  };
  visit(parsed.node);
  return [...columns];
}
