import {
  acceptedProviderIdForms,
  formatProviderId,
  type ProviderId,
  parseProviderId,
} from '../../../mcp-tools/retrieval/index.js';
import { AgentError } from '../agent-error.js';

/**
 * Which language model the chat agent talks to (`HALE_MODEL`): the built-in offline model, an
 * OpenAI model, or a model of any server speaking OpenAI's Chat Completions protocol (Ollama, vLLM,
 * LiteLLM, LM Studio …). The same grammar as embedder ids.
 */
export type ModelId = ProviderId;

const acceptedForms = acceptedProviderIdForms({ openaiModel: 'gpt-4.1-mini', compatibleModel: 'qwen3:8b' });

/**
 * Parses a configured model id: `builtin`, `openai:<model>` or
 * `openai-compatible:<base-url>#<model>`. Anything else throws an `AgentError` (`invalid_model`)
 * listing the accepted forms.
 */
export function parseModelId(text: string): ModelId {
  const parsed = parseProviderId(text);
  if (parsed.ok) return parsed.id;
  throw new AgentError(
    'invalid_model',
    `The model id '${text}' ${parsed.problem}. Use one of: ${acceptedForms}.`,
  );
}

/** The id as configured (`parseModelId(formatModelId(id))` gives `id` back), for logs and the UI. */
export function formatModelId(id: ModelId): string {
  return formatProviderId(id);
}
