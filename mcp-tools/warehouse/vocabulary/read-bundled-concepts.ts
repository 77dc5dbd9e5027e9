import { readAthenaTable } from './read-athena-table.js';

/** What the checks need to know about one bundled concept. */
export interface BundledConcept {
  readonly name: string;
  readonly domain: string;
  readonly vocabulary: string;
  readonly conceptClass: string;
  readonly standard: string;
  readonly code: string;
}

/**
 * Reads the bundled CONCEPT.csv of `dataDirectory` into concepts by id, adding to `problems` each row
 * with the wrong number of cells or with validity dates not in YYYYMMDD form.
 */
export function readBundledConcepts({
  dataDirectory,
  problems,
}: {
  dataDirectory: string;
  problems: string[];
}): Map<number, BundledConcept> {
  const table = readAthenaTable(dataDirectory, 'CONCEPT.csv');
  const concepts = new Map<number, BundledConcept>();
  for (const row of table.rows) {
    if (row.length !== table.header.length) problems.push(`CONCEPT.csv: bad row ${row.join('|')}`);
    const [conceptId, name, domain, vocabulary, conceptClass, standard, code, startDate, endDate] = row;
    if (!/^\d{8}$/.test(startDate ?? '') || !/^\d{8}$/.test(endDate ?? ''))
      problems.push(`CONCEPT ${conceptId}: bad dates`);
    concepts.set(Number(conceptId), {
      name: name ?? '',
      domain: domain ?? '',
      vocabulary: vocabulary ?? '',
      conceptClass: conceptClass ?? '',
      standard: standard ?? '',
      code: code ?? '',
    });
  }
  return concepts;
}
