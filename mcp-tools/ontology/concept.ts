/** One OMOP concept, as the ontology tools return it. */
export interface Concept {
  conceptId: number;
  name: string;
  domain: string;
  vocabulary: string;
  conceptClass: string;
  /** `S` standard, `C` classification, null non-standard. */
  standard: 'S' | 'C' | null;
  code: string;
  validStart: string;
  validEnd: string;
  /** Null when valid; `D` deleted, `U` updated. */
  invalidReason: string | null;
}

/** The columns that make a `Concept`, for `SELECT` lists over `vocab.concept` aliased `c`. */
export const conceptColumns =
  'c.concept_id, c.concept_name, c.domain_id, c.vocabulary_id, c.concept_class_id, c.standard_concept, c.concept_code, c.valid_start_date, c.valid_end_date, c.invalid_reason';

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A `Concept` from a row selected with `conceptColumns`. */
export function conceptFromRow(row: Record<string, unknown>): Concept {
  const standard = row.standard_concept;
  return {
    conceptId: Number(row.concept_id),
    name: text(row.concept_name),
    domain: text(row.domain_id),
    vocabulary: text(row.vocabulary_id),
    conceptClass: text(row.concept_class_id),
    standard: standard === 'S' || standard === 'C' ? standard : null,
    code: text(row.concept_code),
    validStart: text(row.valid_start_date),
    validEnd: text(row.valid_end_date),
    invalidReason: row.invalid_reason === null || row.invalid_reason === '' ? null : text(row.invalid_reason),
  };
}
