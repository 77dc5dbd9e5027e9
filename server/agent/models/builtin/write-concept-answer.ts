import type { Concept as OntologyConcept } from '../../../../mcp-tools/ontology/index.js';

/** The fields of a concept an answer names (the ontology tools' results carry more). */
type Concept = Pick<
  OntologyConcept,
  'conceptId' | 'name' | 'domain' | 'vocabulary' | 'conceptClass' | 'standard' | 'code'
> & {
  invalidReason?: string | null;
};

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const standardness = (concept: Concept) =>
  concept.standard === 'S' ? 'standard' : concept.standard === 'C' ? 'classification' : 'non-standard';

/** "**Type 2 diabetes mellitus** — SNOMED 44054006, OMOP concept 201826 (Condition, Clinical Finding, standard)". */
export function describeConcept(concept: Concept): string {
  return `**${concept.name}** — ${concept.vocabulary} ${concept.code}, OMOP concept ${concept.conceptId} (${concept.domain}, ${concept.conceptClass}, ${standardness(concept)}${concept.invalidReason ? ', no longer valid' : ''})`;
}

/** Answers a search_concepts call: the best match first, in the vocabulary asked for. */
export function writeConceptSearchAnswer({
  text,
  vocabularies,
  content,
}: {
  text: string;
  vocabularies?: string[] | undefined;
  content: Record<string, unknown>;
}): string {
  const results = (Array.isArray(content.results) ? content.results : []) as {
    concept: Concept;
    match: string;
    matched: string;
  }[];
  const where = vocabularies?.length ? ` in ${vocabularies.join(', ')}` : '';
  if (results.length === 0)
    return `I found no concept${where} for "${text}" in the vocabulary loaded in this warehouse. Try other words, a synonym or a code.`;
  const [best, ...others] = results;
  if (!best) return '';
  const lines = [
    best.match === 'similar'
      ? `The closest concept${where} to "${text}" is ${describeConcept(best.concept)}.`
      : `"${text}"${where} is ${describeConcept(best.concept)}${best.matched && best.matched !== best.concept.name ? `, found through "${best.matched}"` : ''}.`,
  ];
  if (others.length > 0) {
    lines.push('', 'Other matches:');
    for (const other of others.slice(0, 5)) lines.push(`- ${describeConcept(other.concept)}`);
  }
  return lines.join('\n');
}

/** Answers a get_concept call: the concept, its synonyms, main relationships and hierarchy size. */
export function writeConceptDetailsAnswer(content: Record<string, unknown>): string {
  const concept = content.concept as Concept | undefined;
  if (!concept) return 'No such concept in the vocabulary loaded in this warehouse.';
  const lines = [`${describeConcept(concept)}.`];
  const synonyms = (Array.isArray(content.synonyms) ? content.synonyms : []) as { name: string }[];
  if (synonyms.length > 0) lines.push('', `Synonyms: ${synonyms.map((synonym) => synonym.name).join('; ')}.`);
  const relationships = (Array.isArray(content.relationships) ? content.relationships : []) as {
    relationship: string;
    concept: Concept;
  }[];
  const shown = relationships.filter(
    (entry) =>
      !(entry.concept.conceptId === concept.conceptId && /^(Maps to|Mapped from)$/.test(entry.relationship)),
  );
  if (shown.length > 0) {
    lines.push('', 'Relationships:');
    for (const entry of shown.slice(0, 12))
      lines.push(
        `- ${entry.relationship}: ${entry.concept.vocabulary} ${entry.concept.code} "${entry.concept.name}" (OMOP concept ${entry.concept.conceptId})`,
      );
  }
  if (content.hierarchyAvailable === true && typeof content.descendantCount === 'number')
    lines.push(
      '',
      `In the hierarchy it has ${plural(Number(content.ancestorCount), 'ancestor')} and ${plural(content.descendantCount, 'descendant')}.`,
    );
  return lines.join('\n');
}

/** Answers a translate_code call: the source code and where its mappings lead. */
export function writeTranslationAnswer({
  input,
  content,
}: {
  input: { system?: unknown; code?: unknown };
  content: Record<string, unknown>;
}): string {
  const source = content.source as Concept | undefined;
  const targets = (Array.isArray(content.targets) ? content.targets : []) as {
    concept: Concept;
    relationship: string;
  }[];
  const head = source
    ? `${source.vocabulary} ${source.code} ("${source.name}", OMOP concept ${source.conceptId})`
    : `${String(input.system)} ${String(input.code)}`;
  if (targets.length === 0)
    return `${head} has no translation in the vocabulary loaded here${typeof content.message === 'string' ? `: ${content.message}` : '.'}`;
  const lines = [`${head} translates to:`];
  for (const target of targets.slice(0, 10))
    lines.push(`- ${target.relationship}: ${describeConcept(target.concept)}`);
  return lines.join('\n');
}

/** Answers a concept_descendants call: how many concepts lie below, and the first of them. */
export function writeDescendantsAnswer(content: Record<string, unknown>): string {
  const concept = content.concept as Concept | undefined;
  const entries = (Array.isArray(content.entries) ? content.entries : []) as {
    concept: Concept;
    minLevels: number;
  }[];
  const below = entries.filter((entry) => entry.concept.conceptId !== concept?.conceptId);
  if (!concept) return 'No such concept in the vocabulary loaded in this warehouse.';
  if (below.length === 0)
    return `${describeConcept(concept)} has no descendants in the vocabulary loaded here.`;
  const lines = [
    `Concepts below ${describeConcept(concept)}${content.source === 'is_a' ? " (from 'Is a' relationships: the ancestor table is empty)" : ''}:`,
  ];
  for (const entry of below.slice(0, 20)) lines.push(`- ${describeConcept(entry.concept)}`);
  if (below.length > 20 || content.hasMore === true)
    lines.push('', 'There are more; ask for a narrower concept to see them.');
  return lines.join('\n');
}
