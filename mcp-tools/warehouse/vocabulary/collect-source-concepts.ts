import { type ConceptRow, conceptRowFromCsv } from './concept-row.js';
import type { SourceDatasets } from './read-source-datasets.js';

/**
 * Indexes the CONCEPT rows of both source datasets by id. Synthea's rows are read last so that they
 * win: its vocabulary release (2022) is newer than GiBleed's.
 */
export function collectSourceConcepts({ synthea, gibleed }: SourceDatasets): Map<number, ConceptRow> {
  const sourceConcepts = new Map<number, ConceptRow>();
  for (const row of [...gibleed.concepts, ...synthea.concepts]) {
    const concept = conceptRowFromCsv(row);
    sourceConcepts.set(concept.concept_id, concept);
  }
  return sourceConcepts;
}
