import { searchMetrics } from '../../../../semantic-layer/index.js';
import type { LinkingTables } from './build-linking-tables.js';

interface ListedMetric {
  name: string;
  label?: string;
  description?: string;
  access: 'rows' | 'aggregate';
}

const listedOf = (content: Record<string, unknown>) =>
  (Array.isArray(content.metrics) ? content.metrics : []) as ListedMetric[];

const line = (metric: ListedMetric) =>
  `- **${metric.label ?? metric.name}** (\`${metric.name}\`)${metric.description ? `: ${metric.description}` : ''}`;

/** Answers "which metrics are there?" from list_metrics: what the user may query, by domain. */
export function writeMetricListAnswer(content: Record<string, unknown>): string {
  const metrics = listedOf(content);
  if (metrics.length === 0) return 'No metric is available to you.';
  const lines = [`You may query ${metrics.length} metrics:`, ''];
  for (const metric of metrics.slice(0, 40)) lines.push(line(metric));
  if (content.unavailable && typeof content.unavailable === 'number' && content.unavailable > 0)
    lines.push('', `${content.unavailable} more are defined over data your role may not query.`);
  return lines.join('\n');
}

/** Metrics suggested first when nothing in the question is closer. */
const defaultSuggestions = [
  'appointments',
  'no_show_rate',
  'cancellation_rate',
  'patients_with_condition',
  'visits',
];

/**
 * Answers a question no metric matches: says so plainly and suggests two or three related metrics
 * the user may query (from list_metrics), closest to the question's words first.
 */
export function writeNoMetricAnswer({
  tables,
  words,
  content,
  lead,
}: {
  tables: LinkingTables;
  words: string[];
  content: Record<string, unknown>;
  /** The first sentence, when something more precise than "no metric matches" is known. */
  lead?: string;
}): string {
  const available = new Map(listedOf(content).map((metric) => [metric.name, metric]));
  // Metrics close to the words nothing matched, else the usual first questions.
  const related = [
    ...(words.length > 0 ? searchMetrics(tables.layer, words.join(' ')).map((metric) => metric.name) : []),
    ...defaultSuggestions,
  ].filter((name, position, names) => available.has(name) && names.indexOf(name) === position);
  const suggestions = related.slice(0, 3).flatMap((name) => available.get(name) ?? []);
  const about = words.length > 0 ? ` about ${words.map((word) => `"${word}"`).join(', ')}` : '';
  const lines = [
    lead ??
      `I cannot answer that from the data: no metric in the semantic layer measures what you asked${about}, and I will not guess a number.`,
  ];
  if (suggestions.length > 0) lines.push('', 'Related metrics you can ask about:', ...suggestions.map(line));
  lines.push('', 'Ask "which metrics are there?" for the full list.');
  return lines.join('\n');
}
