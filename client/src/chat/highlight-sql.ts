/** One token of SQL for highlighting. */
export interface SqlToken {
  kind:
    | 'keyword'
    | 'function'
    | 'string'
    | 'number'
    | 'comment'
    | 'parameter'
    | 'identifier'
    | 'operator'
    | 'space';
  text: string;
}

const keywords = new Set(
  `select from where group by order having limit offset join left right inner outer full cross on using as
  and or not in is null like ilike between case when then else end with union all distinct except intersect
  asc desc nulls first last over partition filter within interval true false cast exists any lateral values
  rows range preceding following current row fetch next only date timestamp`
    .split(/\s+/)
    .filter(Boolean),
);

const tokenPattern =
  /(\s+)|(--[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^']|'')*'?)|("(?:[^"]|"")*"?)|(\$\d+)|(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_$]*)|(::|<=|>=|<>|!=|\|\||[-+*/%=<>(),.;[\]])|(.)/gy;

/**
 * Splits SQL into tokens for display: a small PostgreSQL-flavoured lexer (keywords, functions,
 * strings, quoted identifiers, numbers, $n parameters, comments). Joining the tokens' text gives
 * back the input exactly.
 */
export function highlightSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(sql); match; match = tokenPattern.exec(sql)) {
    const [text, space, comment, string, quoted, parameter, number, word] = match;
    let kind: SqlToken['kind'];
    if (space) kind = 'space';
    else if (comment) kind = 'comment';
    else if (string) kind = 'string';
    else if (quoted) kind = 'identifier';
    else if (parameter) kind = 'parameter';
    else if (number) kind = 'number';
    else if (word) {
      const next = sql.slice(tokenPattern.lastIndex).match(/^\s*\(/);
      if (keywords.has(word.toLowerCase())) kind = 'keyword';
      else kind = next ? 'function' : 'identifier';
    } else kind = 'operator';
    const previous = tokens.at(-1);
    if (previous && previous.kind === kind && (kind === 'space' || kind === 'operator'))
      previous.text += text;
    else tokens.push({ kind, text });
  }
  return tokens;
}
