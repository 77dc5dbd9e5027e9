import { randomUUID } from 'node:crypto';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import {
  convertToModelMessages,
  createUIMessageStream,
  type StepResult,
  stepCountIs,
  streamText,
  type ToolSet,
  type UIMessageChunk,
} from 'ai';
import type { ConversationStore, StoredMessage, TraceStore } from '../../mcp-tools/conversations/index.js';
import type { Principal, QueryChannel } from '../../mcp-tools/governance/index.js';
import type { ToolPorts, ToolRegistry, ToolResult } from '../../mcp-tools/tools/index.js';
import { AgentError } from './agent-error.js';
import type { AnswerMetadata, ChatMessage } from './chat-message.js';
import { ChatRequestError } from './chat-request-error.js';
import { createAgentTools, type ToolOutputForModel } from './create-agent-tools.js';
import { checkGrounding, type GroundingVerdict, type KnownEntities } from './grounding/index.js';
import type { PromptSet } from './load-prompt-set.js';
import { costOf, type PriceTable } from './model-prices.js';
import { describeProviderError } from './models/describe-provider-error.js';
import { TraceRecorder } from './trace-recorder.js';

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
  /** Replace the conversation's last answer instead of asking a new question. */
  regenerate?: boolean;
  /** Aborted when the person goes away: the model call and running SQL stop. */
  signal: AbortSignal;
}

/** What the agent hears about as a turn runs, for Prometheus and logs. */
export interface ChatObservers {
  toolCall?(tool: string, outcome: 'ok' | 'error', seconds: number, cached: boolean): void;
  modelCall?(
    model: string,
    inputTokens: number,
    outputTokens: number,
    costUsd: number,
    seconds: number,
  ): void;
  grounding?(grounded: boolean): void;
  turn?(outcome: TurnOutcome): void;
}

export interface ChatAgentDependencies {
  registry: ToolRegistry;
  ports: ToolPorts;
  conversations: ConversationStore;
  traces: TraceStore;
  /** Resolves a model id for a principal; throws `AgentError` (`invalid_model`, `model_not_allowed`). */
  chooseModel(modelId: string | undefined, principal: Principal): Promise<ChatModelChoice>;
  /** Tokens a principal may use per UTC day; undefined: no limit. */
  dailyTokenBudget(principal: Principal): number | undefined;
  prompts: PromptSet;
  prices: PriceTable;
  codeVersion: string;
  /** Names that exist (metrics, tables, columns), for the grounding check. */
  knownEntities(): KnownEntities;
  now: () => Date;
  /** Model calls per turn at most; a model still calling tools then gets stopped. */
  maximumSteps: number;
  /** Sends the AI SDK's OpenTelemetry spans (a tracer provider must be registered by the caller). */
  telemetry: boolean;
  observers?: ChatObservers;
  log: (level: 'info' | 'warn' | 'error', message: string, details?: Record<string, unknown>) => void;
}

/** Starts turns; one per process, shared by HTTP and the CLI. */
export interface ChatAgent {
  /**
   * Checks what can be refused before anything streams (unknown conversation, model not allowed,
   * budget spent: `AgentError`; unknown conversation: `ChatRequestError`), stores the question, then starts
   * the turn.
   */
  startTurn(request: ChatTurnRequest): Promise<ChatTurn>;
}

/** The longest conversation title, from the first question. */
const maximumTitleLength = 80;

function titleOf(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  return line.length > maximumTitleLength
    ? `${line.slice(0, maximumTitleLength - 1)}…`
    : line || 'New conversation';
}

function toChatMessage(stored: StoredMessage): ChatMessage {
  return {
    id: stored.id,
    role: stored.role,
    parts: stored.parts as ChatMessage['parts'],
    metadata: stored.metadata as unknown as AnswerMetadata,
  };
}

/** Tool calls and results of earlier answers: a follow-up may restate their numbers. */
function earlierToolCalls(
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

/** The parts of the stored answer, rebuilt from the steps (independent of whether anyone read the stream). */
function answerParts(
  steps: readonly StepResult<ToolSet>[],
  grounding: GroundingVerdict | undefined,
  extraText?: string,
) {
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
  if (extraText) parts.push({ type: 'text', text: extraText, state: 'done' });
  if (grounding) parts.push({ type: 'data-grounding', data: grounding });
  return parts;
}

/** Builds the chat agent over the registry and the stores. */
export function createChatAgent(dependencies: ChatAgentDependencies): ChatAgent {
  const { registry, ports, conversations, traces, prompts, prices, codeVersion, observers, log } =
    dependencies;

  async function startTurn(request: ChatTurnRequest): Promise<ChatTurn> {
    const { principal, channel, signal } = request;
    const choice = await dependencies.chooseModel(request.modelId, principal);
    const now = dependencies.now();
    const budget = dependencies.dailyTokenBudget(principal);
    if (budget !== undefined) {
      const used = await traces.tokensUsed(principal.user, now.toISOString().slice(0, 10));
      if (used >= budget)
        throw new AgentError(
          'budget_exceeded',
          `You have used your chat allowance for today (${used.toLocaleString('en')} of ${budget.toLocaleString('en')} tokens). It resets at midnight UTC; an administrator can raise it in the policy file.`,
        );
    }

    let conversationId = request.conversationId;
    let history: ChatMessage[] = [];
    if (conversationId) {
      const stored = await conversations.get(principal.user, conversationId);
      if (!stored)
        throw new ChatRequestError(
          'conversation_not_found',
          `there is no conversation ${JSON.stringify(conversationId)} for you`,
        );
      history = stored.messages.map(toChatMessage);
    } else {
      conversationId = (await conversations.create(principal.user, titleOf(request.question))).id;
    }

    // Regenerating replaces the last answer in place (same id, same position) and asks its question again.
    let answerId: string = randomUUID();
    let userMessage: ChatMessage;
    if (request.regenerate) {
      const last = history.at(-1);
      if (last?.role === 'assistant') {
        answerId = last.id;
        history = history.slice(0, -1);
      }
      const asked = history.at(-1);
      if (asked?.role !== 'user')
        throw new ChatRequestError(
          'nothing_to_regenerate',
          'this conversation has no question to answer again',
        );
      userMessage = asked;
      history = history.slice(0, -1);
    } else {
      userMessage = { id: randomUUID(), role: 'user', parts: [{ type: 'text', text: request.question }] };
      // Stored before the model runs: a question is never lost, even if the server stops mid-answer.
      await conversations.append(principal.user, conversationId, [
        { id: userMessage.id, role: 'user', parts: userMessage.parts, metadata: {} },
      ]);
    }
    const question = userMessage.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');

    const trace = new TraceRecorder(now);
    const metadata: AnswerMetadata = {
      conversationId,
      model: choice.id,
      promptVersion: prompts.version,
      codeVersion,
      traceId: trace.traceId,
    };
    const toolCalls: TurnToolCall[] = [];
    const toolCallStarts = new Map<string, number>();
    const steps: StepResult<ToolSet>[] = [];
    let stepStartedOffset = 0;
    let providerError: unknown;

    const tools = createAgentTools({
      registry,
      context: { principal, channel, ports, signal, useCache: true },
      modelOutput: choice.toolOutput,
      onToolCall(call) {
        const cached = call.result.cached === true;
        toolCalls.push({
          toolCallId: call.toolCallId,
          tool: call.tool,
          input: call.input,
          isError: call.result.isError,
          cached,
          result: call.result,
        });
        const startedOffset = trace.elapsed() - call.durationMs;
        toolCallStarts.set(call.toolCallId, startedOffset);
        trace.recordToolCall({ ...call, startedOffsetMs: startedOffset });
        observers?.toolCall?.(
          call.tool,
          call.result.isError ? 'error' : 'ok',
          call.durationMs / 1000,
          cached,
        );
      },
    });

    const conversation = conversationId;
    let resolveOutcome: (outcome: TurnOutcome) => void = () => {};
    const outcome = new Promise<TurnOutcome>((resolve) => {
      resolveOutcome = resolve;
    });

    const stream = createUIMessageStream<ChatMessage>({
      originalMessages: [...history, userMessage],
      generateId: () => answerId,
      onError: (error) => describeProviderError(error).message,
      async execute({ writer }) {
        let extraText: string | undefined;
        let status: TurnOutcome['status'] = 'ok';
        let error: TurnOutcome['error'];
        try {
          const modelMessages = await convertToModelMessages([...history, userMessage], {
            tools,
            ignoreIncompleteToolCalls: true,
          });
          const result = streamText({
            model: choice.model,
            system: `${prompts.system}\nToday is ${now.toISOString().slice(0, 10)}. You are answering ${principal.user} (role ${principal.role}).`,
            messages: modelMessages,
            tools,
            stopWhen: stepCountIs(dependencies.maximumSteps),
            abortSignal: signal,
            maxRetries: 2,
            experimental_telemetry: {
              isEnabled: dependencies.telemetry,
              functionId: 'hale.chat-turn',
              metadata: { traceId: trace.traceId, conversationId: conversation, user: principal.user },
            },
            onError({ error: streamError }) {
              providerError = streamError;
            },
            onStepFinish(step) {
              steps.push(step);
              const inputTokens = step.usage.inputTokens ?? 0;
              const outputTokens = step.usage.outputTokens ?? 0;
              const costUsd = costOf(prices, choice.id, { inputTokens, outputTokens });
              const stepEnd = trace.elapsed();
              // The step's time includes its tool calls; the model's own time is the rest.
              const toolTime = step.toolCalls.reduce((sum, call) => {
                const found = toolCalls.find((recorded) => recorded.toolCallId === call.toolCallId);
                const started = found ? toolCallStarts.get(found.toolCallId) : undefined;
                return started === undefined ? sum : sum + Math.max(0, stepEnd - started);
              }, 0);
              const durationMs = Math.max(0, stepEnd - stepStartedOffset - toolTime);
              trace.recordModelCall({
                model: choice.id,
                step: steps.length,
                startedOffsetMs: stepStartedOffset,
                durationMs,
                inputTokens,
                outputTokens,
                costUsd,
                finishReason: step.finishReason,
              });
              observers?.modelCall?.(choice.id, inputTokens, outputTokens, costUsd, durationMs / 1000);
              stepStartedOffset = stepEnd;
            },
          });
          for await (const chunk of result.toUIMessageStream<ChatMessage>({
            sendFinish: false,
            messageMetadata: ({ part }) => (part.type === 'start' ? metadata : undefined),
            onError: (streamError) => describeProviderError(streamError).message,
          }))
            writer.write(chunk);
          if (providerError) throw providerError;
          // An abort ends the stream quietly (an `abort` chunk), not with an error.
          if (signal.aborted) throw signal.reason ?? new Error('cancelled');
          const last = steps.at(-1);
          if (last && last.finishReason === 'tool-calls') {
            extraText = `I could not finish this answer within ${dependencies.maximumSteps} steps, so I stopped rather than guess. Try a narrower question.`;
            status = 'error';
            error = { code: 'step_limit', message: extraText };
          }
        } catch (caught) {
          if (signal.aborted) {
            status = 'cancelled';
            error = {
              code: 'cancelled',
              message: 'The question was cancelled before the answer was complete.',
            };
          } else {
            const described = describeProviderError(caught);
            status = 'error';
            error = { code: described.code, message: described.message };
            extraText = described.message;
            log('warn', 'chat turn failed', {
              code: described.code,
              cause: caught instanceof Error ? caught.message : String(caught),
            });
          }
        }
        if (extraText && !signal.aborted) {
          const id = randomUUID();
          writer.write({ type: 'text-start', id });
          writer.write({ type: 'text-delta', id, delta: extraText });
          writer.write({ type: 'text-end', id });
        }

        const answer = [
          ...steps.flatMap((step) => (step.text ? [step.text] : [])),
          ...(extraText ? [extraText] : []),
        ].join('\n\n');
        const groundingStarted = trace.elapsed();
        const grounding = checkGrounding(
          answer,
          {
            // The person's own words, this turn's and earlier ones': numbers they wrote are theirs.
            question: [
              ...history
                .filter((message) => message.role === 'user')
                .flatMap((message) => message.parts.map((part) => (part.type === 'text' ? part.text : ''))),
              question,
            ].join('\n'),
            toolCalls: [
              ...earlierToolCalls(history),
              ...toolCalls.map((call) => ({ tool: call.tool, input: call.input, output: call.result })),
            ],
          },
          dependencies.knownEntities(),
        );
        trace.recordGrounding({
          startedOffsetMs: groundingStarted,
          durationMs: trace.elapsed() - groundingStarted,
          grounded: grounding.grounded,
          claims: grounding.checkedClaims,
          ungrounded: grounding.ungrounded.length,
        });
        observers?.grounding?.(grounding.grounded);
        const inputTokens = steps.reduce((sum, step) => sum + (step.usage.inputTokens ?? 0), 0);
        const outputTokens = steps.reduce((sum, step) => sum + (step.usage.outputTokens ?? 0), 0);
        const usage = {
          inputTokens,
          outputTokens,
          costUsd: costOf(prices, choice.id, { inputTokens, outputTokens }),
        };
        const finalMetadata: AnswerMetadata = {
          ...metadata,
          grounding,
          usage,
          status,
          ...(error ? { error } : {}),
        };
        if (!signal.aborted) {
          writer.write({ type: 'data-grounding', data: grounding });
          writer.write({ type: 'message-metadata', messageMetadata: finalMetadata });
          writer.write({ type: 'finish', messageMetadata: finalMetadata });
        }

        const turnOutcome: TurnOutcome = {
          conversationId: conversation,
          messageId: answerId,
          question,
          answer,
          toolCalls,
          grounding,
          model: choice.id,
          promptVersion: prompts.version,
          codeVersion,
          traceId: trace.traceId,
          usage,
          status,
          ...(error ? { error } : {}),
          durationMs: trace.elapsed(),
        };
        try {
          // Stored even when cancelled: what was streamed, and why it stopped.
          await conversations.append(principal.user, conversation, [
            {
              id: answerId,
              role: 'assistant',
              parts: answerParts(steps, grounding, extraText),
              metadata: finalMetadata as unknown as Record<string, unknown>,
            },
          ]);
          await traces.save(
            {
              traceId: trace.traceId,
              conversationId: conversation,
              messageId: answerId,
              principal: principal.user,
              role: principal.role,
              channel,
              model: choice.id,
              promptVersion: prompts.version,
              codeVersion,
              startedAt: trace.startedAt.toISOString(),
              durationMs: trace.elapsed(),
              inputTokens,
              outputTokens,
              costUsd: usage.costUsd,
              outcome: status,
              ...(error ? { errorCode: error.code } : {}),
              grounded: grounding.grounded,
              ungroundedClaims: grounding.ungrounded.length,
              toolCalls: toolCalls.length,
              cachedToolCalls: toolCalls.filter((call) => call.cached).length,
            },
            trace.finish({ conversationId: conversation, model: choice.id, status }),
          );
        } catch (storeError) {
          log('error', 'could not store a chat turn', {
            traceId: trace.traceId,
            error: storeError instanceof Error ? storeError.stack : String(storeError),
          });
        }
        observers?.turn?.(turnOutcome);
        resolveOutcome(turnOutcome);
      },
    });
    return {
      conversationId: conversation,
      messageId: answerId,
      model: choice.id,
      promptVersion: prompts.version,
      stream,
      outcome,
    };
  }

  return { startTurn };
}
