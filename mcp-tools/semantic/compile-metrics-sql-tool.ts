import { z } from 'zod';
import { compileMetricQuery, formatMetricSql, metricQuerySchema } from '../../semantic-layer/index.js';
import { defineTool, readOnlyToolAnnotations } from '../tools/tool-definition.js';
import { compileOrExplain } from './metric-query-failure.js';
import { compiledColumnSchema } from './query-metrics-tool.js';

/** `compile_metrics_sql`: the SQL a metric query compiles to, without running it. */
export const compileMetricsSqlTool = defineTool({
  name: 'compile_metrics_sql',
  title: 'Compile metrics to SQL',
  description:
    'Shows the PostgreSQL a metric query (same input as query_metrics) compiles to, formatted, with its $n parameters and output columns, without running it. Use it to explain how a number is computed or to start a hand-written query; when run, the SQL still goes through the governance gate.',
  inputSchema: metricQuerySchema,
  outputSchema: z.object({
    sql: z.string(),
    parameters: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
    columns: z.array(compiledColumnSchema),
  }),
  annotations: readOnlyToolAnnotations,
  async execute(query, { ports }) {
    const compiled = compileOrExplain(() => compileMetricQuery(ports.semanticLayer, query));
    return { sql: formatMetricSql(compiled.sql), parameters: compiled.parameters, columns: compiled.columns };
  },
  renderText({ sql, parameters }) {
    const bound = parameters.map((value, index) => `$${index + 1} = ${JSON.stringify(value)}`).join(', ');
    return `${sql}${bound ? `\n-- parameters: ${bound}` : ''}`;
  },
});
