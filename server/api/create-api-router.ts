import { pipeUIMessageStreamToResponse } from 'ai';
import { type Response, Router } from 'express';
import type { ConversationStore, FeedbackStore, TraceStore } from '../../mcp-tools/conversations/index.js';
import type { GovernancePolicy, Principal } from '../../mcp-tools/governance/index.js';
import type { ToolPorts, ToolRegistry, ToolResult } from '../../mcp-tools/tools/index.js';
import { AgentError, type AgentErrorCode } from '../agent/agent-error.js';
import { ChatRequestError } from '../agent/chat-request-error.js';
import type { ChatAgent } from '../agent/create-chat-agent.js';
import { validatedHandler } from '../http/validated-handler.js';
import { type IdentityMode, principalOfResponse } from '../identity/authenticate-request.js';
import { sendProblem } from '../problem.js';
import { apiRoutes } from './api-routes.js';
import { evalCaseFromFeedback } from './eval-case-from-feedback.js';

/** What the chat API needs, built by the composition root. */
export interface ApiDependencies {
  /** The chat agent; undefined while the warehouse is not ready (chat answers 503). */
  agent: () => ChatAgent | undefined;
  /** The tool registry and its ports, for the metric catalog; undefined while not ready. */
  tools: () => { registry: ToolRegistry; ports: ToolPorts } | undefined;
  conversations: ConversationStore;
  traces: TraceStore;
  feedback: FeedbackStore;
  identityMode: IdentityMode;
  policy: () => GovernancePolicy | undefined;
  defaultModel: string;
  dailyTokenBudget(principal: Principal): number | undefined;
  now: () => Date;
  log: (level: 'info' | 'warn' | 'error', message: string, details?: Record<string, unknown>) => void;
}

const agentErrorStatus: Record<AgentErrorCode, number> = {
  invalid_model: 400,
  model_not_allowed: 403,
  provider_unavailable: 503,
  provider_rate_limited: 503,
  provider_timeout: 504,
  provider_auth: 502,
  provider_bad_response: 502,
  budget_exceeded: 429,
  step_limit: 500,
  cancelled: 499,
};

const chatRequestTitles: Record<ChatRequestError['code'], string> = {
  conversation_not_found: 'Not found',
  nothing_to_regenerate: 'Nothing to regenerate',
  turn_in_progress: 'A question is already being answered',
};

function isAdmin(principal: Principal): boolean {
  return principal.role === 'admin';
}

function starting(response: Response): void {
  sendProblem(response, {
    status: 503,
    code: 'starting',
    title: 'Hale is starting',
    detail: 'the warehouse is not ready yet; try again in a few seconds',
  });
}

function notFound(response: Response, what: string): void {
  sendProblem(response, {
    status: 404,
    code: 'not_found',
    title: 'Not found',
    detail: `no ${what} of yours has this id`,
  });
}

/**
 * The chat API: `/api/chat`, conversations, traces, usage and feedback. Authentication runs in
 * front of it (the app mounts it); every handler reads the principal from there, and a person only
 * ever reaches their own conversations and traces (admins: every trace and everyone's usage).
 */
export function createApiRouter(dependencies: ApiDependencies): Router {
  const { conversations, traces, feedback, log } = dependencies;
  const router = Router();
  // Every API response says which model, prompt and code answer here (a chat turn names its own model).
  router.use('/api', (_request, response, next) => {
    const agent = dependencies.agent();
    response.setHeader('X-Hale-Model', dependencies.defaultModel);
    if (agent) {
      response.setHeader('X-Hale-Prompt-Version', agent.versions.promptVersion);
      response.setHeader('X-Hale-Code-Version', agent.versions.codeVersion);
    }
    next();
  });

  router.get(
    apiRoutes.me.path,
    ...validatedHandler(apiRoutes.me, (_input, _request, response) => {
      const principal = principalOfResponse(response.locals);
      const policy = dependencies.policy();
      const models = policy?.roles.get(principal.role)?.models;
      response.json({
        user: principal.user,
        role: principal.role,
        description: policy?.principals.get(principal.user)?.description ?? '',
        mode: dependencies.identityMode,
        defaultModel: dependencies.defaultModel,
        scope: principal.attributes,
        ...(models ? { models: [...models] } : {}),
      });
    }),
  );

  router.post(
    apiRoutes.chat.path,
    ...validatedHandler(apiRoutes.chat, async ({ body }, _request, response) => {
      const principal = principalOfResponse(response.locals);
      const agent = dependencies.agent();
      if (!agent) return starting(response);
      // The turn stops (model call and running SQL) when the person goes away before the end.
      const cancel = new AbortController();
      response.on('close', () => {
        if (!response.writableFinished) cancel.abort(new Error('the client closed the connection'));
      });
      let turn: Awaited<ReturnType<ChatAgent['startTurn']>>;
      try {
        turn = await agent.startTurn({
          principal,
          channel: 'chat',
          question: body.question ?? '',
          ...(body.conversationId ? { conversationId: body.conversationId } : {}),
          ...(body.model ? { modelId: body.model } : {}),
          ...(body.regenerate ? { regenerate: true } : {}),
          signal: cancel.signal,
        });
      } catch (error) {
        if (error instanceof AgentError) {
          sendProblem(response, {
            status: agentErrorStatus[error.code],
            code: error.code,
            title: 'The question could not be asked',
            detail: error.message,
          });
          return;
        }
        if (error instanceof ChatRequestError) {
          sendProblem(response, {
            status: error.code === 'conversation_not_found' ? 404 : 409,
            code: error.code,
            title: chatRequestTitles[error.code],
            detail: error.message,
          });
          return;
        }
        throw error;
      }
      turn.outcome.then(
        (outcome) =>
          log('info', 'chat turn', {
            traceId: outcome.traceId,
            user: principal.user,
            model: outcome.model,
            status: outcome.status,
            toolCalls: outcome.toolCalls.length,
            grounded: outcome.grounding.grounded,
            durationMs: Math.round(outcome.durationMs),
          }),
        (error: unknown) => log('error', 'chat turn failed', { error: String(error) }),
      );
      // Writing can fail once the person has gone; the turn itself is stored by the agent either way.
      pipeUIMessageStreamToResponse({
        response,
        stream: turn.stream,
        headers: {
          'X-Hale-Conversation-Id': turn.conversationId,
          'X-Hale-Message-Id': turn.messageId,
          'X-Hale-Model': turn.model,
          'X-Hale-Prompt-Version': turn.promptVersion,
          'Cache-Control': 'no-store',
        },
      }).catch((error: unknown) =>
        log('warn', 'a chat stream could not be written', { error: String(error) }),
      );
    }),
  );

  router.get(
    apiRoutes.listConversations.path,
    ...validatedHandler(apiRoutes.listConversations, async (_input, _request, response) => {
      const principal = principalOfResponse(response.locals);
      response.json({ conversations: await conversations.list(principal.user) });
    }),
  );

  router.get(
    apiRoutes.getConversation.path,
    ...validatedHandler(apiRoutes.getConversation, async ({ params }, _request, response) => {
      const principal = principalOfResponse(response.locals);
      const found = await conversations.get(principal.user, params.conversationId);
      if (!found) return notFound(response, 'conversation');
      response.json(found);
    }),
  );

  router.patch(
    apiRoutes.renameConversation.path,
    ...validatedHandler(apiRoutes.renameConversation, async ({ params, body }, _request, response) => {
      const principal = principalOfResponse(response.locals);
      const renamed = await conversations.rename(principal.user, params.conversationId, body.title);
      if (!renamed) return notFound(response, 'conversation');
      response.json(renamed);
    }),
  );

  router.delete(
    apiRoutes.deleteConversation.path,
    ...validatedHandler(apiRoutes.deleteConversation, async ({ params }, _request, response) => {
      const principal = principalOfResponse(response.locals);
      if (!(await conversations.remove(principal.user, params.conversationId)))
        return notFound(response, 'conversation');
      response.status(204).end();
    }),
  );

  router.get(
    apiRoutes.getTrace.path,
    ...validatedHandler(apiRoutes.getTrace, async ({ params }, _request, response) => {
      const principal = principalOfResponse(response.locals);
      const found = await traces.get(params.traceId);
      if (!found || (found.trace.principal !== principal.user && !isAdmin(principal)))
        return notFound(response, 'trace');
      response.json({ ...found.trace, spans: found.spans });
    }),
  );

  router.get(
    apiRoutes.usage.path,
    ...validatedHandler(apiRoutes.usage, async ({ query }, _request, response) => {
      const principal = principalOfResponse(response.locals);
      if (query.user !== undefined && query.user !== principal.user && !isAdmin(principal)) {
        sendProblem(response, {
          status: 403,
          code: 'forbidden',
          title: 'Forbidden',
          detail: "only admins may see another person's usage",
        });
        return;
      }
      const user = query.user === '*' ? undefined : (query.user ?? principal.user);
      const today = dependencies.now();
      const since = new Date(today.getTime() - (query.days - 1) * 86_400_000).toISOString().slice(0, 10);
      const days = await traces.usage({ ...(user ? { principal: user } : {}), since });
      const budget = dependencies.dailyTokenBudget(principal);
      response.json({
        days,
        ...(budget !== undefined ? { dailyTokenBudget: budget } : {}),
        usedToday: await traces.tokensUsed(principal.user, today.toISOString().slice(0, 10)),
      });
    }),
  );

  router.post(
    apiRoutes.feedback.path,
    ...validatedHandler(apiRoutes.feedback, async ({ body }, _request, response) => {
      const principal = principalOfResponse(response.locals);
      const owner = await conversations.messageOwner(body.messageId);
      if (!owner || owner.principal !== principal.user || owner.role !== 'assistant')
        return notFound(response, 'answer');
      const saved = await feedback.save({
        messageId: body.messageId,
        principal: principal.user,
        ...(body.rating !== undefined ? { rating: body.rating } : {}),
        ...(body.comment !== undefined ? { comment: body.comment } : {}),
        ...(body.correctedAnswer !== undefined ? { correctedAnswer: body.correctedAnswer } : {}),
      });
      response.json(saved);
    }),
  );

  router.get(
    apiRoutes.feedbackEvalCase.path,
    ...validatedHandler(apiRoutes.feedbackEvalCase, async ({ params }, _request, response) => {
      const principal = principalOfResponse(response.locals);
      const item = await feedback.get(params.feedbackId);
      if (!item || (item.principal !== principal.user && !isAdmin(principal)))
        return notFound(response, 'feedback');
      const conversation = await conversations.get(item.principal, item.conversationId);
      if (!conversation) return notFound(response, 'feedback');
      response.json(evalCaseFromFeedback(item, conversation));
    }),
  );

  /** Runs a tool through the registry as the person (chat channel): the catalog is governed like any call. */
  async function callTool(response: Response, tool: string, input: unknown): Promise<ToolResult | undefined> {
    const tools = dependencies.tools();
    if (!tools) {
      starting(response);
      return undefined;
    }
    return tools.registry.execute(tool, input, {
      principal: principalOfResponse(response.locals),
      channel: 'chat',
      signal: AbortSignal.timeout(30_000),
      ports: tools.ports,
    });
  }

  router.get(
    apiRoutes.listMetrics.path,
    ...validatedHandler(apiRoutes.listMetrics, async ({ query }, _request, response) => {
      const result = await callTool(response, 'list_metrics', {
        ...(query.search ? { search: query.search } : {}),
        limit: query.limit,
      });
      if (!result) return;
      if (result.isError) throw new Error(result.text);
      const { metrics, unavailable } = result.structuredContent as {
        metrics: unknown[];
        unavailable: number;
      };
      response.json({ metrics, unavailable });
    }),
  );

  router.get(
    apiRoutes.metricDimensions.path,
    ...validatedHandler(apiRoutes.metricDimensions, async ({ params }, _request, response) => {
      const result = await callTool(response, 'get_dimensions', { metrics: [params.metric] });
      if (!result) return;
      if (result.isError) return notFound(response, 'metric');
      const { dimensions } = result.structuredContent as { dimensions: Record<string, unknown>[] };
      response.json({
        metric: params.metric,
        dimensions: dimensions.map(({ name, kind, label, description, granularities }) => ({
          name,
          kind,
          ...(label ? { label } : {}),
          ...(description ? { description } : {}),
          ...(granularities ? { granularities } : {}),
        })),
      });
    }),
  );

  return router;
}
