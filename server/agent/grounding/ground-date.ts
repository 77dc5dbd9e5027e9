import type { EvidenceIndex } from './collect-evidence.js';
import { type DateSpan, isWithin, overlaps } from './date-span.js';

/**
 * Whether a date or period of the answer is supported: some date the results, inputs or question
 * mention lies inside it (2026-11-03 supports "November 2026" and "2026", not the reverse), or a
 * tool input's period overlaps it (a query from 2025-01-01 to 2025-07-01 supports "March 2025").
 */
export function isDateGrounded(spans: readonly DateSpan[], evidence: EvidenceIndex): boolean {
  return spans.some(
    (span) =>
      evidence.dateRanges.some((range) => overlaps(range, span)) ||
      evidence.datePoints.some((point) => isWithin(point, span)),
  );
}
