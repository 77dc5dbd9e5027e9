import { ApiError, apiErrorOf, unreachableError } from './api-error.js';
import { authenticationHeaders, type Credentials } from './credentials.js';
import type {
  ConversationSummary,
  Feedback,
  IdentityMode,
  Me,
  MetricDimension,
  MetricSummary,
  StoredConversation,
  Trace,
} from './hale-types.js';

/** Hale's HTTP API as the UI uses it; every call authenticates with the current credentials. */
export interface ApiClient {
  identity(): Promise<IdentityMode>;
  me(): Promise<Me>;
  conversations(): Promise<ConversationSummary[]>;
  conversation(id: string): Promise<StoredConversation>;
  renameConversation(id: string, title: string): Promise<ConversationSummary>;
  deleteConversation(id: string): Promise<void>;
  trace(traceId: string): Promise<Trace>;
  feedback(body: {
    messageId: string;
    rating?: 'up' | 'down' | null;
    comment?: string | null;
    correctedAnswer?: string | null;
  }): Promise<Feedback>;
  metrics(search?: string): Promise<{ metrics: MetricSummary[]; unavailable: number }>;
  dimensions(metric: string): Promise<{ metric: string; dimensions: MetricDimension[] }>;
  /** `fetch` with the credentials added and errors turned into ApiError (the chat transport uses it). */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
}

export function createApiClient(credentials: () => Credentials): ApiClient {
  async function send(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(authenticationHeaders(credentials())))
      headers.set(name, value);
    let response: Response;
    try {
      response = await fetch(input, { ...init, headers });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw unreachableError(error);
    }
    if (!response.ok) throw await apiErrorOf(response);
    return response;
  }

  async function json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const headers = new Headers(init.headers);
    if (init.body) headers.set('Content-Type', 'application/json');
    const response = await send(path, { ...init, headers });
    return (await response.json()) as T;
  }

  const id = (value: string) => encodeURIComponent(value);
  return {
    identity: () => json('/api/identity'),
    me: () => json('/api/me'),
    conversations: async () =>
      (await json<{ conversations: ConversationSummary[] }>('/api/conversations')).conversations,
    conversation: (conversationId) => json(`/api/conversations/${id(conversationId)}`),
    renameConversation: (conversationId, title) =>
      json(`/api/conversations/${id(conversationId)}`, { method: 'PATCH', body: JSON.stringify({ title }) }),
    deleteConversation: async (conversationId) => {
      await send(`/api/conversations/${id(conversationId)}`, { method: 'DELETE' });
    },
    trace: (traceId) => json(`/api/traces/${id(traceId)}`),
    feedback: (body) => json('/api/feedback', { method: 'POST', body: JSON.stringify(body) }),
    metrics: (search) => json(`/api/metrics${search ? `?search=${encodeURIComponent(search)}` : ''}`),
    dimensions: (metric) => json(`/api/metrics/${id(metric)}/dimensions`),
    fetch: send,
  };
}

export { ApiError };
