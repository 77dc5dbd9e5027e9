import type { ConversationTurn, ReadToolResult, ToolExchange } from './read-conversation.js';
import type { Step, StepContext } from './step-context.js';

/** Keys sorted, so two equal inputs compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** Thrown to stop a step at a call not made yet (or a call that cannot be made). */
export class PendingStep {
  constructor(readonly step: Step) {}
}

/** A tool call as a step asks for it. */
export interface ToolRequest {
  toolName: string;
  input: Record<string, unknown>;
}

/**
 * One turn's calls: `call` returns the results of calls already made in this turn, or stops the step
 * to make the missing ones, together (in parallel). A call is made at most once per turn, so a
 * failure is explained, never retried.
 */
export function turnCalls(context: StepContext, turn: ConversationTurn) {
  const made = (request: ToolRequest) => {
    const key = canonical(request.input);
    return turn.exchanges.find(
      (exchange: ToolExchange) => exchange.toolName === request.toolName && canonical(exchange.input) === key,
    );
  };
  const callAll = (requests: readonly ToolRequest[]): ReadToolResult[] => {
    const unavailable = requests.find((request) => !made(request) && !context.tools.has(request.toolName));
    if (unavailable)
      throw new PendingStep({
        kind: 'text',
        text: `I would need the ${unavailable.toolName} tool for this, and it is not available here, so I cannot answer it.`,
      });
    const missing = requests.filter((request) => !made(request));
    if (missing.length > 0) throw new PendingStep({ kind: 'tool-calls', calls: missing });
    return requests.map((request) => {
      const result = made(request)?.result;
      if (!result)
        throw new PendingStep({
          kind: 'text',
          text: `The ${request.toolName} call did not return a result, so I cannot answer.`,
        });
      return result;
    });
  };
  const call = (toolName: string, input: Record<string, unknown>): ReadToolResult =>
    callAll([{ toolName, input }])[0] as ReadToolResult;
  return Object.assign(call, { all: callAll });
}

/** Returns a call's result in this turn, or stops the step to make the call; `.all` for several at once. */
export type TurnCall = ReturnType<typeof turnCalls>;
