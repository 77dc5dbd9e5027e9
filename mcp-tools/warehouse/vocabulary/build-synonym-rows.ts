import * as catalog from '../clinical-catalog.js';
import { cleanText } from './clean-text.js';
import type { ConceptRow } from './concept-row.js';
import { englishSynonyms, frenchSynonyms } from './local-additions.js';
import type { CsvRow } from './parse-csv.js';

/** One CONCEPT_SYNONYM row, with the official column names as property names. */
export type SynonymRow = {
  concept_id: number;
  concept_synonym_name: string;
  language_concept_id: number;
};

/**
 * Builds CONCEPT_SYNONYM, without duplicates and sorted by concept, language, then name: GiBleed's
 * synonyms of bundled concepts plus the English and French synonyms of `local-additions.ts`. A hand
 * synonym of an unbundled concept throws, since it would be a typo in the concept id.
 */
export function buildSynonymRows({
  concepts,
  gibleedSynonyms,
}: {
  concepts: ReadonlyMap<number, ConceptRow>;
  gibleedSynonyms: readonly CsvRow[];
}): SynonymRow[] {
  const synonyms = new Map<string, SynonymRow>();
  const add = (conceptId: number, name: string, languageConceptId: number) => {
    if (!concepts.has(conceptId)) throw new Error(`synonym for unbundled concept ${conceptId}`);
    const cleanedName = cleanText(name);
    synonyms.set(`${conceptId}|${cleanedName}|${languageConceptId}`, {
      concept_id: conceptId,
      concept_synonym_name: cleanedName,
      language_concept_id: languageConceptId,
    });
  };
  for (const row of gibleedSynonyms) {
    const conceptId = Number(row.concept_id);
    if (concepts.has(conceptId))
      add(conceptId, row.concept_synonym_name ?? '', Number(row.language_concept_id));
  }
  for (const [conceptId, name] of englishSynonyms) add(conceptId, name, catalog.languageConcepts.english);
  for (const [conceptId, name] of frenchSynonyms) add(conceptId, name, catalog.languageConcepts.french);
  // Names compare by code unit: localeCompare may reorder accented French names and the committed file.
  return [...synonyms.values()].sort(
    (first, second) =>
      first.concept_id - second.concept_id ||
      first.language_concept_id - second.language_concept_id ||
      compareCodeUnits(first.concept_synonym_name, second.concept_synonym_name),
  );
}

function compareCodeUnits(first: string, second: string): number {
  if (first < second) return -1;
  return first > second ? 1 : 0;
}
