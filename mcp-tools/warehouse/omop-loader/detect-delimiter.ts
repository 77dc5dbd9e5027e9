/** The two delimiters OMOP files use: commas in CDM exports, tabs in Athena vocabulary downloads. */
export type CsvDelimiter = ',' | '\t';

/**
 * Picks the delimiter from a file's header line (pure): tab when the header has more tabs than
 * commas. Column names contain neither, so the header is a reliable witness even when values are not.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let tabs = 0;
  let commas = 0;
  for (const character of headerLine) {
    if (character === '\t') tabs += 1;
    else if (character === ',') commas += 1;
  }
  return tabs > commas ? '\t' : ',';
}
