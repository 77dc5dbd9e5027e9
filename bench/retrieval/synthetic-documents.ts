import type { SourceDocument } from '../../mcp-tools/retrieval/index.js';

/** Mulberry32: a small seeded PRNG, so every run ingests the same corpus. */
function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const domainWords = (
  'appointment booking cancellation no-show teleconsultation practice practitioner specialty region ' +
  'patient visit condition drug exposure measurement observation concept vocabulary ancestor descendant ' +
  'cohort prevalence incidence rate share average median lead time refresh schedule nightly load ' +
  'caveat duplicate late arriving status update policy role access aggregate suppression masked ' +
  'cardiology dermatology pediatrics radiology oncology diabetes hypertension asthma metformin insulin ' +
  'hemoglobin glucose cholesterol creatinine laboratory result unit code mapping standard source ' +
  'lyon paris marseille toulouse bordeaux lille nantes strasbourg nice montpellier rendez-vous délai'
).split(' ');
const syllables = 'ka lo mi ne su ta ri po ve da lu mo ni fe go ba ze ci ru xo pa te na vi ku'.split(' ');

/** A vocabulary of real domain words and made-up ones, drawn with a Zipf-like skew like real text. */
function vocabulary(size: number, random: () => number): string[] {
  const words = [...domainWords];
  while (words.length < size) {
    const length = 2 + Math.floor(random() * 3);
    words.push(Array.from({ length }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  }
  return words;
}

const roles = ['*', '*', '*', 'analyst', 'clinician', 'ops_manager', 'data_scientist'];

/**
 * About `chunks` chunks of synthetic markdown: documents of ten short sections each (one chunk per
 * section), readers spread over the demo roles. Like real documentation, each document is about one
 * of 500 topics: two thirds of its words come from the topic's own 40 words, the rest from the whole
 * 5,000-word vocabulary with a Zipf-like skew. (Text drawn uniformly from one vocabulary has no
 * neighbourhoods at all: every chunk is about as far from a query as every other, which no real
 * corpus looks like and on which no approximate index can beat a scan.) Deterministic for a seed.
 */
export function generateSyntheticDocuments({
  chunks,
  seed,
}: {
  chunks: number;
  seed: number;
}): SourceDocument[] {
  const random = randomGenerator(seed);
  const words = vocabulary(5_000, random);
  const common = () => words[Math.floor(words.length * random() ** 2.5)] ?? 'appointment';
  const topics = Array.from({ length: 500 }, () =>
    Array.from({ length: 40 }, () => words[Math.floor(random() * words.length)] ?? 'visit'),
  );
  const sectionsPerDocument = 10;
  const documents: SourceDocument[] = [];
  for (let index = 0; index * sectionsPerDocument < chunks; index++) {
    const topic = topics[Math.floor(random() * topics.length)] ?? [];
    const word = () =>
      random() < 2 / 3 ? (topic[Math.floor(topic.length * random() ** 1.5)] ?? 'visit') : common();
    const sentence = (length: number) => Array.from({ length }, word).join(' ');
    const title = `${sentence(3)} ${index}`;
    const sections = Array.from(
      { length: sectionsPerDocument },
      (_, section) => `## ${sentence(2)} ${section}\n\n${sentence(25)}. ${sentence(20)}.`,
    );
    documents.push({
      key: `synthetic/${index}.md`,
      sourceType: 'knowledge',
      title,
      content: `# ${title}\n\n${sections.join('\n\n')}`,
      tags: [word()],
      allowedRoles: [roles[index % roles.length] ?? '*'],
      source: `synthetic/${index}.md`,
    });
  }
  return documents;
}

/** Queries drawn from the corpus: a few consecutive words of random sections, like a person's search. */
export function sampleQueries(documents: readonly SourceDocument[], count: number, seed: number): string[] {
  const random = randomGenerator(seed);
  return Array.from({ length: count }, () => {
    const document = documents[Math.floor(random() * documents.length)];
    const words = (document?.content ?? '').split(/\s+/).filter((word) => /^[\p{L}-]+$/u.test(word));
    const start = Math.floor(random() * Math.max(1, words.length - 6));
    return words.slice(start, start + 3 + Math.floor(random() * 4)).join(' ');
  });
}
