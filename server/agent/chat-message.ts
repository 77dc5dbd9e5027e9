import type { UIMessage } from 'ai';
import type { GroundingVerdict } from './grounding/index.js';

/** What every answer carries: which model and prompt wrote it, with which code, and its trace. */
export interface AnswerMetadata {
  /** The conversation the answer belongs to (a new one when the question started it). */
  conversationId: string;
  model: string;
  promptVersion: string;
  codeVersion: string;
  traceId: string;
  /** Set once the answer is complete. */
  grounding?: GroundingVerdict;
  usage?: { inputTokens: number; outputTokens: number; costUsd: number };
  /** How the turn ended; a cancelled or failed turn keeps what was streamed before. */
  status?: 'ok' | 'error' | 'cancelled';
  error?: { code: string; message: string };
}

/** Hale's UI message: AI SDK parts, answer metadata and a `data-grounding` part. */
export type ChatMessage = UIMessage<AnswerMetadata, { grounding: GroundingVerdict }>;
