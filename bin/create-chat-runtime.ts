import {
  type ConversationStore,
  createConversationStore,
  createFeedbackStore,
  createTraceStore,
  type FeedbackStore,
  type TraceStore,
} from '../mcp-tools/conversations/index.js';
import type { Database } from '../mcp-tools/db/index.js';
import type { GovernedWarehouse, Principal } from '../mcp-tools/governance/index.js';
import type { SemanticLayer } from '../semantic-layer/index.js';
import { type ChatAgent, type ChatObservers, createChatAgent } from '../server/agent/create-chat-agent.js';
import { knownEntitiesOf } from '../server/agent/known-entities.js';
import { loadPromptSet } from '../server/agent/load-prompt-set.js';
import { createChatModelFactory } from '../server/agent/models/create-chat-model-factory.js';
import type { CommandOutput } from './cli/command.js';
import { codeVersion } from './code-version.js';
import type { Config } from './config/load-config.js';
import type { ToolRuntime } from './create-tool-runtime.js';
import { loadModelPrices } from './load-model-prices.js';

/** The stores of the chat: usable before the warehouse is ready (listing conversations needs no tools). */
export interface ChatStores {
  conversations: ConversationStore;
  traces: TraceStore;
  feedback: FeedbackStore;
}

export function createChatStores(applicationDatabase: Database): ChatStores {
  return {
    conversations: createConversationStore(applicationDatabase),
    traces: createTraceStore(applicationDatabase),
    feedback: createFeedbackStore(applicationDatabase),
  };
}

/** The daily token budget of a principal's role (the policy's `daily_token_budget`). */
export function dailyTokenBudgetOf(governed: GovernedWarehouse, principal: Principal): number | undefined {
  return governed.policy.roles.get(principal.role)?.dailyTokenBudget;
}

/**
 * The chat agent of one process, over the tool runtime every channel shares: the model the
 * configuration names (HALE_MODEL, OPENAI_*), the prompt files, the price table, and the stores.
 */
export async function createChatRuntime({
  config,
  stores,
  governed,
  semanticLayer,
  runtime,
  output,
  observers,
  now = () => new Date(),
}: {
  config: Config;
  stores: ChatStores;
  governed: GovernedWarehouse;
  semanticLayer: SemanticLayer;
  runtime: ToolRuntime;
  output: CommandOutput;
  observers?: ChatObservers;
  now?: () => Date;
}): Promise<ChatAgent> {
  const prompts = await loadPromptSet();
  const prices = await loadModelPrices(config.modelPrices);
  const entities = knownEntitiesOf(
    semanticLayer,
    governed.catalog,
    runtime.registry.tools.map((tool) => tool.name),
  );
  const chooseModel = createChatModelFactory({
    defaultModelId: config.model,
    semanticLayer,
    now,
    policy: () => governed.policy,
    registry: runtime.registry,
    ports: runtime.ports,
    openAi: {
      ...(config.openAiApiKey ? { apiKey: config.openAiApiKey } : {}),
      ...(config.openAiBaseUrl ? { baseUrl: config.openAiBaseUrl } : {}),
      requestTimeoutMs: config.modelTimeoutMs,
    },
  });
  return createChatAgent({
    registry: runtime.registry,
    ports: runtime.ports,
    ...stores,
    chooseModel,
    dailyTokenBudget: (principal) => dailyTokenBudgetOf(governed, principal),
    prompts,
    prices,
    codeVersion: codeVersion(),
    knownEntities: () => entities,
    now,
    maximumSteps: config.maximumSteps,
    telemetry: config.otelEndpoint !== undefined,
    ...(observers ? { observers } : {}),
    log: (level, message, details) => output.log(level, message, details),
  });
}
