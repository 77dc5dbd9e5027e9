/**
 * Secondary indexes, created after a bulk load (building them once is much faster than maintaining
 * them row by row during COPY). Names are unique per schema.
 */
export const warehouseIndexes: Readonly<Record<'cdm' | 'vocab' | 'scheduling', readonly string[]>> = {
  cdm: [
    'CREATE INDEX ON cdm.visit_occurrence (person_id, visit_start_date)',
    'CREATE INDEX ON cdm.condition_occurrence (person_id)',
    'CREATE INDEX ON cdm.condition_occurrence (condition_concept_id)',
    'CREATE INDEX ON cdm.drug_exposure (person_id)',
    'CREATE INDEX ON cdm.drug_exposure (drug_concept_id)',
    'CREATE INDEX ON cdm.measurement (person_id)',
    'CREATE INDEX ON cdm.measurement (measurement_concept_id)',
    'CREATE INDEX ON cdm.procedure_occurrence (person_id)',
    'CREATE INDEX ON cdm.observation (person_id)',
    'CREATE INDEX ON cdm.condition_era (person_id)',
    'CREATE INDEX ON cdm.drug_era (person_id)',
  ],
  vocab: [
    'CREATE INDEX ON vocab.concept (vocabulary_id, concept_code)',
    'CREATE INDEX ON vocab.concept (domain_id)',
    'CREATE INDEX ON vocab.concept_relationship (concept_id_1, relationship_id)',
    'CREATE INDEX ON vocab.concept_relationship (concept_id_2)',
    'CREATE INDEX ON vocab.concept_ancestor (ancestor_concept_id)',
    'CREATE INDEX ON vocab.concept_ancestor (descendant_concept_id)',
    'CREATE INDEX ON vocab.concept_synonym (concept_id)',
  ],
  scheduling: [
    'CREATE INDEX ON scheduling.appointment (start_at)',
    // Bookings metrics group and window by booking time.
    'CREATE INDEX ON scheduling.appointment (booked_at)',
    'CREATE INDEX ON scheduling.appointment (practice_id, start_at)',
    'CREATE INDEX ON scheduling.appointment (patient_id)',
    'CREATE INDEX ON scheduling.patient (person_id)',
    'CREATE INDEX ON scheduling.practitioner (practice_id)',
  ],
};
