/**
 * Collapses tabs, line breaks and runs of whitespace into single spaces and trims. The Athena format
 * has no quoting, so a tab or newline inside a name would split its row.
 */
export function cleanText(value: string): string {
  return value
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
