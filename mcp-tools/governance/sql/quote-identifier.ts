import { QuoteUtils } from 'pgsql-deparser';

/**
 * Quotes one SQL identifier when PostgreSQL needs it to (upper case, punctuation, keywords), the way
 * PostgreSQL's own `quote_ident` does, so generated SQL stays readable. A dot is part of the name:
 * `bob.smith` becomes `"bob.smith"`, never a schema-qualified name.
 */
export function quoteIdentifier(name: string): string {
  if (name === '') throw new Error('an SQL identifier cannot be empty');
  return QuoteUtils.quoteIdentifier(name);
}

/** `schema.table` with each part quoted as needed. */
export function quoteTableName({ schema, name }: { schema: string; name: string }): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}
