import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClientWaiter, readScriptedRequest, sendError, sendJson } from './scripted-http.js';

/** One scripted tool call; `arguments` is sent as written, so it may be malformed JSON. */
export interface ScriptedToolCall {
  /** Defaults to `call_<request>_<position>`. */
  id?: string;
  name: string;
  arguments: string;
}

/** One answer of the model: text, tool calls, or both. */
export interface ScriptedChatTurn {
  text?: string;
  toolCalls?: readonly ScriptedToolCall[];
  /** Defaults to 10 prompt and 5 completion tokens. */
  usage?: { promptTokens: number; completionTokens: number };
  /** Defaults to `tool_calls` when there are tool calls, `stop` otherwise. */
  finishReason?: string;
}

/** A fault the server answers instead of (or in the middle of) a normal response. */
export type ChatServerFault =
  /** An OpenAI-style error body; `retryAfterMs` sends `retry-after-ms`, which the AI SDK honours. */
  | { kind: 'status'; status: number; message: string; type?: string; code?: string; retryAfterMs?: number }
  /** Waits before sending the headers, then answers normally (unless the client went away). */
  | { kind: 'delay'; ms: number }
  /** Sends `afterChunks` stream chunks (or part of the JSON body), then nothing until the client leaves. */
  | { kind: 'stall'; afterChunks: number }
  /** Sends `afterChunks` stream chunks (or part of the JSON body), then destroys the connection. */
  | { kind: 'drop'; afterChunks: number }
  /** Inserts a chunk that is not JSON after `afterChunks` chunks (a JSON body is cut short), then goes on. */
  | { kind: 'invalid-json'; afterChunks: number };

/** One request as the server received it. */
export interface RecordedChatRequest {
  method: string;
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  authorization: string | undefined;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  model: unknown;
  messages: readonly Record<string, unknown>[];
  tools: readonly Record<string, unknown>[];
  stream: boolean;
}

export interface ScriptedChatServer {
  /** The OpenAI-style base URL, ending in `/v1`. */
  readonly baseUrl: string;
  readonly requests: readonly RecordedChatRequest[];
  /** How many turns have been answered (a turn is used by every request that got a 200). */
  readonly turnsUsed: number;
  close(): Promise<void>;
}

/** Words with their trailing spaces, so deltas join back to the text. */
function textPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Three pieces (fewer for short strings), as a server streams arguments token by token. */
function argumentPieces(text: string): string[] {
  if (text.length < 3) return [text];
  const third = Math.ceil(text.length / 3);
  return [text.slice(0, third), text.slice(third, 2 * third), text.slice(2 * third)];
}

function toolCallsOf(turn: ScriptedChatTurn, requestIndex: number) {
  return (turn.toolCalls ?? []).map((call, position) => ({
    id: call.id ?? `call_${requestIndex}_${position}`,
    name: call.name,
    arguments: call.arguments,
  }));
}

function usageOf(turn: ScriptedChatTurn) {
  const { promptTokens, completionTokens } = turn.usage ?? { promptTokens: 10, completionTokens: 5 };
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

function finishReasonOf(turn: ScriptedChatTurn): string {
  return turn.finishReason ?? ((turn.toolCalls ?? []).length > 0 ? 'tool_calls' : 'stop');
}

/** The `data:` payloads of a streamed answer, in the order OpenAI sends them. */
function streamChunks(
  turn: ScriptedChatTurn,
  { requestIndex, model, includeUsage }: { requestIndex: number; model: string; includeUsage: boolean },
): unknown[] {
  const base = {
    id: `chatcmpl-${requestIndex}`,
    object: 'chat.completion.chunk',
    created: 1_767_225_600,
    model,
  };
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
  const chunks: unknown[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of textPieces(turn.text ?? '')) chunks.push(chunk({ content: piece }));
  toolCallsOf(turn, requestIndex).forEach((call, index) => {
    chunks.push(
      chunk({
        tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }],
      }),
    );
    for (const piece of argumentPieces(call.arguments))
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  chunks.push(chunk({}, finishReasonOf(turn)));
  if (includeUsage) chunks.push({ ...base, choices: [], usage: usageOf(turn) });
  return chunks;
}

/** A non-streamed answer. */
function completion(
  turn: ScriptedChatTurn,
  { requestIndex, model }: { requestIndex: number; model: string },
) {
  const toolCalls = toolCallsOf(turn, requestIndex);
  return {
    id: `chatcmpl-${requestIndex}`,
    object: 'chat.completion',
    created: 1_767_225_600,
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: turn.text ?? null,
          ...(toolCalls.length > 0
            ? {
                tool_calls: toolCalls.map((call) => ({
                  id: call.id,
                  type: 'function',
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
        },
        logprobs: null,
        finish_reason: finishReasonOf(turn),
      },
    ],
    usage: usageOf(turn),
  };
}

/**
 * A real HTTP server on 127.0.0.1 speaking OpenAI's Chat Completions protocol
 * (`POST /v1/chat/completions`, streamed as server-sent events or not). It answers the scripted
 * turns in order, injects the fault scripted for a request index (0 is the first request), and
 * records every request it received.
 */
export async function startScriptedChatServer({
  turns,
  faults = {},
}: {
  turns: readonly ScriptedChatTurn[];
  faults?: Readonly<Record<number, ChatServerFault>>;
}): Promise<ScriptedChatServer> {
  const requests: RecordedChatRequest[] = [];
  let turnsUsed = 0;
  const { wait, cancelAll } = createClientWaiter();

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const { body, path } = await readScriptedRequest(request);
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const requestIndex = requests.length;
    requests.push({
      method: request.method ?? '',
      path,
      headers: { ...request.headers },
      authorization: request.headers.authorization,
      body,
      model: fields.model,
      messages: Array.isArray(fields.messages) ? fields.messages : [],
      tools: Array.isArray(fields.tools) ? fields.tools : [],
      stream: fields.stream === true,
    });

    if (path !== '/v1/chat/completions') return sendError(response, 404, { message: `Unknown path ${path}` });
    if (request.method !== 'POST')
      return sendError(response, 405, { message: `Method ${request.method} not allowed` });
    if (typeof fields.model !== 'string' || fields.model === '')
      return sendError(response, 400, { message: "'model' is required" });
    if (!Array.isArray(fields.messages) || fields.messages.length === 0)
      return sendError(response, 400, { message: "'messages' must be a non-empty array" });

    const fault = faults[requestIndex];
    if (fault?.kind === 'status') {
      const headers: Record<string, string> =
        fault.retryAfterMs === undefined ? {} : { 'retry-after-ms': String(fault.retryAfterMs) };
      return sendError(response, fault.status, { ...fault, headers });
    }
    if (fault?.kind === 'delay' && !(await wait(fault.ms, response))) return;

    const turn = turns[turnsUsed];
    if (!turn)
      return sendError(response, 400, {
        message: `the script has no turn left for request ${requestIndex} (${turns.length} scripted)`,
      });
    turnsUsed++;
    const model = fields.model;
    const cut =
      fault?.kind === 'stall' || fault?.kind === 'drop' || fault?.kind === 'invalid-json' ? fault : undefined;

    if (fields.stream !== true) {
      const json = JSON.stringify(completion(turn, { requestIndex, model }));
      response.writeHead(200, { 'content-type': 'application/json' });
      if (!cut) return response.end(json);
      // A body cut short: half of it, then the fault.
      response.write(json.slice(0, Math.floor(json.length / 2)));
      if (cut.kind === 'drop') return response.destroy();
      if (cut.kind === 'invalid-json') return response.end();
      return; // A stall: the client's timeout ends it.
    }

    const options = (fields.stream_options ?? {}) as Record<string, unknown>;
    const chunks = streamChunks(turn, { requestIndex, model, includeUsage: options.include_usage === true });
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    for (const [index, chunk] of chunks.entries()) {
      if (cut && index === cut.afterChunks) {
        if (cut.kind === 'stall') return;
        if (cut.kind === 'drop') return response.destroy();
        response.write('data: {"id": "chatcmpl-broken", "choices": [\n\n');
      }
      response.write(`data: ${JSON.stringify(chunk)}\n\n`);
      // A pause between chunks, so the client reads a real stream rather than one buffer.
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (response.destroyed) return;
    }
    response.end('data: [DONE]\n\n');
  };

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, { message: String(error), type: 'server_error' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    get turnsUsed() {
      return turnsUsed;
    },
    close() {
      if (!server.listening) return Promise.resolve();
      cancelAll();
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
