import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { UIMessageChunk } from 'ai';
import type { Principal, QueryChannel } from '../../mcp-tools/governance/index.js';
import type { ToolResult } from '../../mcp-tools/tools/index.js';
import type { ToolOutputForModel } from './create-agent-tools.js';
import type { GroundingVerdict } from './grounding/index.js';

/** The model of one turn, as the model factory gives it. */
export interface ChatModelChoice {
  /** The configured id: `builtin`, `openai:gpt-4o-mini` … recorded with the answer. */
  id: string;
  model: LanguageModelV3;
  /** What the model reads of tool results (see `createAgentTools`). */
  toolOutput: ToolOutputForModel;
}

/** One tool call of a turn, as `hale ask --json` and the eval runner report it. */
export interface TurnToolCall {
  toolCallId: string;
  tool: string;
  input: unknown;
  isError: boolean;
  cached: boolean;
  result: ToolResult;
}

/** How a turn ended, once its stream is done and it is stored. */
export interface TurnOutcome {
  conversationId: string;
  messageId: string;
  question: string;
  answer: string;
  toolCalls: TurnToolCall[];
  grounding: GroundingVerdict;
  model: string;
  promptVersion: string;
  codeVersion: string;
  traceId: string;
  usage: { inputTokens: number; outputTokens: number; costUsd: number };
  status: 'ok' | 'error' | 'cancelled';
  error?: { code: string; message: string };
  durationMs: number;
}

/** A started turn: the UI message stream to send, and its outcome. */
export interface ChatTurn {
  conversationId: string;
  /** The answer's message id, model and prompt version, known before anything streams. */
  messageId: string;
  model: string;
  promptVersion: string;
  stream: ReadableStream<UIMessageChunk>;
  outcome: Promise<TurnOutcome>;
}

export interface ChatTurnRequest {
  /** From authentication; nothing in the conversation can change it. */
  principal: Principal;
  channel: Extract<QueryChannel, 'chat' | 'cli' | 'eval'>;
  /** Continue this conversation (it must be the principal's); undefined starts a new one. */
  conversationId?: string;
  question: string;
  /** A model id; undefined: the deployment's default. */
  modelId?: string;
  /**
   * Answer the conversation's last question again (`question` is then ignored). The new answer
   * replaces the old one only if it completes; the old answer's feedback goes with it.
   */
  regenerate?: boolean;
  /** Aborted when the person goes away: the model call and running SQL stop. */
  signal: AbortSignal;
}

/** What the agent hears about as a turn runs, for Prometheus and logs. */
export interface ChatObservers {
  toolCall?(call: { tool: string; outcome: 'ok' | 'error'; seconds: number; cached: boolean }): void;
  modelCall?(call: {
    model: string;
    inputTokens: number;
    outputTokens: number;
    costUsd: number;
    seconds: number;
  }): void;
  grounding?(grounded: boolean): void;
  turn?(outcome: TurnOutcome): void;
}
