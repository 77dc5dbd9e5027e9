import { readAnswerProse } from './answer-prose.js';
import { collectEvidence } from './collect-evidence.js';
import { yearSpan } from './date-span.js';
import { findConceptMentions } from './find-concept-mentions.js';
import { findDateMentions } from './find-date-mentions.js';
import { findIdentifierMentions } from './find-identifier-mentions.js';
import { findNumberMentions } from './find-number-mentions.js';
import { isDateGrounded } from './ground-date.js';
import { isEntityGrounded } from './ground-entity.js';
import { explainUngroundedNumber, isNumberGrounded, shownValues } from './ground-number.js';
import type {
  ClaimKind,
  GroundingEvidence,
  GroundingVerdict,
  KnownEntities,
  UngroundedClaim,
} from './grounding-verdict.js';
import { indexRelatedPairs } from './related-pairs.js';

interface CheckedClaim {
  kind: ClaimKind;
  text: string;
  start: number;
  /** Why the claim is not grounded; undefined when it is. */
  reason: string | undefined;
}

/** Schemas and tables, lower-cased: a dotted name starting with one of them is a data name. */
function knownPrefixes(tables: ReadonlySet<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const table of tables) for (const part of table.toLowerCase().split('.')) prefixes.add(part);
  return prefixes;
}

/**
 * Checks that an answer says only what its turn supports: every number, percentage and date is
 * traceable to a tool result or input of the turn or to the question (exactly, or by rounding to
 * the precision shown, ratio × 100, a total, subtotal, average or count of a result table, or the
 * difference, sum, ratio or product of two related values), and every metric, dimension, table,
 * column and concept it names exists. Fenced code, and numbers in code spans, are quoted tool
 * material and not checked. Pure and deterministic; the rules are in docs/grounding.md.
 */
export function checkGrounding(
  answer: string,
  evidence: GroundingEvidence,
  entities: KnownEntities,
): GroundingVerdict {
  const prose = readAnswerProse(answer);
  const concepts = findConceptMentions(prose.textWithCodeSpans);
  const dates = findDateMentions(prose.text);
  const numbers = findNumberMentions(prose.text, {
    skip: [...concepts, ...dates],
    percentCells: prose.percentCells,
  });
  const identifiers = findIdentifierMentions(prose, knownPrefixes(entities.tables));
  if (concepts.length + dates.length + numbers.length + identifiers.length === 0) {
    return { grounded: true, checkedClaims: 0, ungrounded: [] };
  }
  const index = collectEvidence(evidence);
  const claims: CheckedClaim[] = [];

  const groundedFirst = numbers.map((mention) => isNumberGrounded(mention, { evidence: index }));
  // Second chance: people compute from the rounded figures they show, so a number the evidence
  // does not give may still be a difference or ratio of the answer's own grounded numbers.
  const shown = shownValues(numbers.filter((mention, position) => groundedFirst[position] && !mention.year));
  const shownPairs = indexRelatedPairs([shown]);
  numbers.forEach((mention, position) => {
    const grounded =
      groundedFirst[position] === true ||
      (shown.length >= 2 && isNumberGrounded(mention, { evidence: index, shownPairs }));
    if (mention.year) {
      // "2024" is a year or a count of 2024 things: either reading may ground it.
      const year = mention.readings[0]?.value ?? 0;
      const dated = grounded || isDateGrounded([yearSpan(year)], index);
      claims.push({
        kind: 'date',
        text: mention.text,
        start: mention.start,
        reason: dated
          ? undefined
          : `no tool result, tool input or question of this turn has a date in ${year}, nor a number it could be`,
      });
      return;
    }
    claims.push({
      kind: mention.percentage ? 'percentage' : 'number',
      text: mention.text,
      start: mention.start,
      reason: grounded ? undefined : explainUngroundedNumber(mention, index),
    });
  });

  for (const mention of dates) {
    claims.push({
      kind: 'date',
      text: mention.text,
      start: mention.start,
      reason: isDateGrounded(mention.spans, index)
        ? undefined
        : `no tool result, tool input or question of this turn has a date in ${mention.text}, and no period queried covers it`,
    });
  }

  for (const mention of concepts) {
    claims.push({
      kind: 'entity',
      text: mention.text,
      start: mention.start,
      reason: index.integers.has(mention.conceptId)
        ? undefined
        : `concept id ${mention.conceptId} is in no tool result of this turn, nor in the question`,
    });
  }

  const calledTools = new Set(evidence.toolCalls.map((call) => call.tool.toLowerCase()));
  for (const mention of identifiers) {
    claims.push({
      kind: 'entity',
      text: mention.name,
      start: mention.start,
      reason: isEntityGrounded(mention.name, { entities, evidenceText: index.text, calledTools })
        ? undefined
        : `\`${mention.name}\` is not a known metric, dimension, table or column, and no tool result of this turn, nor the question, names it`,
    });
  }

  // The same claim written twice is one claim, reported once.
  claims.sort((first, second) => first.start - second.start);
  const seen = new Set<string>();
  const distinct = claims.filter((claim) => {
    const key = `${claim.kind}\u0000${claim.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const ungrounded: UngroundedClaim[] = distinct.flatMap(({ kind, text, reason }) =>
    reason === undefined ? [] : [{ kind, text, reason }],
  );
  return { grounded: ungrounded.length === 0, checkedClaims: distinct.length, ungrounded };
}
