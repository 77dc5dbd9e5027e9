import { randomUUID } from 'node:crypto';
import {
  convertToModelMessages,
  createUIMessageStream,
  type StepResult,
  stepCountIs,
  streamText,
  type ToolSet,
} from 'ai';
import type { ConversationStore, StoredMessage, TraceStore } from '../../mcp-tools/conversations/index.js';
import type { Principal } from '../../mcp-tools/governance/index.js';
import type { ToolPorts, ToolRegistry } from '../../mcp-tools/tools/index.js';
import { AgentError } from './agent-error.js';
import { answerParts, earlierToolCalls, textOfParts } from './answer-parts.js';
import type { AnswerMetadata, ChatMessage } from './chat-message.js';
import { ChatRequestError } from './chat-request-error.js';
import type {
  ChatModelChoice,
  ChatObservers,
  ChatTurn,
  ChatTurnRequest,
  TurnOutcome,
  TurnToolCall,
} from './chat-turn.js';
import { createAgentTools } from './create-agent-tools.js';
import { checkGrounding, type GroundingVerdict, type KnownEntities } from './grounding/index.js';
import type { PromptSet } from './load-prompt-set.js';
import { costOf, type PriceTable } from './model-prices.js';
import { describeProviderError } from './models/describe-provider-error.js';
import { TraceRecorder } from './trace-recorder.js';

export type {
  ChatModelChoice,
  ChatObservers,
  ChatTurn,
  ChatTurnRequest,
  TurnOutcome,
  TurnToolCall,
} from './chat-turn.js';

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
  /** Names that exist (metrics, tables, columns, tools), for the grounding check. */
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
  /** The prompt and code versions every answer of this agent carries. */
  readonly versions: { promptVersion: string; codeVersion: string };
  /**
   * Checks what can be refused before anything streams (model not allowed, budget spent:
   * `AgentError`; unknown conversation, a turn of it already running: `ChatRequestError`), stores
   * the question, then starts the turn. Its outcome always settles, and is stored, whether or not
   * the stream is read.
   */
  startTurn(request: ChatTurnRequest): Promise<ChatTurn>;
  /** Waits for running turns to finish and be stored (at shutdown), at most `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
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

/** Builds the chat agent over the registry and the stores. */
export function createChatAgent(dependencies: ChatAgentDependencies): ChatAgent {
  const { registry, ports, conversations, traces, prompts, prices, codeVersion, observers, log } =
    dependencies;
  // One turn at a time per conversation: a second would interleave questions and answers.
  const activeConversations = new Set<string>();
  const running = new Set<Promise<TurnOutcome>>();

  async function checkBudget(principal: Principal, now: Date): Promise<void> {
    const budget = dependencies.dailyTokenBudget(principal);
    if (budget === undefined) return;
    const used = await traces.tokensUsed(principal.user, now.toISOString().slice(0, 10));
    if (used >= budget)
      throw new AgentError(
        'budget_exceeded',
        `You have used your chat allowance for today (${used.toLocaleString('en')} of ${budget.toLocaleString('en')} tokens). It resets at midnight UTC; an administrator can raise it in the policy file.`,
      );
  }

  /** The conversation, its history, the question and the answer it replaces, from the request. */
  async function openConversation(request: ChatTurnRequest) {
    const { principal } = request;
    if (!request.conversationId) {
      if (request.regenerate)
        throw new ChatRequestError(
          'nothing_to_regenerate',
          'regenerating needs the conversation of the answer',
        );
      const created = await conversations.create(principal.user, titleOf(request.question));
      return { conversationId: created.id, history: [] as ChatMessage[], replacing: undefined };
    }
    const stored = await conversations.get(principal.user, request.conversationId);
    if (!stored)
      throw new ChatRequestError(
        'conversation_not_found',
        `there is no conversation ${JSON.stringify(request.conversationId)} for you`,
      );
    let history = stored.messages.map(toChatMessage);
    let replacing: string | undefined;
    if (request.regenerate) {
      if (history.at(-1)?.role === 'assistant') {
        replacing = history.at(-1)?.id;
        history = history.slice(0, -1);
      }
      if (history.at(-1)?.role !== 'user')
        throw new ChatRequestError(
          'nothing_to_regenerate',
          'this conversation has no question to answer again',
        );
    }
    return { conversationId: stored.id, history, replacing };
  }

  async function startTurn(request: ChatTurnRequest): Promise<ChatTurn> {
    const { principal, channel, signal } = request;
    const choice = await dependencies.chooseModel(request.modelId, principal);
    const now = dependencies.now();
    await checkBudget(principal, now);
    const opened = await openConversation(request);
    const { conversationId, replacing } = opened;
    if (activeConversations.has(conversationId))
      throw new ChatRequestError(
        'turn_in_progress',
        'this conversation is still answering a question; wait for it or stop it first',
      );
    activeConversations.add(conversationId);

    let history = opened.history;
    let userMessage: ChatMessage;
    try {
      if (request.regenerate) {
        userMessage = history.at(-1) as ChatMessage;
        history = history.slice(0, -1);
      } else {
        userMessage = { id: randomUUID(), role: 'user', parts: [{ type: 'text', text: request.question }] };
        // Stored before the model runs: a question is never lost, even if the server stops mid-answer.
        await conversations.append(principal.user, conversationId, [
          { id: userMessage.id, role: 'user', parts: userMessage.parts, metadata: {} },
        ]);
      }
    } catch (error) {
      activeConversations.delete(conversationId);
      throw error;
    }
    const question = textOfParts(userMessage.parts);
    const answerId = randomUUID();
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
        observers?.toolCall?.({
          tool: call.tool,
          outcome: call.result.isError ? 'error' : 'ok',
          seconds: call.durationMs / 1000,
          cached,
        });
      },
    });

    function recordStep(step: StepResult<ToolSet>): void {
      steps.push(step);
      const inputTokens = step.usage.inputTokens ?? 0;
      const outputTokens = step.usage.outputTokens ?? 0;
      const costUsd = costOf(prices, choice.id, { inputTokens, outputTokens });
      const stepEnd = trace.elapsed();
      // The step's time includes its tool calls; the model's own time is the rest.
      const toolTime = step.toolCalls.reduce((sum, call) => {
        const started = toolCallStarts.get(call.toolCallId);
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
      observers?.modelCall?.({
        model: choice.id,
        inputTokens,
        outputTokens,
        costUsd,
        seconds: durationMs / 1000,
      });
      stepStartedOffset = stepEnd;
    }

    /** Checks the answer against every tool result of the conversation and the person's own words. */
    function groundAnswer(answer: string): GroundingVerdict {
      const started = trace.elapsed();
      const verdict = checkGrounding(
        answer,
        {
          question: [
            ...history
              .filter((message) => message.role === 'user')
              .map((message) => textOfParts(message.parts)),
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
        startedOffsetMs: started,
        durationMs: trace.elapsed() - started,
        grounded: verdict.grounded,
        claims: verdict.checkedClaims,
        ungrounded: verdict.ungrounded.length,
      });
      observers?.grounding?.(verdict.grounded);
      return verdict;
    }

    /** Stores the trace, then the answer; each failure is logged and does not stop the other. */
    async function storeTurn(
      outcome: TurnOutcome,
      finalMetadata: AnswerMetadata,
      parts: ChatMessage['parts'],
    ) {
      try {
        // First, and on its own: token accounting (and budgets) must not depend on the conversation still existing.
        await traces.save(
          {
            traceId: trace.traceId,
            conversationId,
            messageId: answerId,
            principal: principal.user,
            role: principal.role,
            channel,
            model: choice.id,
            promptVersion: prompts.version,
            codeVersion,
            startedAt: trace.startedAt.toISOString(),
            durationMs: outcome.durationMs,
            inputTokens: outcome.usage.inputTokens,
            outputTokens: outcome.usage.outputTokens,
            costUsd: outcome.usage.costUsd,
            outcome: outcome.status,
            ...(outcome.error ? { errorCode: outcome.error.code } : {}),
            grounded: outcome.grounding.grounded,
            ungroundedClaims: outcome.grounding.ungrounded.length,
            toolCalls: toolCalls.length,
            cachedToolCalls: toolCalls.filter((call) => call.cached).length,
          },
          trace.finish({ conversationId, model: choice.id, status: outcome.status }),
        );
      } catch (error) {
        log('error', 'could not store the trace of a chat turn', {
          traceId: trace.traceId,
          error: String(error),
        });
      }
      try {
        const message = {
          id: answerId,
          role: 'assistant' as const,
          parts,
          metadata: finalMetadata as unknown as Record<string, unknown>,
        };
        // A regenerated answer replaces the old one only when it is complete; otherwise the old one stays.
        if (replacing) {
          if (outcome.status === 'ok')
            await conversations.replaceMessage(principal.user, conversationId, replacing, message);
        } else {
          // Stored even when cancelled or failed: what was answered, and why it stopped.
          await conversations.append(principal.user, conversationId, [message]);
        }
      } catch (error) {
        log('error', 'could not store the answer of a chat turn', {
          traceId: trace.traceId,
          error: String(error),
        });
      }
    }

    let settle: (outcome: TurnOutcome) => void = () => {};
    const outcome = new Promise<TurnOutcome>((resolve) => {
      settle = resolve;
    });
    running.add(outcome);
    void outcome.finally(() => running.delete(outcome));

    const stream = createUIMessageStream<ChatMessage>({
      originalMessages: [...history, userMessage],
      generateId: () => answerId,
      onError: (error) => describeProviderError(error).message,
      async execute({ writer }) {
        let closingText: string | undefined;
        let status: TurnOutcome['status'] = 'ok';
        let error: TurnOutcome['error'];
        let grounding: GroundingVerdict = { grounded: true, checkedClaims: 0, ungrounded: [] };
        let answer = '';
        let usage = { inputTokens: 0, outputTokens: 0, costUsd: 0 };
        try {
          try {
            const result = streamText({
              model: choice.model,
              system: `${prompts.system}\nToday is ${now.toISOString().slice(0, 10)}. You are answering ${principal.user} (role ${principal.role}).`,
              messages: await convertToModelMessages([...history, userMessage], {
                tools,
                ignoreIncompleteToolCalls: true,
              }),
              tools,
              stopWhen: stepCountIs(dependencies.maximumSteps),
              abortSignal: signal,
              maxRetries: 2,
              experimental_telemetry: {
                isEnabled: dependencies.telemetry,
                functionId: 'hale.chat-turn',
                // Prompts, tool results and answers hold patient data: the spans carry timings,
                // models, tokens and tool names only.
                recordInputs: false,
                recordOutputs: false,
                metadata: { traceId: trace.traceId, conversationId, user: principal.user },
              },
              onError({ error: streamError }) {
                providerError = streamError;
              },
              onStepFinish: recordStep,
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
            if (steps.at(-1)?.finishReason === 'tool-calls') {
              closingText = `I could not finish this answer within ${dependencies.maximumSteps} steps, so I stopped rather than guess. Try a narrower question.`;
              status = 'error';
              error = { code: 'step_limit', message: closingText };
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
              closingText = described.message;
              log('warn', 'chat turn failed', {
                code: described.code,
                cause: caught instanceof Error ? caught.message : String(caught),
              });
            }
          }
          if (closingText && !signal.aborted) {
            const id = randomUUID();
            writer.write({ type: 'text-start', id });
            writer.write({ type: 'text-delta', id, delta: closingText });
            writer.write({ type: 'text-end', id });
          }
          answer = [
            ...steps.flatMap((step) => (step.text ? [step.text] : [])),
            ...(closingText ? [closingText] : []),
          ].join('\n\n');
          grounding = groundAnswer(answer);
          const inputTokens = steps.reduce((sum, step) => sum + (step.usage.inputTokens ?? 0), 0);
          const outputTokens = steps.reduce((sum, step) => sum + (step.usage.outputTokens ?? 0), 0);
          usage = {
            inputTokens,
            outputTokens,
            costUsd: costOf(prices, choice.id, { inputTokens, outputTokens }),
          };
        } catch (unexpected) {
          // A bug in Hale's own code (grounding, accounting): the turn still ends, and is stored, as failed.
          status = 'error';
          error = {
            code: 'internal_error',
            message: 'Hale could not finish this answer because of an internal error.',
          };
          log('error', 'chat turn failed inside Hale', {
            traceId: trace.traceId,
            error: unexpected instanceof Error ? unexpected.stack : String(unexpected),
          });
        } finally {
          const finalMetadata: AnswerMetadata = {
            ...metadata,
            grounding,
            usage,
            status,
            ...(error ? { error } : {}),
          };
          const turnOutcome: TurnOutcome = {
            conversationId,
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
          await storeTurn(turnOutcome, finalMetadata, answerParts(steps, grounding, closingText));
          activeConversations.delete(conversationId);
          if (!signal.aborted) {
            writer.write({ type: 'data-grounding', data: grounding });
            writer.write({ type: 'message-metadata', messageMetadata: finalMetadata });
            writer.write({ type: 'finish', messageMetadata: finalMetadata });
          }
          try {
            observers?.turn?.(turnOutcome);
          } finally {
            settle(turnOutcome);
          }
        }
      },
    });
    return {
      conversationId,
      messageId: answerId,
      model: choice.id,
      promptVersion: prompts.version,
      stream,
      outcome,
    };
  }

  async function drain(timeoutMs: number): Promise<void> {
    if (running.size === 0) return;
    await Promise.race([
      Promise.allSettled([...running]),
      new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
    ]);
  }

  return { versions: { promptVersion: prompts.version, codeVersion }, startTurn, drain };
}
