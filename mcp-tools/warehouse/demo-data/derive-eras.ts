import { dayMs } from './calendar.js';

/** One exposure or occurrence of a concept for a person: [start, end] as epoch ms at midnight. */
export interface Span {
  conceptId: number;
  start: number;
  end: number;
}

/** A derived era: consecutive spans of one concept merged across small gaps. */
export interface Era {
  conceptId: number;
  start: number;
  end: number;
  /** How many spans were merged into the era. */
  count: number;
  /** Days inside the era not covered by any span (drug eras report this as gap_days). */
  gapDays: number;
}

/**
 * Merges one person's spans into eras the way the OHDSI era scripts do: spans of the same concept
 * whose gap is at most `persistenceDays` (30 for both condition and drug eras) join one era.
 */
export function deriveEras(spans: readonly Span[], persistenceDays = 30): Era[] {
  const byConcept = new Map<number, Span[]>();
  for (const span of spans) {
    const list = byConcept.get(span.conceptId) ?? [];
    list.push(span);
    byConcept.set(span.conceptId, list);
  }
  const eras: Era[] = [];
  for (const [conceptId, list] of byConcept) {
    list.sort((left, right) => left.start - right.start);
    let current: Era | undefined;
    for (const span of list) {
      if (current && span.start <= current.end + persistenceDays * dayMs) {
        if (span.start > current.end) current.gapDays += Math.round((span.start - current.end) / dayMs) - 1;
        current.end = Math.max(current.end, span.end);
        current.count++;
      } else {
        if (current) eras.push(current);
        current = { conceptId, start: span.start, end: span.end, count: 1, gapDays: 0 };
      }
    }
    if (current) eras.push(current);
  }
  return eras.sort((left, right) => left.start - right.start || left.conceptId - right.conceptId);
}
