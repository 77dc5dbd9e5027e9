import type { StepResult, ToolSet } from 'ai';
import type { ChatMessage } from './chat-message.js';
import type { GroundingVerdict } from './grounding/index.js';

/** The text of a message's text parts. */
export function textOfParts(parts: ChatMessage['parts']): string {
  return parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** Tool calls and results of earlier answers: a follow-up may restate their numbers. */
export function earlierToolCalls(
  history: readonly ChatMessage[],
): { tool: string; input: unknown; output: unknown }[] {
  const calls: { tool: string; input: unknown; output: unknown }[] = [];
  for (const message of history) {
    for (const part of message.parts) {
      if (!part.type.startsWith('tool-')) continue;
      const toolPart = part as { type: string; state?: string; input?: unknown; output?: unknown };
      if (toolPart.state === 'output-available')
        calls.push({ tool: part.type.slice('tool-'.length), input: toolPart.input, output: toolPart.output });
    }
  }
  return calls;
}

/**
 * The parts of the stored answer, rebuilt from the finished steps (so the answer is stored whether
 * or not anyone read the stream), then any closing text Hale added, then the grounding verdict.
 */
export function answerParts(
  steps: readonly StepResult<ToolSet>[],
  grounding: GroundingVerdict,
  closingText: string | undefined,
): ChatMessage['parts'] {
  const parts: ChatMessage['parts'] = [];
  for (const step of steps) {
    parts.push({ type: 'step-start' });
    for (const content of step.content) {
      if (content.type === 'text' && content.text)
        parts.push({ type: 'text', text: content.text, state: 'done' });
      if (content.type === 'tool-result')
        parts.push({
          type: `tool-${content.toolName}`,
          toolCallId: content.toolCallId,
          state: 'output-available',
          input: content.input,
          output: content.output,
        } as ChatMessage['parts'][number]);
      if (content.type === 'tool-error')
        parts.push({
          type: `tool-${content.toolName}`,
          toolCallId: content.toolCallId,
          state: 'output-error',
          input: content.input,
          errorText: String(content.error instanceof Error ? content.error.message : content.error),
        } as ChatMessage['parts'][number]);
    }
  }
  if (closingText) parts.push({ type: 'text', text: closingText, state: 'done' });
  parts.push({ type: 'data-grounding', data: grounding });
  return parts;
}
