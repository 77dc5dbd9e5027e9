import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { formatCell, formatShare, isShareColumn, type ResultTableData } from './result-table-data.js';
import { sortRows } from './sort-rows.js';
import { toCsv } from './to-csv.js';

const rowHeight = 32;

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The rows of a result: sortable by any column, downloadable as CSV, virtualised when long. */
export function ResultTable({ table }: { table: ResultTableData }) {
  const [sort, setSort] = useState<{ column: string; direction: 'ascending' | 'descending' }>();
  const rows = useMemo(() => (sort ? sortRows(table.rows, sort) : table.rows), [table.rows, sort]);
  const scroller = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialRect: { width: 800, height: 400 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const numeric = (name: string) => table.rows.some((row) => typeof row[name] === 'number');
  const shares = useMemo(
    () =>
      new Set(
        table.columns.filter((column) => isShareColumn(column, table.rows)).map((column) => column.name),
      ),
    [table],
  );

  return (
    <div className="result-table">
      <div className="table-tools">
        <span>
          {table.rowCount.toLocaleString('en')} row{table.rowCount === 1 ? '' : 's'}
          {table.truncated ? ' (cut by the row cap)' : ''}
        </span>
        <button
          type="button"
          onClick={() =>
            download(
              'hale-result.csv',
              toCsv(
                table.columns.map((column) => column.name),
                rows,
              ),
            )
          }
        >
          Download CSV
        </button>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="table-scroll" ref={scroller} tabIndex={0} aria-label="Result rows">
        <table aria-rowcount={rows.length + 1}>
          <thead>
            <tr>
              {table.columns.map((column) => {
                const sorted = sort?.column === column.name ? sort.direction : undefined;
                return (
                  <th
                    key={column.name}
                    scope="col"
                    aria-sort={sorted ?? 'none'}
                    className={numeric(column.name) ? 'numeric' : undefined}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() =>
                        setSort({
                          column: column.name,
                          direction: sorted === 'ascending' ? 'descending' : 'ascending',
                        })
                      }
                    >
                      {column.label}
                      <span aria-hidden="true">
                        {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {before > 0 ? (
              <tr className="spacer" style={{ height: before }}>
                <td colSpan={table.columns.length} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <tr key={item.key} aria-rowindex={item.index + 2} style={{ height: rowHeight }}>
                  {table.columns.map((column) => (
                    <td
                      key={column.name}
                      className={typeof row[column.name] === 'number' ? 'numeric' : undefined}
                    >
                      {shares.has(column.name) ? formatShare(row[column.name]) : formatCell(row[column.name])}
                    </td>
                  ))}
                </tr>
              );
            })}
            {after > 0 ? (
              <tr className="spacer" style={{ height: after }}>
                <td colSpan={table.columns.length} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </section>
    </div>
  );
}
