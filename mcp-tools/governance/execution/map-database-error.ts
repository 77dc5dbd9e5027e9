import { GovernanceError } from '../governance-error.js';

/** SQLSTATE classes whose messages only name things from the query (never data values). */
const nameOnlyStates = new Set([
  '42703',
  '42P01',
  '42883',
  '42702',
  '42803',
  '42P10',
  '42804',
  '42725',
  '42601',
]);

/**
 * Maps a database failure to a safe category before anything reaches a model. Messages about data
 * (casts, division by zero, constraint details) are replaced by a generic sentence, because
 * PostgreSQL echoes the offending value (`invalid input syntax for type integer: "Jeanne"`).
 */
export function mapDatabaseError(error: unknown, { cancelled }: { cancelled: boolean }): GovernanceError {
  const state = String((error as { code?: unknown }).code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (cancelled) return new GovernanceError('cancelled', 'the query was cancelled', { cause: error });
  if (state === '57014')
    return new GovernanceError(
      'timeout',
      'the query ran longer than the statement timeout and was cancelled; narrow it (filters, fewer joins) or aggregate',
      { cause: error },
    );
  if (state === '42601')
    return new GovernanceError('syntax_error', `SQL syntax error: ${message}`, { cause: error });
  if (state === '42501')
    return new GovernanceError(
      'not_permitted',
      'the warehouse refused access to an object used by the query',
      { cause: error },
    );
  if (state === '25006')
    return new GovernanceError('statement_not_allowed', 'the query tried to write; Hale only reads', {
      cause: error,
    });
  if (nameOnlyStates.has(state)) {
    const code = ['42703', '42P01', '42883'].includes(state) ? 'unknown_name' : 'query_failed';
    return new GovernanceError(code, message.replace(/\s+/g, ' '), { cause: error });
  }
  if (state.startsWith('53') || state.startsWith('54'))
    return new GovernanceError(
      'too_large',
      'the query needs more memory or resources than the warehouse allows; narrow it or aggregate',
      { cause: error },
    );
  if (state === '22012')
    return new GovernanceError('query_failed', 'division by zero in the query', { cause: error });
  if (state.startsWith('22'))
    return new GovernanceError(
      'query_failed',
      `a value could not be processed (${describeDataException(state)}); check casts and functions on the columns used`,
      { cause: error },
    );
  return new GovernanceError(
    'query_failed',
    `the warehouse could not run the query (SQLSTATE ${state || 'unknown'})`,
    { cause: error },
  );
}

function describeDataException(state: string): string {
  switch (state) {
    case '22P02':
      return 'invalid text representation for the target type';
    case '22003':
      return 'numeric value out of range';
    case '22007':
    case '22008':
      return 'invalid date or time';
    case '22001':
      return 'string too long for the type';
    default:
      return `data exception ${state}`;
  }
}
