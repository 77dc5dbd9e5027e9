import {
  compileMetricQuery,
  dimensionsForMetrics,
  formatMetricSql,
  type Metric,
  modelsOfMetric,
  type SemanticLayer,
} from '../../semantic-layer/index.js';
import type { SourceDocument } from './source-document.js';

/** An input of a metric in words: `no_shows`, or `appointments (where status IN …)`. */
function inputText(input: string | { name: string; filter?: string | string[] } | undefined): string {
  if (input === undefined) return '';
  if (typeof input === 'string') return `\`${input}\``;
  const filters = input.filter === undefined ? [] : [input.filter].flat();
  return `\`${input.name}\`${filters.length ? ` (only where ${filters.join(' and ')})` : ''}`;
}

/** How the metric is computed, in words, from its type and parameters. */
function definitionLines(metric: Metric): string[] {
  const params = metric.type_params;
  const lines: string[] = [];
  if (metric.type === 'simple') lines.push(`Simple metric over the measure ${inputText(params.measure)}.`);
  if (metric.type === 'ratio')
    lines.push(
      `Ratio: ${inputText(params.numerator)} divided by ${inputText(params.denominator)}, computed per group after aggregating both.`,
    );
  if (metric.type === 'derived')
    lines.push(
      `Derived: \`${params.expr}\` over ${(params.metrics ?? []).map((input) => inputText(input)).join(', ')}.`,
    );
  if (metric.type === 'cumulative') {
    const window = params.window ?? params.cumulative_type_params?.window;
    const grain = params.grain_to_date ?? params.cumulative_type_params?.grain_to_date;
    lines.push(
      `Cumulative: the running total of ${inputText(params.measure)}${window ? ` over a window of ${typeof window === 'string' ? window : JSON.stringify(window)}` : grain ? ` since the start of each ${grain}` : ' since the beginning of the data'}.`,
    );
  }
  const filters = metric.filter === undefined ? [] : [metric.filter].flat();
  if (filters.length) lines.push(`Only rows where ${filters.join(' and ')}.`);
  return lines;
}

/**
 * One document per metric of the semantic layer: what it measures, how it is computed (in words and
 * as the SQL the layer generates for it alone), the tables it reads, its dimensions, the other names
 * people use for it and the questions it answers. Readable by the roles that may query every table
 * the metric reads (`rolesOfTables`).
 */
export function metricDocuments(
  layer: SemanticLayer,
  rolesOfRelations: (relations: readonly string[]) => string[],
): SourceDocument[] {
  const documents: SourceDocument[] = [];
  for (const metric of layer.metrics.values()) {
    const label = metric.label ?? metric.name;
    const relations = [...new Set(modelsOfMetric(layer, metric.name).map((node) => node.relation))];
    const dimensions = dimensionsForMetrics(layer, [metric.name]);
    let sql: string | undefined;
    try {
      sql = formatMetricSql(compileMetricQuery(layer, { metrics: [metric.name] }).sql);
    } catch {
      // A metric that needs a time dimension to compile (cumulative windows) is described in words only.
    }
    // One chunk says what the metric is (definition, other names, questions, dimension names); the
    // SQL is a second. Finer sections would flood results with near-identical pieces of every metric.
    const sections = [
      `# ${label} (\`${metric.name}\`)`,
      [
        metric.description ?? '',
        `**Definition.** ${definitionLines(metric).join(' ')} Reads ${relations.map((relation) => `\`${relation}\``).join(', ')}.`,
        metric.synonyms?.length ? `**Also called:** ${metric.synonyms.join(', ')}.` : '',
        metric.sample_questions?.length
          ? `**Answers questions like:** ${metric.sample_questions.join(' ')}`
          : '',
        dimensions.length
          ? `**Dimensions:** ${dimensions.map((dimension) => `\`${dimension.name}\`${dimension.label ? ` (${dimension.label})` : ''}`).join(', ')}.`
          : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      sql ? `## SQL semantics\n\n\`\`\`sql\n${sql}\n\`\`\`` : '',
    ];
    documents.push({
      key: `metric:${metric.name}`,
      sourceType: 'metric',
      title: `Metric: ${label}`,
      content: sections.filter(Boolean).join('\n\n'),
      tags: ['metric', metric.type, ...relations],
      allowedRoles: rolesOfRelations(relations),
      source: 'semantic layer',
    });
  }
  return documents;
}
