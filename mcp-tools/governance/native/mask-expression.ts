import type { ColumnMask } from '../policy/governance-policy.js';
import { quoteIdentifier } from '../sql/quote-identifier.js';

/**
 * The SQL expression of a column mask. Single source of truth: the gate's fences and the native
 * masking views both use it, so a masked value is the same whichever path reads it. Every mask
 * keeps NULL as NULL.
 */
export function maskExpressionSql({
  column,
  type,
  mask,
}: {
  column: string;
  type: string;
  mask: ColumnMask;
}): string {
  const name = quoteIdentifier(column);
  switch (mask.kind) {
    case 'redact':
      return `CASE WHEN ${name} IS NULL THEN NULL ELSE '[redacted]' END`;
    case 'hash':
      // Unsalted: equal values hash alike so counts and joins still work; see docs/governance.md.
      return `'h_' || left(encode(sha256(convert_to(${name}::text, 'UTF8')), 'hex'), 16)`;
    case 'year_of_date':
      return `CAST(date_trunc('year', ${name}) AS ${type})`;
    case 'prefix':
      return `left(${name}::text, ${mask.length})`;
    case 'null':
      return deniedColumnSql(type);
  }
}

/** A denied column inside a fence: a typed NULL, so column positions and types stay as in the table. */
export function deniedColumnSql(type: string): string {
  return `CAST(NULL AS ${type})`;
}
