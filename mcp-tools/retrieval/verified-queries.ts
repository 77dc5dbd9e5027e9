import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { type MetricQuery, metricQuerySchema } from '../../semantic-layer/index.js';
import { RetrievalError } from './retrieval-error.js';
import { everyRole, type SourceDocument } from './source-document.js';

/** A question the data team checked, and the metric query that answers it. */
export interface VerifiedQuery {
  /** Stable, kebab-case: the document key is `verified:<id>`. */
  id: string;
  question: string;
  /** Exactly what `query_metrics` takes, as validated by the semantic layer's schema. */
  metricQuery: MetricQuery;
  notes?: string;
}

const nonEmptyText = z
  .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be text') })
  .trim()
  .min(1, 'must not be empty');

// The file's keys are snake_case like the semantic layer's YAML and the metric query itself.
const verifiedQueryEntrySchema = z.strictObject({
  id: nonEmptyText.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens'),
  question: nonEmptyText,
  metric_query: metricQuerySchema,
  notes: nonEmptyText.optional(),
});

const verifiedQueriesFileSchema = z.strictObject({
  verified_queries: z.array(z.unknown(), { error: 'must be a list of entries' }),
});

type PathSegment = string | number;

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index > 0 ? '.' : ''}${String(segment)}`,
    )
    .join('');
}

/**
 * Parses and validates a verified-queries file (pure: the caller reads it): a `verified_queries` list
 * of `{id, question, metric_query, notes?}`, where `metric_query` has the shape `query_metrics`
 * accepts. Whether its metrics and dimensions exist is the semantic layer's check, not this one's.
 * Every problem is reported at once, each naming the file, the line and the entry (by id when it has
 * one), in a `RetrievalError('invalid_document')`: a verified query that silently dropped out would
 * stop steering the model without anyone noticing.
 */
export function parseVerifiedQueries(text: string, file: string): VerifiedQuery[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [syntaxError] = document.errors;
  if (syntaxError)
    throw new RetrievalError(
      'invalid_document',
      `${file}:${lineCounter.linePos(syntaxError.pos[0]).line}: not valid YAML: ${syntaxError.message}`,
      { cause: syntaxError },
    );
  const lineOf = (path: readonly PathSegment[]) => {
    for (let length = path.length; length >= 0; length--) {
      const node = document.getIn(path.slice(0, length), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };

  const shape = verifiedQueriesFileSchema.safeParse(document.toJS() ?? {});
  if (!shape.success) {
    const problems = shape.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.join(', ')} (the file holds one key, verified_queries)`
        : issue.path.length === 0
          ? 'must be a mapping with the key verified_queries'
          : `${formatPath(issue.path)} ${issue.message}`,
    );
    throw new RetrievalError('invalid_document', `${file}: ${problems.join('; ')}`, { cause: shape.error });
  }

  const problems: string[] = [];
  const queries: VerifiedQuery[] = [];
  const firstIndexOfId = new Map<string, number>();
  shape.data.verified_queries.forEach((entry, index) => {
    const id = (entry as { id?: unknown } | null)?.id;
    const name =
      typeof id === 'string' && id.trim() ? `entry ${index + 1} (id "${id}")` : `entry ${index + 1}`;
    const parsed = verifiedQueryEntrySchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
        const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        const message = unknownKeys.length ? `unknown key ${unknownKeys.join(', ')}` : issue.message;
        // An unknown key is reported on its own line, not on the line of the mapping that holds it.
        const line = lineOf(['verified_queries', index, ...where, ...unknownKeys.slice(0, 1)]);
        problems.push(`${file}:${line}: ${name}: ${where.length ? `${formatPath(where)} ` : ''}${message}`);
      }
      return;
    }
    const { id: validId, question, metric_query, notes } = parsed.data;
    const earlier = firstIndexOfId.get(validId);
    if (earlier !== undefined) {
      problems.push(
        `${file}:${lineOf(['verified_queries', index, 'id'])}: ${name}: the id is already used by entry ${earlier + 1}`,
      );
      return;
    }
    firstIndexOfId.set(validId, index);
    queries.push({ id: validId, question, metricQuery: metric_query, ...(notes ? { notes } : {}) });
  });
  if (problems.length > 0)
    throw new RetrievalError(
      'invalid_document',
      `${file}: invalid verified ${problems.length === 1 ? 'query' : 'queries'}:\n${problems.join('\n')}`,
    );
  return queries;
}

/**
 * The query as JSON the way someone would write it: one key per line, each value on one line, and
 * the keys left at their defaults (empty lists) omitted.
 */
function writtenQueryJson(query: MetricQuery): string {
  const entries = Object.entries(query).filter(
    ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
  );
  return `{\n${entries.map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(',\n')}\n}`;
}

/**
 * One document per verified query: the question as title and heading, the metric query as the JSON
 * `query_metrics` takes, and the notes, in one section so that the chunk a search finds holds the
 * question and its answer together. Readable by the roles `rolesOfMetrics` gives for its metrics
 * (those who may read every metric's own document: a question must not reveal a metric its reader
 * cannot see); every role when not given. A query without readers is left out. `file` is the file
 * name shown as the source (relative, e.g. `docs/knowledge/verified-queries.yml`).
 */
export function verifiedQueryDocuments(
  queries: readonly VerifiedQuery[],
  file: string,
  rolesOfMetrics: (metrics: readonly string[]) => string[] = () => [everyRole],
): SourceDocument[] {
  return queries
    .map(
      (query): SourceDocument => ({
        key: `verified:${query.id}`,
        sourceType: 'verified_query',
        title: query.question,
        content: [
          `# ${query.question}`,
          `A verified question: the data team checked that this metric query (${query.metricQuery.metrics.map((metric) => `\`${metric}\``).join(', ')}) answers it. Pass it to \`query_metrics\`, adapting the filters and the period to the question asked.`,
          `\`\`\`json\n${writtenQueryJson(query.metricQuery)}\n\`\`\``,
          query.notes ?? '',
        ]
          .filter(Boolean)
          .join('\n\n'),
        tags: ['verified-query', ...query.metricQuery.metrics],
        allowedRoles: rolesOfMetrics(query.metricQuery.metrics),
        source: `verified queries: ${file}`,
      }),
    )
    .filter((document) => document.allowedRoles.length > 0);
}
