/** A failed tool call, as the conversation shows it. */
export interface ToolFailureForAnswer {
  code: string;
  message: string;
  suggestions: string[];
  allowed: string[];
}

const plainReasons: Record<string, string> = {
  not_permitted: 'your access does not include the data this needs',
  aggregate_required:
    'your access only allows totals over large enough groups of patients, and this request does not fit that rule',
  statement_not_allowed: 'Hale only reads data; it never runs that kind of request',
  unknown_name: 'something it names does not exist in the warehouse',
  invalid_metric_query: 'the question did not translate into a query the semantic layer accepts',
  invalid_input: 'the request was incomplete',
  timeout: 'the query took too long and was stopped',
  too_large: 'the result would be too large',
  cancelled: 'the request was cancelled',
  query_failed: 'the warehouse could not compute it',
  unknown_tool: 'that tool does not exist',
  execution_denied: 'the call was not allowed to run',
};

const nextSteps: Record<string, string> = {
  not_permitted: 'Ask about data your role covers instead',
  aggregate_required: 'Ask for a simpler total, over a larger group or a longer period',
  timeout: 'Try a shorter period or add a filter',
  too_large: 'Try a shorter period, fewer groupings or a filter',
};

/**
 * Explains a failed tool call in plain words for a non-technical reader: what happened (from its
 * stable code), the tool's own message, and what they can ask instead (its suggestions and allowed
 * names, then `alternatives`). The same call is never retried.
 */
export function explainToolError({
  tool,
  failure,
  alternatives = [],
}: {
  tool: string;
  failure: ToolFailureForAnswer;
  /** What to suggest when the failure suggests nothing, e.g. sample questions the user may ask. */
  alternatives?: string[];
}): string {
  const reason = plainReasons[failure.code] ?? 'the request failed';
  const lines = [
    `I could not answer this: ${reason}.`,
    '',
    `Details from ${tool}: ${failure.message.replace(/\s+/g, ' ').trim()}`,
  ];
  const close = failure.suggestions.slice(0, 5);
  if (close.length > 0) lines.push('', `Did you mean: ${close.map((name) => `\`${name}\``).join(', ')}?`);
  const allowed = failure.allowed.slice(0, 12);
  if (allowed.length > 0)
    lines.push('', `What you can use: ${allowed.map((name) => `\`${name}\``).join(', ')}.`);
  const step = nextSteps[failure.code];
  if (alternatives.length > 0)
    lines.push(
      '',
      `${step ?? 'You could ask instead'}, for example:`,
      ...alternatives.slice(0, 3).map((text) => `- ${text}`),
    );
  else if (step) lines.push('', `${step}.`);
  return lines.join('\n');
}
