import { type ConceptRow, conceptRowFromHand } from './concept-row.js';
import { atcClasses, icd10cmCodes, localConcepts, referencedConcepts } from './local-additions.js';

/** Athena's concept class of an ATC code, keyed by the code's length (A, A10, A10B, A10BA, A10BA02). */
const atcClassByCodeLength: Readonly<Record<number, string>> = {
  1: 'ATC 1st',
  3: 'ATC 2nd',
  4: 'ATC 3rd',
  5: 'ATC 4th',
  7: 'ATC 5th',
};

/** Athena's concept class of an ICD-10-CM code: "<characters without the dot>-char billing code". */
function icd10cmConceptClass(code: string): string {
  return `${code.replace('.', '').length}-char billing code`;
}

/**
 * Every CONCEPT row written by hand in `local-additions.ts`: the reconstructed real concepts, the local
 * concepts, and the ICD-10-CM and ATC tables, whose domain, vocabulary and class follow from the code.
 * Throws for an ATC code of a length no ATC level has.
 */
export function buildHandConcepts(): ConceptRow[] {
  return [
    ...referencedConcepts.map(conceptRowFromHand),
    ...localConcepts.map(conceptRowFromHand),
    ...icd10cmCodes.map((icd10cm) =>
      conceptRowFromHand({
        conceptId: icd10cm.conceptId,
        name: icd10cm.name,
        domainId: 'Condition',
        vocabularyId: 'ICD10CM',
        conceptClassId: icd10cmConceptClass(icd10cm.code),
        standardConcept: '',
        conceptCode: icd10cm.code,
      }),
    ),
    ...atcClasses.map((atcClass) => {
      const conceptClassId = atcClassByCodeLength[atcClass.code.length];
      if (!conceptClassId) throw new Error(`bad ATC code ${atcClass.code}`);
      return conceptRowFromHand({
        conceptId: atcClass.conceptId,
        name: atcClass.name,
        domainId: 'Drug',
        vocabularyId: 'ATC',
        conceptClassId,
        standardConcept: 'C',
        conceptCode: atcClass.code,
      });
    }),
  ];
}
