import { loadSemanticLayer } from '../../mcp-tools/semantic/index.js';
import { formatResultTable } from '../../mcp-tools/tools/index.js';
import { savedQueryToMetricQuery } from '../../semantic-layer/index.js';
import { type Command, UsageError } from './command.js';
import { runCliTool } from './run-cli-tool.js';

const usage = `hale query --as USER --metrics M[,M…] [--group-by G[,G…]] [--where FILTER]… [--order-by O[,O…]]
           [--limit N] [--start DATE] [--end DATE] [--saved-query NAME] [--compile] [--json]
  Computes metrics of the semantic layer as USER, through the governance gate (the query_metrics tool).
  --metrics M,…        metric names (e.g. cancellations,cancellation_rate)
  --group-by G,…       metric_time__month, practice__region, appointment__channel …
  --where FILTER       repeatable; a MetricFlow filter such as "{{ Dimension('practice__city') }} = 'Lyon'"
                       or a JSON structured filter {"dimension": "practice__region", "operator": "in", "values": […]}
  --order-by O,…       output columns; "name desc" or --order-by=-name for descending
  --limit N            rows at most
  --start DATE         earliest metric time, inclusive (2025-01-01)
  --end DATE           latest metric time, exclusive (2025-02-01)
  --saved-query NAME   start from a saved query of the semantic models (flags add to it)
  --compile            print the compiled SQL and its parameters without running it
  --semantic-models D  the semantic models directory (env HALE_SEMANTIC_MODELS; default: the bundled models)
  --policies FILE      the policy file (env HALE_POLICIES; default: the bundled demo policy)`;

function list(value: string | boolean | undefined): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : [];
}

function parseFilter(text: string): unknown {
  // A structured filter is a JSON object; a MetricFlow filter string starts with {{ or a value.
  if (!text.trim().startsWith('{') || text.trim().startsWith('{{')) return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--where ${JSON.stringify(text)} is not valid JSON: ${(error as Error).message}`,
      usage,
    );
  }
}

export const queryCommand: Command = {
  name: 'query',
  summary: 'compute metrics of the semantic layer as a principal (hale query --as USER --metrics …)',
  usage,
  options: {
    as: { type: 'string' },
    metrics: { type: 'string' },
    'group-by': { type: 'string' },
    where: { type: 'string', multiple: true },
    'order-by': { type: 'string' },
    limit: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    'saved-query': { type: 'string' },
    compile: { type: 'boolean' },
    'semantic-models': { type: 'string' },
    policies: { type: 'string' },
  },
  positionals: [0, 0],
  async run(context) {
    const { values } = context;
    const user = values.as;
    if (typeof user !== 'string' || user === '')
      throw new UsageError('--as USER is required: whose access applies', usage);
    const layer = await loadSemanticLayer(context.config.semanticModels);
    const savedName = values['saved-query'];
    let base: Record<string, unknown> = {};
    if (typeof savedName === 'string') {
      const saved = layer.manifest.savedQueries.find((query) => query.name === savedName);
      if (!saved)
        throw new UsageError(
          `no saved query ${JSON.stringify(savedName)}; the semantic models define: ${layer.manifest.savedQueries.map((query) => query.name).join(', ')}`,
          usage,
        );
      base = savedQueryToMetricQuery(saved);
    }
    const metrics = [...((base.metrics as string[] | undefined) ?? []), ...list(values.metrics)];
    if (metrics.length === 0) throw new UsageError('--metrics (or --saved-query) is required', usage);
    const limitText = values.limit;
    const limit = typeof limitText === 'string' ? Number(limitText) : (base.limit as number | undefined);
    if (typeof limitText === 'string' && !/^\d+$/.test(limitText))
      throw new UsageError(
        `--limit must be a positive whole number, got ${JSON.stringify(limitText)}`,
        usage,
      );
    const whereValues = (values.where as unknown as string[] | undefined) ?? [];
    const input = {
      metrics,
      group_by: [...((base.group_by as string[] | undefined) ?? []), ...list(values['group-by'])],
      where: [...((base.where as unknown[] | undefined) ?? []), ...whereValues.map(parseFilter)],
      order_by: [...((base.order_by as string[] | undefined) ?? []), ...list(values['order-by'])],
      ...(limit !== undefined ? { limit } : {}),
      ...(typeof values.start === 'string' ? { start: values.start } : {}),
      ...(typeof values.end === 'string' ? { end: values.end } : {}),
    };

    const tool = values.compile === true ? 'compile_metrics_sql' : 'query_metrics';
    const result = await runCliTool({ command: 'query', context, user, tool, input, semanticLayer: layer });
    if ('failure' in result) return result.failure;
    const { output } = result;
    if (tool === 'compile_metrics_sql') return { json: output, text: result.text };
    const columns = (output.columns as { name: string }[]).map((column) => ({ name: column.name }));
    const rows = output.rows as Record<string, unknown>[];
    const notes = [
      `(${rows.length.toLocaleString('en')} row${rows.length === 1 ? '' : 's'}${output.truncated ? ', truncated by the row cap' : ''})`,
    ];
    const suppression = output.suppression as
      | { smallGroups: number; complementaryGroups: number; minimumCellSize: number }
      | undefined;
    if (suppression && suppression.smallGroups + suppression.complementaryGroups > 0)
      notes.push(
        `${suppression.smallGroups + suppression.complementaryGroups} groups with fewer than ${suppression.minimumCellSize} patients hidden`,
      );
    for (const policy of output.policies as string[]) notes.push(`policy: ${policy}`);
    return {
      json: { status: 'ok', ...output },
      text: [formatResultTable({ columns, rows }), ...notes, '', String(output.sql)].join('\n'),
    };
  },
};
