import type { GroundingVerdict } from '../api/hale-types.js';

/** The grounding check's verdict in a sentence, and each unverified claim with why. */
export function GroundingSummary({ grounding }: { grounding: GroundingVerdict }) {
  if (grounding.ungrounded.length === 0)
    return grounding.checkedClaims > 0 ? (
      <p className="grounding grounding-ok">
        <span aria-hidden="true">✓ </span>
        {grounding.checkedClaims === 1
          ? 'The number in this answer was checked against the query results.'
          : `All ${grounding.checkedClaims} numbers, dates and names in this answer were checked against the query results.`}
      </p>
    ) : null;
  return (
    <div className="grounding grounding-warning" role="note">
      <p>
        <span aria-hidden="true">⚠ </span>
        {grounding.ungrounded.length === 1
          ? '1 claim in this answer could not be verified against the query results:'
          : `${grounding.ungrounded.length} claims in this answer could not be verified against the query results:`}
      </p>
      <ul>
        {grounding.ungrounded.map((claim) => (
          <li key={`${claim.kind}:${claim.text}`}>
            <mark className="claim-ungrounded">{claim.text}</mark> — {claim.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
