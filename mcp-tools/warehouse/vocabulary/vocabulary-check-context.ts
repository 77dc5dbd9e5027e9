import type { BundledConcept } from './read-bundled-concepts.js';

/**
 * Looks a concept up for a check, reporting a problem (prefixed with `where`) when it is not bundled
 * or, given a `domain`, when it has another domain. Returns the concept when it is bundled.
 */
export type ConceptRequirement = (requirement: {
  conceptId: number;
  where: string;
  domain?: string;
}) => BundledConcept | undefined;

/** What every part of the vocabulary check shares: the data, the bundled concepts, the problem list. */
export interface VocabularyCheckContext {
  readonly dataDirectory: string;
  readonly concepts: ReadonlyMap<number, BundledConcept>;
  /** Problems found so far, in the order they are reported. */
  readonly problems: string[];
  readonly requireConcept: ConceptRequirement;
}

/** Builds the shared check context, with a `requireConcept` that reports into `problems`. */
export function createVocabularyCheckContext({
  dataDirectory,
  concepts,
  problems,
}: {
  dataDirectory: string;
  concepts: ReadonlyMap<number, BundledConcept>;
  problems: string[];
}): VocabularyCheckContext {
  const requireConcept: ConceptRequirement = ({ conceptId, where, domain }) => {
    const found = concepts.get(conceptId);
    if (!found) problems.push(`${where}: concept ${conceptId} not in CONCEPT.csv`);
    else if (domain && found.domain !== domain)
      problems.push(
        `${where}: concept ${conceptId} (${found.name}) has domain ${found.domain}, expected ${domain}`,
      );
    return found;
  };
  return { dataDirectory, concepts, problems, requireConcept };
}
