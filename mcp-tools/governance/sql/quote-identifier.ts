/** Quotes an SQL identifier when it needs it (`"Weird Name"`), doubling embedded quotes. */
export function quoteIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}
