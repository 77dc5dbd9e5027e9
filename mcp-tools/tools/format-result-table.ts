/** Longest cell shown before it is cut with an ellipsis, so one long value cannot wreck the table. */
const maximumCellWidth = 60;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > maximumCellWidth ? `${oneLine.slice(0, maximumCellWidth - 1)}…` : oneLine;
}

/** Renders rows as an aligned text table (numbers right-aligned), as psql does. */
export function formatResultTable({
  columns,
  rows,
}: {
  columns: readonly { name: string }[];
  rows: readonly Record<string, unknown>[];
}): string {
  const names = columns.map((column) => column.name);
  const cells = rows.map((row) => names.map((name) => cellText(row[name])));
  const numeric = names.map(
    (name) => rows.length > 0 && rows.every((row) => typeof row[name] === 'number' || row[name] === null),
  );
  const widths = names.map((name, index) =>
    Math.max(name.length, ...cells.map((line) => (line[index] ?? '').length)),
  );
  const pad = (text: string, index: number) =>
    numeric[index] ? text.padStart(widths[index] ?? 0) : text.padEnd(widths[index] ?? 0);
  const header = names.map((name, index) => name.padEnd(widths[index] ?? 0)).join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  return [header, rule, ...cells.map((line) => line.map(pad).join(' | ').trimEnd())].join('\n');
}
