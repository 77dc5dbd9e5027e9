import * as catalog from '../clinical-catalog.js';
import { extraConceptIds } from './extra-concept-ids.js';
import { typeConceptIds } from './type-concept-ids.js';

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
 * The concept ids the selection starts from: everything `../clinical-catalog.ts` uses, then the extra
 * real concepts of `extra-concept-ids.ts` for common clinical questions. Ids may repeat; the selection
 * is a set.
 */
export function seedConceptIds(): number[] {
  return [...catalogConceptIds(), ...extraConceptIds];
}
