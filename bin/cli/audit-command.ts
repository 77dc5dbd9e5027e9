import {
  type AuditOutcome,
  auditOutcomes,
  listAuditEntries,
  type RecordedAuditEntry,
} from '../../mcp-tools/governance/audit/index.js';
import { openRuntime } from '../open-runtime.js';
import { type Command, UsageError } from './command.js';

const defaultLimit = 20;
const maximumLimit = 1000;
/** Long enough to recognise a query on one terminal line. */
const sqlPreviewLength = 80;

const usage = `hale audit [--limit N] [--user USER] [--outcome ok|denied|error] [--json]
  Lists the most recent governed queries from the append-only audit log, newest first.
  --limit N         how many entries (default ${defaultLimit}, at most ${maximumLimit})
  --user USER       only this principal's queries
  --outcome KIND    only queries that ended ok, denied or error`;

function parseLimit(value: string | boolean | undefined): number {
  if (value === undefined) return defaultLimit;
  const text = String(value);
  const limit = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(limit >= 1 && limit <= maximumLimit)) {
    throw new UsageError(
      `--limit must be a whole number from 1 to ${maximumLimit}, got ${JSON.stringify(text)}`,
      usage,
    );
  }
  return limit;
}

function parseOutcome(value: string | boolean | undefined): AuditOutcome | undefined {
  if (value === undefined) return undefined;
  const outcome = auditOutcomes.find((candidate) => candidate === value);
  if (!outcome) {
    throw new UsageError(
      `--outcome must be one of ${auditOutcomes.join(', ')}, got ${JSON.stringify(String(value))}`,
      usage,
    );
  }
  return outcome;
}

function parseUser(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (String(value).trim() === '') throw new UsageError('--user must name a principal', usage);
  return String(value);
}

/** The SQL on one line, cut to a preview: a log line per query must stay a line. */
function shortenSql(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return oneLine.length > sqlPreviewLength ? `${oneLine.slice(0, sqlPreviewLength - 1)}…` : oneLine;
}

function formatEntries(entries: readonly RecordedAuditEntry[]): string[] {
  const cells = entries.map((entry) => [
    // Seconds are enough to read; --json keeps the milliseconds.
    `${entry.occurredAt.slice(0, 19)}Z`,
    entry.principal,
    entry.channel,
    entry.tool,
    entry.code ? `${entry.outcome} (${entry.code})` : entry.outcome,
    `${entry.rowsReturned.toLocaleString('en')} rows`,
  ]);
  const widths = cells.reduce<number[]>(
    (maximums, row) => row.map((cell, index) => Math.max(maximums[index] ?? 0, cell.length)),
    [],
  );
  return cells.map((row, index) => {
    const columns = row.map((cell, column) =>
      // Row counts read best right-aligned; the other columns are text.
      column === row.length - 1 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
    );
    return [...columns, shortenSql(entries[index]?.originalSql ?? '')].join('  ');
  });
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'list recent governed queries from the audit log',
  usage,
  options: {
    limit: { type: 'string' },
    user: { type: 'string' },
    outcome: { type: 'string' },
  },
  positionals: [0, 0],
  async run(context) {
    const { values } = context;
    // Checked before opening the database, so a typo never creates a data directory.
    const limit = parseLimit(values.limit);
    const principal = parseUser(values.user);
    const outcome = parseOutcome(values.outcome);
    const databases = await openRuntime(context);
    const entries = await listAuditEntries(databases.application, { limit, principal, outcome });
    const filtered = principal !== undefined || outcome !== undefined;
    const text =
      entries.length > 0
        ? formatEntries(entries).join('\n')
        : filtered
          ? 'No audit entries match these filters.'
          : 'No audit entries yet.';
    return { json: { entries }, text };
  },
};
