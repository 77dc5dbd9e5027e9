import * as catalog from '../clinical-catalog.js';
import { typeConceptIds } from './type-concept-ids.js';

/** Extra real concepts (beyond the catalog) worth bundling for ontology questions. */
const extraConceptIds: readonly number[] = [
  0, // No matching concept
  134057, // Disorder of cardiovascular system
  4144583, // Diabetes mellitus due to cystic fibrosis
  75036, // Localized, primary osteoarthritis of the hand
  4309027, // Idiopathic atrophic hypothyroidism
  1759842, // clavulanate
  3030354, // eGFR (MDRD), non-standard in this vocabulary release
  3000483, // Glucose [Mass/volume] in Blood
  3009542, // Hematocrit
  3010813, // Leukocytes
  3007461, // Platelets [#/volume] in Blood
  3013682, // Urea nitrogen
  3024561, // Albumin
  3006906, // Calcium
  40758413, // Blood pressure systolic and diastolic
  3027598, // Mean blood pressure
  36203185, // Blood pressure panel
  40760809, // Lipid panel with direct LDL
  3042932, // PHQ-9 total score
  3044486, // PHQ-9 panel
  40758879, // PHQ-2 total score
  42868746, // GAD-7 total score
  40772159, // GAD-7
  4133840, // Spirometry
  4064377, // Depression screening
  37395717, // Depression screening using PHQ-9 score
  4060985, // Body mass index 30+ - obesity
  4256640, // Body mass index 40+ - severely obese
  42709996, // Smokes tobacco daily
  40489429, // Telemedicine consultation with patient
  4089036, // Telephone encounter
  9327, // inch
  9289, // degree Fahrenheit
  8848, // thousand per microliter
  9579, // millimole per mole
  8523, // ratio
  40213154, // Influenza, seasonal, injectable, preservative free (CVX)
  40213198, // pneumococcal conjugate vaccine, 13 valent (CVX)
];

/** Every concept id the clinical catalog uses, so that the demo data never points outside the bundle. */
function catalogConceptIds(): number[] {
  const conceptIds: number[] = [];
  for (const condition of catalog.conditions) conceptIds.push(condition.conceptId, condition.sourceConceptId);
  for (const drug of catalog.drugs)
    conceptIds.push(drug.conceptId, drug.ingredientConceptId, ...drug.indicationConceptIds);
  for (const measurement of catalog.measurements)
    conceptIds.push(
      measurement.conceptId,
      measurement.unitConceptId,
      ...(measurement.forConditionConceptIds ?? []),
    );
  for (const procedure of catalog.procedures) conceptIds.push(procedure.conceptId);
  for (const specialty of catalog.specialties) conceptIds.push(specialty.omopConceptId);
  conceptIds.push(...Object.values(catalog.visitConcepts), ...Object.values(catalog.genderConcepts));
  conceptIds.push(...Object.values(catalog.languageConcepts));
  conceptIds.push(
    ...catalog.raceConcepts.map((race) => race.conceptId),
    ...catalog.ethnicityConcepts.map((ethnicity) => ethnicity.conceptId),
  );
  conceptIds.push(...typeConceptIds);
  return conceptIds;
}

/**
 * The concept ids the selection starts from: everything `../clinical-catalog.ts` uses, then a few
 * extra real concepts for ontology questions. Ids may repeat; the selection is a set.
 */
export function seedConceptIds(): number[] {
  return [...catalogConceptIds(), ...extraConceptIds];
}
