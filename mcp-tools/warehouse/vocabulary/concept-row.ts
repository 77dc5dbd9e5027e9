import { athenaDate, localValidity } from './athena-date.js';
import { cleanText } from './clean-text.js';
import type { HandConcept } from './local-additions.js';
import type { CsvRow } from './parse-csv.js';

/**
 * One CONCEPT row. The property names are the official column names, so the writer picks each cell by
 * its column and a misspelt property fails the build instead of shifting a column.
 */
export type ConceptRow = {
  concept_id: number;
  concept_name: string;
  domain_id: string;
  vocabulary_id: string;
  concept_class_id: string;
  standard_concept: string;
  concept_code: string;
  valid_start_date: string;
  valid_end_date: string;
  invalid_reason: string;
};

/** Converts a source dataset's CONCEPT row, cleaning the free-text cells and normalising the dates. */
export function conceptRowFromCsv(row: CsvRow): ConceptRow {
  return {
    concept_id: Number(row.concept_id),
    concept_name: cleanText(row.concept_name ?? ''),
    domain_id: row.domain_id ?? '',
    vocabulary_id: row.vocabulary_id ?? '',
    concept_class_id: row.concept_class_id ?? '',
    standard_concept: row.standard_concept ?? '',
    concept_code: cleanText(row.concept_code ?? ''),
    valid_start_date: athenaDate(row.valid_start_date),
    valid_end_date: athenaDate(row.valid_end_date),
    invalid_reason: row.invalid_reason ?? '',
  };
}

/** Converts a concept from `local-additions.ts`; hand-written rows are valid for the local period. */
export function conceptRowFromHand(concept: HandConcept): ConceptRow {
  return {
    concept_id: concept.conceptId,
    concept_name: concept.name,
    domain_id: concept.domainId,
    vocabulary_id: concept.vocabularyId,
    concept_class_id: concept.conceptClassId,
    standard_concept: concept.standardConcept,
    concept_code: concept.conceptCode,
    valid_start_date: localValidity.startDate,
    valid_end_date: localValidity.endDate,
    invalid_reason: '',
  };
}

/** Orders CONCEPT rows by id, the order of the bundled file. */
export function compareConceptRows(first: ConceptRow, second: ConceptRow): number {
  return first.concept_id - second.concept_id;
}
