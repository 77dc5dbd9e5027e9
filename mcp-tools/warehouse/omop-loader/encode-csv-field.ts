// Besides the RFC 4180 specials, a leading backslash is quoted so a lone `\.` is never read by COPY
// as its end-of-data marker.
const needsQuoting = /[",\r\n]|^\\/;

/** Encodes one value for COPY … (FORMAT csv): NULL is the empty unquoted field (pure). */
export function encodeCsvField(value: string | null): string {
  if (value === null) return '';
  return needsQuoting.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
