/**
 * A string as an SQL literal. A backslash switches to the `E''` form, so the literal means the same
 * whatever `standard_conforming_strings` says.
 */
export function sqlLiteral(text: string): string {
  const quoted = text.replaceAll("'", "''");
  return text.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}
