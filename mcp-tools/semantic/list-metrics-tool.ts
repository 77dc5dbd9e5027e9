import { z } from 'zod';
import { searchMetrics } from '../../semantic-layer/index.js';
import { defineTool, readOnlyToolAnnotations } from '../tools/tool-definition.js';
import { metricAccessFor } from './metric-availability.js';

const listedMetric = z.object({
  name: z.string(),
  label: z.string().optional(),
  type: z.enum(['simple', 'ratio', 'derived', 'cumulative']),
  description: z.string().optional(),
  synonyms: z.array(z.string()),
  sampleQuestions: z.array(z.string()),
  access: z
    .enum(['rows', 'aggregate'])
    .describe('aggregate: small groups of patients are hidden in results.'),
});

/** `list_metrics`: the metrics the data team defined, searchable by name and synonym. */
export const listMetricsTool = defineTool({
  name: 'list_metrics',
  title: 'List metrics',
  description:
    'Lists the metrics of Hale\'s semantic layer that the current user may query: the data team\'s agreed definitions (appointments, cancellation_rate, no_show_rate, patients_with_condition …) with descriptions, synonyms and sample questions. Prefer a metric over hand-written SQL whenever one fits the question. Search in English or French by name or synonym (`search: "no-show"`, `"annulations"`); then call get_dimensions for how to slice it and query_metrics to get numbers.',
  inputSchema: z
    .object({
      search: z
        .string()
        .max(200)
        .optional()
        .describe('Words to look for in names, synonyms, descriptions and sample questions.'),
      limit: z.number().int().min(1).max(200).optional().describe('Metrics to return at most (default 50).'),
    })
    .strict(),
  outputSchema: z.object({
    metrics: z.array(listedMetric),
    count: z.number().int(),
    unavailable: z.number().int().describe('Matching metrics over data the current user may not query.'),
  }),
  annotations: readOnlyToolAnnotations,
  async execute({ search, limit }, { principal, ports }) {
    const accessOf = metricAccessFor(ports.semanticLayer, ports.warehouse, principal);
    const matches = searchMetrics(ports.semanticLayer, search);
    const usable = matches.flatMap((metric) => {
      const access = accessOf(metric.name);
      if (access === 'none') return [];
      return [
        {
          name: metric.name,
          ...(metric.label ? { label: metric.label } : {}),
          type: metric.type,
          ...(metric.description ? { description: metric.description } : {}),
          synonyms: metric.synonyms ?? [],
          sampleQuestions: metric.sample_questions ?? [],
          access,
        },
      ];
    });
    const metrics = usable.slice(0, limit ?? 50);
    return { metrics, count: metrics.length, unavailable: matches.length - usable.length };
  },
  renderText({ metrics, count, unavailable }) {
    const hidden = unavailable > 0 ? ` (${unavailable} more over data you may not query)` : '';
    if (count === 0) return `No metric matches${hidden}. Try other words, or list_tables and run_sql.`;
    const lines = metrics.map(
      (metric) =>
        `${metric.name}${metric.label ? ` (${metric.label})` : ''}: ${metric.description ?? ''}${metric.synonyms.length > 0 ? ` Also: ${metric.synonyms.join(', ')}.` : ''}${metric.access === 'aggregate' ? ' [small groups hidden]' : ''}`,
    );
    return `${count} metric${count === 1 ? '' : 's'}${hidden}:\n${lines.join('\n')}`;
  },
});
