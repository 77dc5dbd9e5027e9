/**
 * What a CDM 5.3 file needs to land in the 5.4 tables. Renames follow the official 5.3 → 5.4
 * migration notes; `reveue_code_source_value` is a typo the 5.3.1 DDL shipped with.
 */
export const cdm53ColumnRenames: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  visit_occurrence: {
    admitting_source_concept_id: 'admitted_from_concept_id',
    admitting_source_value: 'admitted_from_source_value',
    discharge_to_concept_id: 'discharged_to_concept_id',
    discharge_to_source_value: 'discharged_to_source_value',
  },
  visit_detail: {
    admitting_source_concept_id: 'admitted_from_concept_id',
    admitting_source_value: 'admitted_from_source_value',
    discharge_to_concept_id: 'discharged_to_concept_id',
    discharge_to_source_value: 'discharged_to_source_value',
    visit_detail_parent_id: 'parent_visit_detail_id',
  },
  cost: { reveue_code_source_value: 'revenue_code_source_value' },
};

/** The tables whose renamed columns tell a 5.3 file from a 5.4 one. */
export const versionWitnessTables: ReadonlySet<string> = new Set(['visit_occurrence', 'visit_detail']);

/** How to fill a required column that 5.4 added and a 5.3 file cannot have. */
export type ColumnFill = 'zero' | 'row-number';

/**
 * Required 5.4 columns with no 5.3 counterpart. `cdm_version_concept_id` gets 0, the OMOP "No
 * matching concept", rather than a guessed version concept; `metadata_id` numbers the rows.
 */
export const cdm54AddedRequiredColumns: Readonly<Record<string, Readonly<Record<string, ColumnFill>>>> = {
  cdm_source: { cdm_version_concept_id: 'zero' },
  metadata: { metadata_id: 'row-number' },
};

/** CDM 5.3 tables that 5.4 removed, with the reason shown when such a file is skipped. */
export const cdm53RemovedTables: Readonly<Record<string, string>> = {
  cohort_attribute: 'COHORT_ATTRIBUTE is a CDM 5.3 table that CDM 5.4 removed',
  attribute_definition: 'ATTRIBUTE_DEFINITION is a CDM 5.3 table that CDM 5.4 removed',
};
