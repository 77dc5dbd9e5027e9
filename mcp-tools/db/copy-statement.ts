import type { CopyFromSource } from './database.js';

/** Quotes an identifier that may be schema-qualified (`cdm.person` → `"cdm"."person"`). */
export function quoteQualifiedName(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');
}

/** The COPY statement both adapters run; only where the bytes come from differs. */
export function copyStatement(source: Pick<CopyFromSource, 'table' | 'columns'>, from: string): string {
  const columns = source.columns.map((column) => quoteQualifiedName(column)).join(', ');
  return `COPY ${quoteQualifiedName(source.table)} (${columns}) FROM ${from} WITH (FORMAT csv)`;
}
