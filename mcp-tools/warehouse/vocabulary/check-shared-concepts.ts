import * as catalog from '../clinical-catalog.js';
import { typeConceptIds } from './type-concept-ids.js';
import type { VocabularyCheckContext } from './vocabulary-check-context.js';

/** Shares are sampling weights that must add up to one; allow for floating-point rounding only. */
const shareTolerance = 1e-9;

/**
 * Checks the shared concepts of `../clinical-catalog.ts`: specialties, visit, gender, language, race,
 * ethnicity and type concepts are bundled in their domain, and the specialty, race and ethnicity shares
 * each sum to one.
 */
export function checkSharedConcepts({ problems, requireConcept }: VocabularyCheckContext): void {
  let specialtyShareTotal = 0;
  for (const specialty of catalog.specialties) {
    requireConcept({
      conceptId: specialty.omopConceptId,
      where: `specialty ${specialty.key}`,
      domain: 'Provider',
    });
    specialtyShareTotal += specialty.share;
  }
  if (Math.abs(specialtyShareTotal - 1) > shareTolerance)
    problems.push(`specialty shares sum to ${specialtyShareTotal}`);
  for (const conceptId of Object.values(catalog.visitConcepts))
    requireConcept({ conceptId, where: 'visit concept', domain: 'Visit' });
  for (const conceptId of Object.values(catalog.genderConcepts))
    requireConcept({ conceptId, where: 'gender concept', domain: 'Gender' });
  for (const conceptId of Object.values(catalog.languageConcepts))
    requireConcept({ conceptId, where: 'language concept', domain: 'Language' });
  // Race 0 ("No matching concept") is the Metadata concept 0, not a Race concept.
  for (const { conceptId } of catalog.raceConcepts)
    requireConcept({ conceptId, where: 'race concept', domain: conceptId === 0 ? 'Metadata' : 'Race' });
  for (const { conceptId } of catalog.ethnicityConcepts)
    requireConcept({ conceptId, where: 'ethnicity concept', domain: 'Ethnicity' });
  for (const conceptId of typeConceptIds)
    requireConcept({ conceptId, where: 'type concept', domain: 'Type Concept' });
  for (const shares of [catalog.raceConcepts, catalog.ethnicityConcepts]) {
    const total = shares.reduce((sum, concept) => sum + concept.share, 0);
    if (Math.abs(total - 1) > shareTolerance) problems.push(`shares sum to ${total}`);
  }
}
