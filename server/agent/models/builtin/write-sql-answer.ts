import { describeAccessEffects } from './describe-access-effects.js';
import { columnDecimals, formatNumber, numericValue } from './format-number.js';
import { rowsShown } from './write-metric-answer.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/**
 * Answers a SQL statement the person wrote, from run_sql's result: the rows as a table (numbers
 * formatted, the first rows only), how many there are, and what the governance gate did.
 */
export function writeSqlAnswer({
  content,
  scope,
}: {
  content: Record<string, unknown>;
  scope?: Record<string, unknown> | undefined;
}): string {
  const columns = (Array.isArray(content.columns) ? content.columns : []) as string[];
  const rows = (Array.isArray(content.rows) ? content.rows : []) as Record<string, unknown>[];
  const rowCount = typeof content.rowCount === 'number' ? content.rowCount : rows.length;
  const lines: string[] = [];
  if (rows.length === 0) lines.push('The query ran, through your access policy, and returned no rows.');
  else {
    lines.push(
      `The query ran through your access policy and returned ${rowCount} row${rowCount === 1 ? '' : 's'}:`,
      '',
    );
    const numeric = new Map(
      columns.map((name) => [
        name,
        rows.every((row) => row[name] === null || numericValue(row[name]) !== undefined)
          ? columnDecimals(
              rows.map((row) => row[name]),
              'count',
            )
          : undefined,
      ]),
    );
    lines.push(`| ${columns.map(cell).join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`);
    for (const row of rows.slice(0, rowsShown))
      lines.push(
        `| ${columns
          .map((name) => {
            const value = row[name];
            const decimals = numeric.get(name);
            if (value === null || value === undefined) return '(null)';
            return decimals !== undefined ? formatNumber(value, 'count', decimals) : cell(String(value));
          })
          .join(' | ')} |`,
      );
    if (rowCount > rowsShown) lines.push('', `The table shows the first twenty of ${rowCount} rows.`);
  }
  const effects = describeAccessEffects(content, scope);
  if (effects.length > 0) lines.push('', ...effects.map((effect) => `- ${effect}`));
  return lines.join('\n');
}
