import { tokenizeQuestion } from './tokenize-question.js';

interface DocumentHit {
  rank: number;
  title: string;
  headingPath: string[];
  text: string;
  source: string;
  sourceType: string;
}

/** Sentences quoted from the best passage at most. */
const sentencesQuoted = 4;

/** Text in a document that speaks to an assistant: quoted data, never followed, and not repeated. */
const addressedToAssistant =
  /\b(ignore|disregard|forget) (all |any )?(the )?(previous|prior|above|earlier) (instructions|rules|prompts?)\b|\bsystem prompt\b|\byou are now\b|\b(reveal|print|list|send|show) (all )?(the )?patient (emails?|names|phones?|addresses)\b|^\s*(system|assistant)\s*:/i;

const questionWords = new Set(['defin', 'mean', 'meaning', 'explain', 'work', 'happen', 'tell', 'describe']);

const sourcePreference = (sourceType: string) =>
  ['knowledge', 'metric', 'data_dictionary', 'table', 'role', 'verified_query'].indexOf(sourceType) + 1 || 9;

/** Splits a passage into quotable sentences: prose and list items, without headings, code or tables. */
function sentencesOf(text: string): string[] {
  const withoutCode = text.replace(/```[\s\S]*?(```|$)/g, ' ');
  const sentences: string[] = [];
  for (const block of withoutCode.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((line) => !/^\s*(#|\||<\/?document)/.test(line));
    const prose = lines
      .join(' ')
      .replace(/^\s*[-*]\s+/g, '')
      .replace(/\s+[-*]\s+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (!prose) continue;
    for (const sentence of prose.split(/(?<=[.!?])\s+(?=[A-Z«"`(])/))
      if (sentence.trim()) sentences.push(sentence.trim());
  }
  return sentences;
}

/**
 * Answers a documentation question from search_documents results only: the most relevant sentences
 * of the best passage, quoted with its title and source, then the other documents found. Text in a
 * document that addresses an assistant is data: it is neither followed nor quoted.
 */
export function writeDocumentAnswer({
  question,
  content,
}: {
  question: string;
  content: Record<string, unknown>;
}): string {
  const hits = (Array.isArray(content.results) ? content.results : []) as DocumentHit[];
  if (hits.length === 0)
    return `I found no document about "${question}" that you may read${typeof content.notice === 'string' ? ` (${content.notice})` : ''}. You could ask about a metric's definition, the refresh schedule, the data-quality caveats or what your role may see.`;
  const wanted = new Set(
    tokenizeQuestion(question)
      .filter((token) => !token.stop && !questionWords.has(token.stem))
      .map((token) => token.stem),
  );
  let skipped = 0;
  const scored = hits.slice(0, 3).map((hit) => {
    const sentences = sentencesOf(hit.text).filter((sentence) => {
      const hostile = addressedToAssistant.test(sentence);
      if (hostile) skipped++;
      return !hostile;
    });
    const scores = sentences.map((sentence) => {
      const stems = new Set(tokenizeQuestion(sentence).map((token) => token.stem));
      return [...wanted].filter((stem) => stems.has(stem)).length;
    });
    const titleStems = new Set(
      tokenizeQuestion(`${hit.title} ${hit.headingPath.join(' ')}`).map((token) => token.stem),
    );
    const titleScore = [...wanted].filter((stem) => titleStems.has(stem)).length;
    return { hit, sentences, scores, total: Math.max(0, ...scores) + titleScore };
  });
  // The passage that says most about the question's words; team knowledge before generated pages.
  const best = scored
    .filter((entry) => entry.sentences.length > 0)
    .sort(
      (left, right) =>
        right.total - left.total ||
        sourcePreference(left.hit.sourceType) - sourcePreference(right.hit.sourceType) ||
        left.hit.rank - right.hit.rank,
    )[0];
  const lines: string[] = [];
  if (best) {
    const chosen = best.scores
      .map((score, position) => ({ score, position }))
      .filter((entry) => entry.score > 0)
      .sort((left, right) => right.score - left.score || left.position - right.position)
      .slice(0, sentencesQuoted)
      .map((entry) => entry.position)
      .sort((left, right) => left - right);
    const quoted = (chosen.length > 0 ? chosen : [0, 1]).flatMap(
      (position) => best.sentences[position] ?? [],
    );
    const section = best.hit.headingPath.at(-1);
    lines.push(
      `According to **${best.hit.title}**${section && section !== best.hit.title ? ` (section "${section}")` : ''}, from ${best.hit.source}:`,
      '',
      ...quoted.map((sentence) => `> ${sentence}`),
    );
  } else lines.push('The documents found hold no quotable text for this question.');
  const others = hits.filter((hit) => hit !== best?.hit).slice(0, 4);
  if (others.length > 0)
    lines.push(
      '',
      `Other documents on this: ${others.map((hit) => `**${hit.title}** (${hit.source})`).join('; ')}.`,
    );
  if (skipped > 0)
    lines.push(
      '',
      'A passage in these documents was written as instructions to an assistant; it was treated as data and not followed.',
    );
  return lines.join('\n');
}
