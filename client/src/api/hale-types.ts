import type { UIMessage } from 'ai';

/** The grounding check's verdict on one answer (server: `GroundingVerdict`). */
export interface GroundingVerdict {
  grounded: boolean;
  checkedClaims: number;
  ungrounded: { kind: 'number' | 'percentage' | 'date' | 'entity'; text: string; reason: string }[];
}

/** What the server attaches to every answer (server: `AnswerMetadata`). */
export interface AnswerMetadata {
  conversationId?: string;
  model?: string;
  promptVersion?: string;
  codeVersion?: string;
  traceId?: string;
  grounding?: GroundingVerdict;
  usage?: { inputTokens: number; outputTokens: number; costUsd: number };
  status?: 'ok' | 'error' | 'cancelled';
  error?: { code: string; message: string };
}

/** Hale's UI message: AI SDK parts, answer metadata and a `data-grounding` part. */
export type HaleMessage = UIMessage<AnswerMetadata, { grounding: GroundingVerdict }>;

/** What a failed tool call tells its caller. */
export interface ToolFailure {
  code: string;
  message: string;
  suggestions: string[];
  allowed: string[];
}

/** The output of every Hale tool (server: `ToolResult`). */
export type ToolResult =
  | { isError: false; structuredContent: Record<string, unknown>; text: string; cached?: true }
  | { isError: true; error: ToolFailure; text: string; cached?: undefined };

export interface DemoUser {
  user: string;
  role: string;
  description: string;
}

export interface IdentityMode {
  mode: 'demo' | 'token';
  demoUsers: DemoUser[];
}

export interface Me {
  user: string;
  role: string;
  description: string;
  mode: 'demo' | 'token';
  defaultModel: string;
  /** What scopes the person's rows (e.g. `regions: ['Île-de-France']`), from the policy. */
  scope?: Record<string, string | number | boolean | (string | number)[]>;
  models?: string[];
}

export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  messageCount: number;
}

export interface StoredConversation extends ConversationSummary {
  messages: {
    id: string;
    role: 'user' | 'assistant';
    parts: unknown[];
    metadata: Record<string, unknown>;
    createdAt: string;
  }[];
}

export interface MetricSummary {
  name: string;
  label?: string;
  type: string;
  description?: string;
  synonyms: string[];
  sampleQuestions: string[];
  access: 'rows' | 'aggregate';
}

export interface MetricDimension {
  name: string;
  kind: string;
  label?: string;
  description?: string;
  granularities?: string[];
}

export interface TraceSpan {
  spanId: string;
  parentSpanId?: string;
  kind: 'turn' | 'model' | 'tool' | 'sql' | 'grounding';
  name: string;
  startedAt: string;
  durationMs: number;
  attributes: Record<string, unknown>;
}

export interface Trace {
  traceId: string;
  model: string;
  promptVersion: string;
  startedAt: string;
  durationMs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  outcome: 'ok' | 'error' | 'cancelled';
  errorCode?: string;
  grounded?: boolean;
  ungroundedClaims: number;
  toolCalls: number;
  cachedToolCalls: number;
  spans: TraceSpan[];
}

export interface Feedback {
  id: string;
  messageId: string;
  rating?: 'up' | 'down';
  comment?: string;
  correctedAnswer?: string;
}
