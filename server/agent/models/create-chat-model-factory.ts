import type { GovernancePolicy, Principal } from '../../../mcp-tools/governance/index.js';
import type { ToolPorts, ToolRegistry } from '../../../mcp-tools/tools/index.js';
import type { SemanticLayer } from '../../../semantic-layer/index.js';
import { AgentError } from '../agent-error.js';
import type { ChatModelChoice } from '../create-chat-agent.js';
import { modelMatches } from '../model-prices.js';
import { createBuiltinModel, type DimensionValueIndex, loadDimensionValueIndex } from './builtin/index.js';
import { createOpenAiLanguageModel } from './create-openai-language-model.js';
import { formatModelId, parseModelId } from './parse-model-id.js';

/** How long a principal's index of dimension values is reused before it is read again. */
const dimensionIndexLifetimeMs = 10 * 60_000;

/**
 * Resolves a model id for a principal: parses it, checks the role may use it (the policy's
 * `models`), and builds the model. The built-in model gets the principal's own index of dimension
 * values, read through the governed registry as that principal, so it can only ever link words
 * to values they may see.
 */
export function createChatModelFactory({
  defaultModelId,
  semanticLayer,
  now,
  policy,
  registry,
  ports,
  openAi,
}: {
  defaultModelId: string;
  semanticLayer: SemanticLayer;
  now: () => Date;
  policy: () => GovernancePolicy;
  registry: ToolRegistry;
  ports: ToolPorts;
  openAi: { apiKey?: string; baseUrl?: string; requestTimeoutMs: number };
}): (modelId: string | undefined, principal: Principal) => Promise<ChatModelChoice> {
  const indexes = new Map<string, { index: Promise<DimensionValueIndex>; until: number }>();
  // The built-in model precomputes its linking tables once: one model per principal scope.
  const builtinModels = new Map<string, ChatModelChoice['model']>();

  function dimensionValuesFor(principal: Principal): () => Promise<DimensionValueIndex> {
    const key = JSON.stringify([principal, policy().version]);
    return () => {
      const cached = indexes.get(key);
      if (cached && cached.until > Date.now()) return cached.index;
      const index = loadDimensionValueIndex({
        semanticLayer,
        callTool: (tool, input) =>
          registry.execute(tool, input, {
            principal,
            channel: 'chat',
            signal: AbortSignal.timeout(60_000),
            ports,
            useCache: true,
          }),
      });
      // A failed read is not kept: the next question tries again.
      index.catch(() => indexes.delete(key));
      if (indexes.size > 1_000) indexes.clear();
      indexes.set(key, { index, until: Date.now() + dimensionIndexLifetimeMs });
      return index;
    };
  }

  const defaultModel = formatModelId(parseModelId(defaultModelId));

  return async (requested, principal) => {
    const id = parseModelId(requested ?? defaultModelId);
    const formatted = formatModelId(id);
    const allowed = policy().roles.get(principal.role)?.models;
    // A request may name another model only if the policy lists it for the role: otherwise anyone
    // could point Hale (and the governed results it sends) at a server of their choosing.
    if (allowed ? !allowed.some((pattern) => modelMatches(pattern, formatted)) : formatted !== defaultModel)
      throw new AgentError(
        'model_not_allowed',
        allowed
          ? `Your role (${principal.role}) may not use the model ${formatted}. Allowed: ${allowed.join(', ')}.`
          : `This server answers with ${defaultModel}; other models must be listed for your role (${principal.role}) in the policy file (\`models\`).`,
      );
    if (id.kind === 'builtin') {
      const key = JSON.stringify([principal, policy().version]);
      let model = builtinModels.get(key);
      if (!model) {
        model = createBuiltinModel({ semanticLayer, now, dimensionValues: dimensionValuesFor(principal) });
        if (builtinModels.size > 1_000) builtinModels.clear();
        builtinModels.set(key, model);
      }
      return { id: formatted, model, toolOutput: 'structured' };
    }
    // The key goes to OpenAI, and to the OpenAI-compatible server the operator configured as the
    // default, never to another server a policy allows.
    const sendKey = id.kind === 'openai' || formatted === defaultModel;
    const { apiKey, ...rest } = openAi;
    return {
      id: formatted,
      model: createOpenAiLanguageModel(id, { ...rest, ...(sendKey && apiKey ? { apiKey } : {}) }),
      toolOutput: 'text',
    };
  };
}
