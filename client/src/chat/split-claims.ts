/** A piece of answer text: plain, a number the grounding check verified, or a claim it could not. */
export interface ClaimSegment {
  text: string;
  kind: 'plain' | 'verified' | 'ungrounded';
  reason?: string;
}

// Numbers as answers write them: 1,234 · 12.5 · 12,5 · 42% · 2026-11-30 (a date is one claim).
const numberPattern = /\d{4}-\d{2}(?:-\d{2})?|\d+(?:[,.]\d+)*(?:\s?%)?/g;

/**
 * Splits answer text into claims for marking: the texts the grounding check flagged (with their
 * reasons) first, then, when `markNumbers` is set (the check ran and found claims), every other
 * number as verified. Pure, so it is tested without a browser.
 */
export function splitClaims(
  text: string,
  {
    ungrounded,
    markNumbers,
  }: { ungrounded: readonly { text: string; reason: string }[]; markNumbers: boolean },
): ClaimSegment[] {
  const flagged: { start: number; end: number; reason: string }[] = [];
  for (const claim of ungrounded) {
    if (!claim.text) continue;
    let from = 0;
    for (;;) {
      const start = text.indexOf(claim.text, from);
      if (start < 0) break;
      const end = start + claim.text.length;
      if (!flagged.some((range) => start < range.end && end > range.start))
        flagged.push({ start, end, reason: claim.reason });
      from = end;
    }
  }
  flagged.sort((left, right) => left.start - right.start);
  const segments: ClaimSegment[] = [];
  const pushPlain = (plain: string) => {
    if (!plain) return;
    if (!markNumbers) {
      segments.push({ text: plain, kind: 'plain' });
      return;
    }
    let last = 0;
    for (const match of plain.matchAll(numberPattern)) {
      const index = match.index ?? 0;
      if (index > last) segments.push({ text: plain.slice(last, index), kind: 'plain' });
      segments.push({ text: match[0], kind: 'verified' });
      last = index + match[0].length;
    }
    if (last < plain.length) segments.push({ text: plain.slice(last), kind: 'plain' });
  };
  let position = 0;
  for (const range of flagged) {
    pushPlain(text.slice(position, range.start));
    segments.push({ text: text.slice(range.start, range.end), kind: 'ungrounded', reason: range.reason });
    position = range.end;
  }
  pushPlain(text.slice(position));
  return segments;
}
