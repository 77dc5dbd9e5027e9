import { z } from 'zod';
import { closestNames, dimensionsForMetrics } from '../../semantic-layer/index.js';
import { defineTool, readOnlyToolAnnotations } from '../tools/tool-definition.js';
import { ToolError } from '../tools/tool-error.js';

/** `get_dimensions`: what the given metrics can be grouped and filtered by. */
export const getDimensionsTool = defineTool({
  name: 'get_dimensions',
  title: 'Get dimensions of metrics',
  description:
    'Lists the dimensions that all the given metrics can be grouped and filtered by, with their exact names for query_metrics: `metric_time` (with grains day, week, month, quarter, year: `metric_time__month`), categorical dimensions named `entity__dimension` (`practice__region`, `appointment__channel`, `practitioner__specialty__specialty_name`), time dimensions and entities. Call get_dimension_values to see the values a dimension takes.',
  inputSchema: z
    .object({
      metrics: z.array(z.string().min(1).max(200)).min(1).max(20).describe('Metric names from list_metrics.'),
    })
    .strict(),
  outputSchema: z.object({
    dimensions: z.array(
      z.object({
        name: z.string(),
        kind: z.enum(['time', 'categorical', 'entity']),
        model: z.string(),
        granularities: z.array(z.string()).optional(),
        label: z.string().optional(),
        description: z.string().optional(),
        synonyms: z.array(z.string()).optional(),
      }),
    ),
  }),
  annotations: readOnlyToolAnnotations,
  async execute({ metrics }, { ports }) {
    const layer = ports.semanticLayer;
    const unknown = metrics.filter((metric) => !layer.metrics.has(metric.trim().toLowerCase()));
    if (unknown.length > 0)
      throw new ToolError(
        'invalid_metric_query',
        `unknown metric${unknown.length === 1 ? '' : 's'} ${unknown.map((name) => `"${name}"`).join(', ')}`,
        {
          suggestions: unknown.flatMap((name) => closestNames(name.toLowerCase(), layer.metrics.keys())),
        },
      );
    return {
      dimensions: dimensionsForMetrics(
        layer,
        metrics.map((metric) => metric.trim().toLowerCase()),
      ),
    };
  },
  renderText({ dimensions }) {
    if (dimensions.length === 0) return 'These metrics share no dimension; query them separately.';
    return dimensions
      .map(
        (dimension) =>
          `${dimension.name} (${dimension.kind}${dimension.granularities ? `: ${dimension.granularities.join(', ')}` : ''})${dimension.description ? ` — ${dimension.description}` : dimension.label ? ` — ${dimension.label}` : ''}`,
      )
      .join('\n');
  },
});
