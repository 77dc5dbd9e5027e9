import { memo, useMemo } from 'react';
import { formatDialect, postgresql } from 'sql-formatter';
import { highlightSql } from './highlight-sql.js';

function formatted(sql: string): string {
  try {
    return formatDialect(sql, { dialect: postgresql, keywordCase: 'upper', tabWidth: 2 });
  } catch {
    // SQL the formatter cannot read is still worth showing as it ran.
    return sql;
  }
}

/** SQL, formatted with sql-formatter and highlighted; copyable as text. */
export const SqlView = memo(function SqlView({ sql, label }: { sql: string; label: string }) {
  const tokens = useMemo(() => highlightSql(formatted(sql)), [sql]);
  return (
    <figure className="sql">
      <figcaption>{label}</figcaption>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: long SQL scrolls sideways and must be reachable by keyboard (WCAG 2.1.1) */}
      <pre tabIndex={0}>
        <code>
          {tokens.map((token, index) =>
            token.kind === 'space' || token.kind === 'identifier' ? (
              token.text
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: tokens are positional and never reorder
              <span key={index} className={`sql-${token.kind}`}>
                {token.text}
              </span>
            ),
          )}
        </code>
      </pre>
      <button type="button" className="copy" onClick={() => void navigator.clipboard?.writeText(sql)}>
        Copy SQL
      </button>
    </figure>
  );
});
