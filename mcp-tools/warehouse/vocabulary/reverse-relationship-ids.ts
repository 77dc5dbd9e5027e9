/**
 * The relationships Hale asserts by hand, each with its reverse. The build adds both rows of every hand
 * fact, and the catalog check reports a row of these relationships whose reverse row is missing.
 */
export const reverseRelationshipIds = {
  'Maps to': 'Mapped from',
  'Is a': 'Subsumes',
  'RxNorm has ing': 'RxNorm ing of',
  'ATC - RxNorm': 'RxNorm - ATC',
} as const;

/** A relationship id that has an entry in `reverseRelationshipIds`. */
export type PairedRelationshipId = keyof typeof reverseRelationshipIds;

/** The reverse of a paired relationship id, or undefined for any other relationship. */
export function reverseRelationshipId(relationshipId: string): string | undefined {
  return Object.hasOwn(reverseRelationshipIds, relationshipId)
    ? reverseRelationshipIds[relationshipId as PairedRelationshipId]
    : undefined;
}
