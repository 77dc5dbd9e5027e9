import type { HaleMessage, ToolResult } from '../api/hale-types.js';

/** One tool call of an answer, as its UI message part holds it. */
export interface ToolCallView {
  toolCallId: string;
  tool: string;
  state: 'running' | 'done' | 'failed';
  input: unknown;
  result?: ToolResult;
  /** The call threw outside Hale's tool contract (rare: the registry turns errors into results). */
  errorText?: string;
}

function isToolResult(value: unknown): value is ToolResult {
  return typeof value === 'object' && value !== null && 'isError' in value;
}

/** The tool calls of a message, in order. */
export function toolCallsOf(message: HaleMessage): ToolCallView[] {
  const calls: ToolCallView[] = [];
  for (const part of message.parts) {
    const isStatic = part.type.startsWith('tool-');
    if (!isStatic && part.type !== 'dynamic-tool') continue;
    const call = part as {
      type: string;
      toolName?: string;
      toolCallId: string;
      state: string;
      input?: unknown;
      output?: unknown;
      errorText?: string;
    };
    const tool = isStatic ? call.type.slice('tool-'.length) : (call.toolName ?? 'tool');
    const result = isToolResult(call.output) ? call.output : undefined;
    calls.push({
      toolCallId: call.toolCallId,
      tool,
      input: call.input,
      state:
        call.state === 'output-error' || result?.isError
          ? 'failed'
          : call.state === 'output-available'
            ? 'done'
            : 'running',
      ...(result ? { result } : {}),
      ...(call.errorText ? { errorText: call.errorText } : {}),
    });
  }
  return calls;
}

const toolTitles: Record<string, string> = {
  query_metrics: 'Computed metrics',
  run_sql: 'Ran a governed SQL query',
  list_metrics: 'Looked up the metric catalog',
  get_dimensions: 'Looked up how a metric can be grouped',
  get_dimension_values: 'Looked up dimension values',
  compile_metrics_sql: 'Compiled a metric query',
  list_tables: 'Listed the tables',
  describe_table: 'Read a table description',
  whoami: 'Checked your access',
};

/** A tool's name in words ("Computed metrics"), else its own name. */
export function toolTitle(tool: string): string {
  return toolTitles[tool] ?? tool.replaceAll('_', ' ');
}
