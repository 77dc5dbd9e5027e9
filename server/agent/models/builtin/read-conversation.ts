import type { LanguageModelV3Prompt, LanguageModelV3ToolResultOutput } from '@ai-sdk/provider';

/** A tool result as the built-in model reads it, whatever shape the adapter gave it. */
export type ReadToolResult =
  | { ok: true; content: Record<string, unknown> | undefined; text: string }
  | {
      ok: false;
      error: { code: string; message: string; suggestions: string[]; allowed: string[] };
      text: string;
    };

/** One tool call of the conversation and, once it ran, its result. */
export interface ToolExchange {
  toolCallId: string;
  toolName: string;
  input: Record<string, unknown>;
  result?: ReadToolResult;
}

/** A user message and what followed it: tool calls, results and the assistant's text. */
export interface ConversationTurn {
  question: string;
  exchanges: ToolExchange[];
  answer: string;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

function parseInput(input: unknown): Record<string, unknown> {
  if (typeof input !== 'string') return asRecord(input);
  try {
    return asRecord(JSON.parse(input));
  } catch {
    return {};
  }
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** Hale's `ToolResult` ({isError, structuredContent | error, text}) or anything else a model may get. */
export function readToolResult(output: LanguageModelV3ToolResultOutput): ReadToolResult {
  switch (output.type) {
    case 'json': {
      const value = asRecord(output.value);
      if (value.isError === true) {
        const error = asRecord(value.error);
        return {
          ok: false,
          error: {
            code: typeof error.code === 'string' ? error.code : 'error',
            message: typeof error.message === 'string' ? error.message : String(value.text ?? ''),
            suggestions: strings(error.suggestions),
            allowed: strings(error.allowed),
          },
          text: typeof value.text === 'string' ? value.text : '',
        };
      }
      if (value.isError === false && 'structuredContent' in value)
        return {
          ok: true,
          content: asRecord(value.structuredContent),
          text: typeof value.text === 'string' ? value.text : '',
        };
      return { ok: true, content: value, text: JSON.stringify(output.value) };
    }
    case 'text':
      return { ok: true, content: undefined, text: output.value };
    case 'error-text':
      return {
        ok: false,
        error: { code: 'error', message: output.value, suggestions: [], allowed: [] },
        text: output.value,
      };
    case 'error-json':
      return {
        ok: false,
        error: { code: 'error', message: JSON.stringify(output.value), suggestions: [], allowed: [] },
        text: JSON.stringify(output.value),
      };
    case 'execution-denied':
      return {
        ok: false,
        error: {
          code: 'execution_denied',
          message: output.reason ?? 'the call was not allowed to run',
          suggestions: [],
          allowed: [],
        },
        text: output.reason ?? '',
      };
    case 'content': {
      const text = output.value.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
      return { ok: true, content: undefined, text };
    }
  }
}

/**
 * Splits the prompt into turns: each user message starts one, and the assistant's tool calls, the
 * tool results and the assistant's text that follow belong to it. The system message is not read:
 * the built-in model's behaviour comes from its code, never from text.
 */
export function readConversation(prompt: LanguageModelV3Prompt): ConversationTurn[] {
  const turns: ConversationTurn[] = [];
  const byId = new Map<string, ToolExchange>();
  let current: ConversationTurn | undefined;
  for (const message of prompt) {
    if (message.role === 'system') continue;
    if (message.role === 'user') {
      const question = message.content
        .map((part) => (part.type === 'text' ? part.text : ''))
        .join('\n')
        .trim();
      current = { question, exchanges: [], answer: '' };
      turns.push(current);
      continue;
    }
    if (!current) {
      current = { question: '', exchanges: [], answer: '' };
      turns.push(current);
    }
    for (const part of message.content) {
      if (part.type === 'text') current.answer = `${current.answer}${part.text}`;
      else if (part.type === 'tool-call') {
        const exchange = {
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          input: parseInput(part.input),
        };
        byId.set(part.toolCallId, exchange);
        current.exchanges.push(exchange);
      } else if (part.type === 'tool-result') {
        const exchange = byId.get(part.toolCallId);
        if (exchange) exchange.result = readToolResult(part.output);
      }
    }
  }
  return turns;
}
