import type { KnownEntities } from './grounding-verdict.js';

// metric_time__quarter is a group-by of metric_time even when only the dimension is listed.
const granularities = new Set(['day', 'week', 'month', 'quarter', 'year']);
const nameCharacter = /[a-z0-9_]/;

function isKnownName(name: string, { metrics, dimensions, tables, columns, tools }: KnownEntities): boolean {
  if (metrics.has(name) || dimensions.has(name) || tables.has(name) || columns.has(name)) return true;
  if (tools?.has(name)) return true;
  const split = name.lastIndexOf('__');
  if (split > 0 && granularities.has(name.slice(split + 2)) && dimensions.has(name.slice(0, split)))
    return true;
  const segments = name.split('.');
  if (segments.length === 2) {
    const [first = '', second = ''] = segments;
    // schema.table, or table.column
    return tables.has(name) || (tables.has(first) && (columns.has(second) || dimensions.has(second)));
  }
  if (segments.length === 3) {
    const [schema = '', table = '', column = ''] = segments;
    return tables.has(`${schema}.${table}`) && columns.has(column);
  }
  return false;
}

/** Whether `name` occurs in `text` as a whole name, not inside a longer one. */
function mentions(text: string, name: string): boolean {
  for (let index = text.indexOf(name); index >= 0; index = text.indexOf(name, index + 1)) {
    const before = text[index - 1] ?? ' ';
    const after = text[index + name.length] ?? ' ';
    if (!nameCharacter.test(before) && !nameCharacter.test(after)) return true;
  }
  return false;
}

/**
 * Whether a data name of the answer exists: a known metric, dimension, table or column (also as
 * `schema.table`, `table.column`, `schema.table.column` or `dimension__granularity`), a tool of
 * the turn, or a name the turn's results, errors or question write (documents name things too).
 */
export function isEntityGrounded(
  name: string,
  {
    entities,
    evidenceText,
    calledTools,
  }: { entities: KnownEntities; evidenceText: string; calledTools: ReadonlySet<string> },
): boolean {
  const lower = name.toLowerCase();
  return (
    isKnownName(name, entities) ||
    isKnownName(lower, entities) ||
    calledTools.has(lower) ||
    mentions(evidenceText, lower)
  );
}
