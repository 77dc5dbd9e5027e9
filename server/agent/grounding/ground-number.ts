import type { EvidenceIndex } from './collect-evidence.js';
import type { NumberMention } from './find-number-mentions.js';
import type { NumberReading } from './read-number-text.js';
import { hasRelatedPair, type RelatedPairs } from './related-pairs.js';
import { closestTo, hasValueIn, type Interval, type PairOperation } from './sorted-values.js';

const pairOperations: readonly PairOperation[] = ['difference', 'sum', 'ratio', 'product'];

function trailingZeros(value: number): number {
  let zeros = 0;
  for (let rest = value; rest >= 10 && rest % 10 === 0; rest /= 10) zeros++;
  return zeros;
}

/**
 * The values a written number stands for: everything that rounds to it at the precision shown
 * (half a unit of its last digit either side, so half-up and half-even rounding both pass). "About
 * 12,000" stands for anything that rounds to the thousand; "more than 100" for anything within
 * one hundred.
 */
function shownInterval(mention: NumberMention, reading: NumberReading): Interval {
  let halfWidth = (10 ** -reading.decimals / 2) * mention.scale;
  if (mention.qualifier !== 'exact' && reading.decimals === 0) {
    const roundness = 10 ** trailingZeros(reading.value) * mention.scale;
    halfWidth = Math.max(halfWidth, mention.qualifier === 'approximate' ? roundness / 2 : roundness);
  }
  const value = reading.value * mention.scale;
  // Binary fractions: 0.125 × 100 is not exactly 12.5.
  const slack = Math.abs(value) * 1e-9 + 1e-12;
  return { low: value - halfWidth - slack, high: value + halfWidth + slack };
}

const scaled = ({ low, high }: Interval, factor: number): Interval => ({
  low: low * factor,
  high: high * factor,
});

function isDerived(pairs: RelatedPairs, targets: readonly Interval[], percentage: boolean): boolean {
  for (const target of targets) {
    for (const operation of pairOperations) if (hasRelatedPair(pairs, target, operation)) return true;
  }
  const fraction = targets[1];
  if (!percentage || !fraction) return false;
  // A change in percent: "rose 15%" is new / old = 1.15, "fell 15%" is 0.85.
  return (
    hasRelatedPair(pairs, { low: 1 + fraction.low, high: 1 + fraction.high }, 'ratio') ||
    hasRelatedPair(pairs, { low: 1 - fraction.high, high: 1 - fraction.low }, 'ratio')
  );
}

/**
 * Whether a number of the answer is supported: written in the question, equal to a value of the
 * turn at the precision shown (for a percentage, also a 0–1 ratio × 100), a count, total, subtotal
 * or average of a result table, or the difference, sum, ratio or product (a rate times a count) of
 * two related values. With `shownPairs`, only pairs of the answer's own grounded numbers are
 * tried: people compute from the rounded figures they show.
 */
export function isNumberGrounded(
  mention: NumberMention,
  { evidence, shownPairs }: { evidence: EvidenceIndex; shownPairs?: RelatedPairs },
): boolean {
  return mention.readings.some((reading) => {
    const shown = shownInterval(mention, reading);
    const targets = mention.percentage ? [shown, scaled(shown, 1 / 100)] : [shown];
    if (shownPairs) return isDerived(shownPairs, targets, mention.percentage);
    if (hasValueIn(evidence.questionValues, shown)) return true;
    if (targets.some((target) => hasValueIn(evidence.values, target))) return true;
    // A percentage shown as a fraction: "0.25" for a result of 25 %.
    if (!mention.percentage && reading.decimals > 0 && reading.value <= 1) {
      if (hasValueIn(evidence.values, scaled(shown, 100))) return true;
    }
    return isDerived(evidence.relatedPairs, targets, mention.percentage);
  });
}

/** The values the answer's grounded numbers show, for derivations from them (percentages both ways). */
export function shownValues(mentions: readonly NumberMention[]): number[] {
  return mentions.flatMap((mention) =>
    mention.readings.flatMap(({ value }) =>
      mention.percentage ? [value * mention.scale, value / 100] : [value * mention.scale],
    ),
  );
}

const format = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

/** Why a number is not grounded, with the closest value of the results when there is one. */
export function explainUngroundedNumber(mention: NumberMention, evidence: EvidenceIndex): string {
  const value = (mention.readings[0]?.value ?? 0) * mention.scale;
  const candidates: { distance: number; text: string }[] = [];
  const closest = closestTo(evidence.values, value);
  if (closest !== undefined) {
    candidates.push({
      distance: Math.abs(closest - value) / Math.max(value, 1e-9),
      text: `${format.format(closest)}${mention.percentage ? '%' : ''}`,
    });
  }
  if (mention.percentage) {
    const closestFraction = closestTo(evidence.values, value / 100);
    if (closestFraction !== undefined) {
      candidates.push({
        distance: Math.abs(closestFraction * 100 - value) / Math.max(value, 1e-9),
        text: `${format.format(closestFraction * 100)}%`,
      });
    }
  }
  const best = candidates.sort((first, second) => first.distance - second.distance)[0];
  const form = mention.percentage ? ' (as a percentage or as a 0–1 ratio)' : '';
  const hint = best ? `; the closest figure there is ${best.text}` : '';
  return `in no tool result, tool input or question of this turn${form}, nor a rounding, total, average, count, difference, ratio or product of their figures${hint}`;
}
