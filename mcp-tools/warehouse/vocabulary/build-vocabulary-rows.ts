import { cleanText } from './clean-text.js';
import type { ConceptRow } from './concept-row.js';
import { haleVocabulary } from './local-additions.js';
import { metadataConceptId } from './metadata-concept-id.js';
import type { CsvRow } from './parse-csv.js';

/** One VOCABULARY row, with the official column names as property names. */
export type VocabularyRow = {
  vocabulary_id: string;
  vocabulary_name: string;
  vocabulary_reference: string;
  vocabulary_version: string;
  vocabulary_concept_id: number;
};

/** Name and reference of the bundled vocabularies that GiBleed's VOCABULARY.csv lacks. */
const fallbackVocabularies: Readonly<Record<string, { name: string; reference: string }>> = {
  'Medicare Specialty': {
    name: 'Medicare provider/supplier specialty codes (CMS)',
    reference: 'https://www.cms.gov/Medicare/Provider-Enrollment-and-Certification',
  },
  ATC: {
    name: 'WHO Anatomic Therapeutic Chemical Classification',
    reference: 'http://www.whocc.no/atc_ddd_index/',
  },
  Race: {
    name: 'Race and Ethnicity Code Set (USBC)',
    reference: 'http://www.cdc.gov/nchs/data/dvs/Race_Ethnicity_CodeSet.pdf',
  },
  Ethnicity: { name: 'OMOP Ethnicity', reference: 'OMOP generated' },
  Gender: { name: 'OMOP Gender', reference: 'OMOP generated' },
  Visit: { name: 'OMOP Visit', reference: 'OMOP generated' },
};

/** The release most rows come from (Synthea27Nj's), marked as a subset of it. */
const sourceVersion = 'v5.0 09-APR-22 (subset)';

/**
 * Builds VOCABULARY for the vocabularies the bundled concepts use, sorted by id. Names and references
 * come from GiBleed, else from the fallbacks above, else the id; the Hale vocabulary describes itself.
 */
export function buildVocabularyRows({
  concepts,
  gibleedVocabularies,
}: {
  concepts: ReadonlyMap<number, ConceptRow>;
  gibleedVocabularies: readonly CsvRow[];
}): VocabularyRow[] {
  const sourceById = new Map(gibleedVocabularies.map((row) => [row.vocabulary_id ?? '', row]));
  const usedIds = new Set([...concepts.values()].map((concept) => concept.vocabulary_id));
  return [...usedIds].sort().map((vocabularyId) => {
    if (vocabularyId === haleVocabulary.vocabularyId) {
      return {
        vocabulary_id: vocabularyId,
        vocabulary_name: haleVocabulary.vocabularyName,
        vocabulary_reference: haleVocabulary.vocabularyReference,
        vocabulary_version: haleVocabulary.vocabularyVersion,
        vocabulary_concept_id: 0,
      };
    }
    const source = sourceById.get(vocabularyId);
    const fallback = fallbackVocabularies[vocabularyId];
    return {
      vocabulary_id: vocabularyId,
      vocabulary_name: cleanText(source?.vocabulary_name || fallback?.name || vocabularyId),
      vocabulary_reference: cleanText(
        source?.vocabulary_reference || fallback?.reference || 'OMOP generated',
      ),
      vocabulary_version: sourceVersion,
      vocabulary_concept_id: metadataConceptId(concepts, source?.vocabulary_concept_id),
    };
  });
}
