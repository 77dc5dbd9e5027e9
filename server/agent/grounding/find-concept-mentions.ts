/** An OMOP concept id the answer names: "concept 201826", "concept_id 201826", "(OMOP 201826)". */
export interface ConceptMention {
  /** Written the same way for every form, `concept 201826`, so one id is one claim. */
  text: string;
  conceptId: number;
  /** Where the id's digits are, so they are not read again as a plain number. */
  start: number;
  end: number;
}

// "concepts 201826, 4193704 and 316866": later ids of a list need three digits, so "concept 201826
// and 5 descendants" does not make 5 a concept. `(?![.,]?\d)` keeps "OMOP 5.4" (a CDM version) out.
const conceptPattern =
  /(?<![\p{L}\p{N}_])(?:omop\s+)?(?:concept(?:[\s_]+ids?)?s?|omop(?:[\s_]+ids?)?)\s*(?:[:#=]|n°|no\.)?\s*\d+(?![.,]?\d)(?:\s*(?:,|&|\band\b|\bor\b|\bet\b|\bou\b)\s*\d{3,}(?![.,]?\d))*/giu;

/** Finds concept ids named in text (code spans included: a concept id is a claim even as code). */
export function findConceptMentions(text: string): ConceptMention[] {
  const mentions: ConceptMention[] = [];
  conceptPattern.lastIndex = 0;
  for (let match = conceptPattern.exec(text); match !== null; match = conceptPattern.exec(text)) {
    // The words before the first id hold no digits, so every digit run of the match is an id.
    for (const id of match[0].matchAll(/\d+/g)) {
      const start = match.index + id.index;
      mentions.push({
        text: `concept ${id[0]}`,
        conceptId: Number(id[0]),
        start,
        end: start + id[0].length,
      });
    }
  }
  return mentions;
}
