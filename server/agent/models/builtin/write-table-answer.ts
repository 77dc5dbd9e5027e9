interface ListedTable {
  table: string;
  access: 'rows' | 'aggregate';
  rowFiltered: boolean;
  description?: string;
  rowCountEstimate?: number;
}

interface DescribedColumn {
  name: string;
  type: string;
  description?: string;
  rule: 'allow' | 'deny' | 'mask';
  mask?: string;
}

const accessWords = (table: { access: string; rowFiltered: boolean }) =>
  [
    table.access === 'rows' ? 'row by row' : 'aggregates only',
    table.rowFiltered ? 'rows limited to your scope' : '',
  ]
    .filter(Boolean)
    .join(', ');

/** Answers list_tables: the tables the principal may query, by schema, with how. */
export function writeTablesAnswer(content: Record<string, unknown>): string {
  const tables = (Array.isArray(content.tables) ? content.tables : []) as ListedTable[];
  if (tables.length === 0) return 'You may not query any table of the warehouse.';
  const lines = [`You may query ${tables.length} tables:`];
  const schemas = [...new Set(tables.map((entry) => entry.table.split('.')[0] ?? ''))];
  for (const schema of schemas) {
    lines.push('', `**${schema}**`);
    for (const entry of tables.filter((candidate) => candidate.table.startsWith(`${schema}.`)))
      lines.push(
        `- \`${entry.table}\` (${accessWords(entry)})${entry.description ? ` — ${entry.description}` : ''}`,
      );
  }
  lines.push(
    '',
    'Ask "describe <table>" for its columns, or ask a question in words: metrics are the quickest way to numbers.',
  );
  return lines.join('\n');
}

/** Answers describe_table: what the table holds and each column, with the policy's effect on it. */
export function writeTableDescriptionAnswer(content: Record<string, unknown>): string {
  const columns = (Array.isArray(content.columns) ? content.columns : []) as DescribedColumn[];
  const lines = [
    `**${String(content.table)}**${typeof content.description === 'string' ? ` — ${content.description}` : ''}`,
    '',
    `Your access: ${accessWords({ access: String(content.access), rowFiltered: content.rowFiltered === true })}${typeof content.minimumCellSize === 'number' ? `; groups of fewer than ${content.minimumCellSize} patients are hidden` : ''}.`,
    '',
    '| Column | Type | Meaning | For you |',
    '|---|---|---|---|',
  ];
  for (const column of columns)
    lines.push(
      `| \`${column.name}\` | ${column.type} | ${(column.description ?? '').replace(/\|/g, '\\|')} | ${column.rule === 'deny' ? 'hidden' : column.rule === 'mask' ? `masked (${column.mask ?? 'reduced'})` : 'visible'} |`,
    );
  return lines.join('\n');
}
