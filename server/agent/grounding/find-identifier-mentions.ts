import type { AnswerProse } from './answer-prose.js';

/** A name the answer uses as a metric, dimension, table or column. */
export interface IdentifierMention {
  name: string;
  start: number;
}

const snakeCase = /^[a-z][a-z0-9]*(?:_{1,2}[a-z0-9]+)+$/;
const lowerCaseWord = /^[a-z]+$/;
const lowerCaseSegment = /^[a-z_][a-z0-9_]*$/;
const wholeIdentifier = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const identifierChain = /[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*/g;
// A name glued to a path, an address, a hyphenated word or a call is not a data name.
const notBefore = /[\p{L}\p{N}_./\\@:-]/u;
const notAfter = /[\p{L}\p{N}_/\\@(-]/u;
const fileExtensions = new Set([
  'md',
  'yml',
  'yaml',
  'json',
  'ts',
  'js',
  'csv',
  'sql',
  'txt',
  'py',
  'html',
  'toml',
]);
// SQL words and functions an answer may mention as code: names of the language, not of the data.
const sqlWords = new Set(
  (
    'select from where group by order limit offset count sum avg min max distinct null true false and or not ' +
    'in is like ilike between join left right inner outer on as case when then else end having with over ' +
    'partition asc desc union all any exists coalesce extract interval date timestamp cast round filter lag ' +
    'lead rank sql nullif date_trunc date_part to_char to_date to_timestamp percentile_cont percentile_disc ' +
    'row_number dense_rank current_date current_timestamp string_agg array_agg json_agg generate_series'
  ).split(' '),
);

/**
 * Whether a name looks like a data name that must exist: snake_case (`cancellation_rate`,
 * `practice__city`), dotted with a known schema or table first (`scheduling.appointment`,
 * `appointment.status`) or with an underscore in it, and, written as code, any lower-case word
 * (`appointment`). Capitalised words and codes (`Lyon`, `ICD10CM`, `E11.9`) are values, not names.
 */
function looksLikeDataName(
  name: string,
  { asCode, knownPrefixes }: { asCode: boolean; knownPrefixes: ReadonlySet<string> },
): boolean {
  if (!/^[A-Za-z_]/.test(name)) return false;
  const segments = name.split('.');
  if (segments.length > 1) {
    const last = segments.at(-1) ?? '';
    if (segments.length > 3 || fileExtensions.has(last.toLowerCase())) return false;
    if (!segments.every((segment) => lowerCaseSegment.test(segment))) return false;
    return (
      knownPrefixes.has(segments[0] ?? '') || segments.some((segment) => segment.includes('_')) || asCode
    );
  }
  if (sqlWords.has(name.toLowerCase())) return false;
  return snakeCase.test(name) || (asCode && lowerCaseWord.test(name));
}

function findInProse(text: string, knownPrefixes: ReadonlySet<string>, offset: number): IdentifierMention[] {
  const mentions: IdentifierMention[] = [];
  identifierChain.lastIndex = 0;
  for (let match = identifierChain.exec(text); match !== null; match = identifierChain.exec(text)) {
    const before = text[match.index - 1] ?? '';
    const after = text[match.index + match[0].length] ?? '';
    if (notBefore.test(before) || notAfter.test(after)) continue;
    if (looksLikeDataName(match[0], { asCode: false, knownPrefixes })) {
      mentions.push({ name: match[0], start: offset + match.index });
    }
  }
  return mentions;
}

/**
 * Finds the data names an answer uses, in its prose and in its code spans. `knownPrefixes` are the
 * schemas and tables, lower-cased, so `scheduling.appointment` is checked and `e.g.` is not.
 */
export function findIdentifierMentions(
  prose: AnswerProse,
  knownPrefixes: ReadonlySet<string>,
): IdentifierMention[] {
  const mentions = findInProse(prose.text, knownPrefixes, 0);
  for (const { content, start } of prose.codeSpans) {
    if (wholeIdentifier.test(content)) {
      if (looksLikeDataName(content, { asCode: true, knownPrefixes }))
        mentions.push({ name: content, start });
    } else {
      // An expression as code (`cancellation_rate > 0.1`): its snake_case names are still claims.
      mentions.push(...findInProse(content, knownPrefixes, start));
    }
  }
  return mentions;
}
