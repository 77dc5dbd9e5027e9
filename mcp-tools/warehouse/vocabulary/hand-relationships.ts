import { atcClasses, atcParentCode, drugIngredients, handIsA, icd10cmCodes } from './local-additions.js';
import type { PairedRelationshipId } from './reverse-relationship-ids.js';

/** A relationship asserted in `local-additions.ts`; the build adds its reverse row too. */
export interface HandRelationship {
  readonly fromConceptId: number;
  readonly toConceptId: number;
  readonly relationshipId: PairedRelationshipId;
}

/**
 * The relationships written by hand in `local-additions.ts`: ICD-10-CM codes 'Maps to' their condition,
 * hand 'Is a' edges, drugs 'RxNorm has ing' their ingredient, and each ATC class 'Is a' its parent class
 * and 'ATC - RxNorm' its ingredients. Throws when an ATC class's parent is not in the ATC table.
 */
export function handRelationships(): HandRelationship[] {
  const relationships: HandRelationship[] = [];
  const add = (fromConceptId: number, toConceptId: number, relationshipId: PairedRelationshipId) =>
    relationships.push({ fromConceptId, toConceptId, relationshipId });
  for (const icd10cm of icd10cmCodes) add(icd10cm.conceptId, icd10cm.mapsTo, 'Maps to');
  for (const [child, parent] of handIsA) add(child, parent, 'Is a');
  for (const [drug, ingredient] of drugIngredients) add(drug, ingredient, 'RxNorm has ing');
  const atcClassByCode = new Map(atcClasses.map((atcClass) => [atcClass.code, atcClass]));
  for (const atcClass of atcClasses) {
    const parentCode = atcParentCode(atcClass.code);
    if (parentCode) {
      const parent = atcClassByCode.get(parentCode);
      if (!parent) throw new Error(`ATC ${atcClass.code}: parent ${parentCode} missing`);
      add(atcClass.conceptId, parent.conceptId, 'Is a');
    }
    for (const ingredient of atcClass.ingredients ?? []) add(atcClass.conceptId, ingredient, 'ATC - RxNorm');
  }
  return relationships;
}
