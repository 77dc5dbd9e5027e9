import { athenaDate } from './athena-date.js';
import type { CsvRow } from './parse-csv.js';

/** One CONCEPT_RELATIONSHIP row, with the official column names as property names. */
export type RelationshipRow = {
  concept_id_1: number;
  concept_id_2: number;
  relationship_id: string;
  valid_start_date: string;
  valid_end_date: string;
  invalid_reason: string;
};

/** The identity of a relationship row: two concepts and a relationship, as one map key. */
export function relationshipKey(
  row: Pick<RelationshipRow, 'concept_id_1' | 'concept_id_2' | 'relationship_id'>,
) {
  return `${row.concept_id_1}|${row.concept_id_2}|${row.relationship_id}`;
}

/** Converts a source dataset's CONCEPT_RELATIONSHIP row, normalising the dates. */
export function relationshipRowFromCsv(row: CsvRow): RelationshipRow {
  return {
    concept_id_1: Number(row.concept_id_1),
    concept_id_2: Number(row.concept_id_2),
    relationship_id: row.relationship_id ?? '',
    valid_start_date: athenaDate(row.valid_start_date),
    valid_end_date: athenaDate(row.valid_end_date),
    invalid_reason: row.invalid_reason ?? '',
  };
}

/** Orders CONCEPT_RELATIONSHIP rows by both concept ids, then by relationship, as the bundled file is. */
export function compareRelationshipRows(first: RelationshipRow, second: RelationshipRow): number {
  return (
    first.concept_id_1 - second.concept_id_1 ||
    first.concept_id_2 - second.concept_id_2 ||
    first.relationship_id.localeCompare(second.relationship_id)
  );
}
