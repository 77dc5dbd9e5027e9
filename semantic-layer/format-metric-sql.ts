import { format } from 'sql-formatter';

/** Compiled SQL laid out for people to read (sql-formatter, PostgreSQL dialect, `$n` kept). */
export function formatMetricSql(sql: string): string {
  return format(sql, {
    language: 'postgresql',
    keywordCase: 'upper',
    paramTypes: { numbered: ['$'] },
    tabWidth: 2,
  });
}
