import { searchTextSql } from '../warehouse/schema/search-text.js';
import { wordsOf } from './text-features.js';

/**
 * The full-text configuration of document search. English stemming serves the English documents
 * and is mostly harmless on French words; text is folded (accents, case) first, so « délai » and
 * "delai" meet.
 */
export const textSearchConfiguration = 'english';

/**
 * The `to_tsquery` text for a search: the query's words (folded, without stop words), any of which
 * may match (`no | show | rate`), so ranking rather than an all-words rule decides; documents with
 * more of the words rank higher. Words are `[a-z0-9]+` after folding, so nothing in them is
 * tsquery syntax. Empty when the query has no usable word.
 */
export function fullTextQuery(texts: readonly string[]): string {
  const words = [...new Set(texts.flatMap((text) => [...wordsOf(text), ...identifierTokens(text)]))];
  return words.join(' | ');
}

/**
 * Snake-case identifiers of a text as single tokens (`visit_concept_id` → `visitconceptid`). The
 * text parser splits them into common words ("visit", "concept", "id"); the joined token lets a
 * question naming a column find the documents that name it, ahead of those that merely use the words.
 */
export function identifierTokens(text: string): string[] {
  return [
    ...new Set(
      (text.toLowerCase().match(/[a-z][a-z0-9]*(?:_[a-z0-9]+)+/g) ?? []).map((identifier) =>
        identifier.replace(/_/g, ''),
      ),
    ),
  ];
}

/** The weights of `ts_rank` for D, C, B, A: code, prose, headings and tags, title. */
export const rankWeights = '{0.02, 0.2, 0.4, 1.0}';

/**
 * A chunk's text in two parts for full-text weighting: prose (with its identifiers also as single
 * tokens) and fenced code. Code (the SQL of a metric) names every column it touches and would
 * otherwise outrank the prose that explains them.
 */
export function splitProseAndCode(markdown: string): { prose: string; code: string } {
  const code: string[] = [];
  const prose = markdown.replace(/(```|~~~)[^\n]*\n([\s\S]*?)(\1|$)/g, (_, _fence, body: string) => {
    code.push(body);
    return ' ';
  });
  return { prose: `${prose}\n${identifierTokens(prose).join(' ')}`, code: code.join('\n') };
}

/**
 * The SQL computing a chunk's `search_vector` from bound texts: the document title weighs most,
 * then the heading path and tags, then the chunk's prose, then its code (see `rankWeights`).
 */
export function chunkSearchVectorSql({
  title,
  headings,
  prose,
  code,
}: {
  title: string;
  /** The heading path and the tags. */
  headings: string;
  prose: string;
  code: string;
}): string {
  const vector = (text: string) => `to_tsvector('${textSearchConfiguration}', ${searchTextSql(text)})`;
  return `setweight(${vector(title)}, 'A') || setweight(${vector(headings)}, 'B') || setweight(${vector(prose)}, 'C') || setweight(${vector(code)}, 'D')`;
}
