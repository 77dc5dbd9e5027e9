import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHale, spawnHale } from '../support/run-hale.js';
import { createTemporaryDirectory } from '../support/test-databases.js';
import { parseUiMessageStream, type StreamChunk, streamedText } from '../support/ui-message-stream.js';
import { waitForReady } from '../support/wait-for-ready.js';

const scratch = createTemporaryDirectory('hale-ask-');
afterAll(() => scratch.remove());

/** A local OTLP/HTTP collector: records the span names of every export it receives. */
async function startCollector() {
  const spanNames: string[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        for (const match of body.matchAll(/"name":"(ai\.[a-zA-Z.]+)"/g)) spanNames.push(match[1] ?? '');
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spanNames,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Every number of a text as written ("1,043" → 1043), dates and years left out. */
function numbersIn(text: string): number[] {
  const withoutDates = text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ').replace(/\b(?:19|20)\d{2}\b/g, ' ');
  return [...withoutDates.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((match) => Number(match[0].replace(/,/g, '')));
}

/** Every number in the rows of the tool outputs of a stream. */
function resultNumbers(chunks: readonly StreamChunk[]): number[] {
  return chunks
    .filter((chunk) => chunk.type === 'tool-output-available')
    .flatMap((chunk) => {
      const output = chunk.output as { structuredContent?: { rows?: Record<string, unknown>[] } };
      return (output.structuredContent?.rows ?? []).flatMap((row) =>
        Object.values(row).filter((value): value is number => typeof value === 'number'),
      );
    });
}

describe('hale start and hale ask answer questions with the built-in model', () => {
  const dataDirectory = join(scratch.path, 'data');

  it('answers over /api/chat from governed tool results, and exports spans to OpenTelemetry', async () => {
    const collector = await startCollector();
    const port = 35_000 + Math.floor(Math.random() * 2000);
    const server = spawnHale(['start', '--port', String(port), '--scale', '0.05'], {
      env: { HALE_DATA_DIR: dataDirectory, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url },
    });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitForReady(url, 120_000);
      const ask = async (user: string, question: string, conversationId?: string) => {
        const response = await fetch(`${url}/api/chat`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Hale-Demo-User': user },
          body: JSON.stringify({ question, ...(conversationId ? { conversationId } : {}) }),
        });
        expect(response.status, await response.clone().text()).toBe(200);
        return { response, ...parseUiMessageStream(await response.text()) };
      };

      const first = await ask('admin', 'How many cancellations were there last month?');
      const answer = streamedText(first.chunks);
      const tools = first.chunks
        .filter((chunk) => chunk.type === 'tool-input-available')
        .map((chunk) => chunk.toolName);
      expect(tools).toContain('query_metrics');
      const stated = numbersIn(answer).filter((value) => value >= 20);
      expect(stated.length, answer).toBeGreaterThan(0);
      const returned = resultNumbers(first.chunks);
      for (const value of stated) expect(returned, answer).toContain(value);
      expect(first.response.headers.get('x-hale-model')).toBe('builtin');
      const grounding = first.chunks.find((chunk) => chunk.type === 'data-grounding') as unknown as {
        data: { grounded: boolean; ungrounded: unknown[] };
      };
      expect(grounding.data, answer).toMatchObject({ grounded: true });

      // A follow-up in the same conversation keeps its context.
      const conversationId = first.response.headers.get('x-hale-conversation-id') ?? '';
      const followUp = await ask('admin', 'and by month?', conversationId);
      const followUpInput = followUp.chunks.find((chunk) => chunk.type === 'tool-input-available')?.input as {
        metrics?: string[];
        group_by?: string[];
      };
      expect(followUpInput?.metrics).toEqual(['cancellations']);
      expect(followUpInput?.group_by).toContain('metric_time__month');

      // Carol's answer is scoped to her region, and says so.
      const carol = await ask('carol', 'How many appointments by region?');
      const carolRegions = carol.chunks
        .filter((chunk) => chunk.type === 'tool-output-available')
        .flatMap(
          (chunk) =>
            (chunk.output as { structuredContent?: { rows?: { practice__region?: string }[] } })
              .structuredContent?.rows ?? [],
        )
        .map((row) => row.practice__region);
      expect(new Set(carolRegions)).toEqual(new Set(['Île-de-France']));

      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/hale_tool_calls_total\{[^}]*tool="query_metrics"/);
      expect(metrics).toMatch(/hale_grounding_checks_total/);

      // Spans reach the collector within its batch delay.
      for (let attempt = 0; attempt < 40 && !collector.spanNames.includes('ai.toolCall'); attempt += 1)
        await new Promise((resolve) => setTimeout(resolve, 250));
      expect(collector.spanNames).toEqual(expect.arrayContaining(['ai.streamText', 'ai.toolCall']));
    } finally {
      server.kill('SIGTERM');
      await once(server, 'exit');
      await collector.close();
    }
    expect(stderr).toContain('OpenTelemetry: exporting chat spans');
  }, 240_000);

  it('hale ask prints the answer with its grounding, as text, JSON and JSON lines', async () => {
    const json = await runHale([
      'ask',
      '--data-dir',
      dataDirectory,
      '--as',
      'alice',
      '--json',
      'What is the no-show rate by booking channel?',
    ]);
    expect(json.exitCode, json.stderr).toBe(0);
    const document = JSON.parse(json.stdout) as {
      answer: string;
      toolCalls: { tool: string; input: { metrics?: string[]; group_by?: string[] }; isError: boolean }[];
      grounding: { grounded: boolean; ungrounded: unknown[] };
      model: string;
      traceId: string;
      conversationId: string;
    };
    expect(document.model).toBe('builtin');
    expect(document.traceId).toMatch(/^[0-9a-f-]{36}$/);
    const query = document.toolCalls.find((call) => call.tool === 'query_metrics');
    expect(query?.input.metrics).toEqual(['no_show_rate']);
    expect(query?.input.group_by?.[0]).toMatch(/channel/);
    expect(document.grounding).toEqual({ grounded: true, ungrounded: [] });
    expect(document.answer).toMatch(/%/);

    const text = await runHale([
      'ask',
      '--data-dir',
      dataDirectory,
      '--as',
      'bob',
      '--conversation',
      document.conversationId,
      'hello',
    ]);
    expect(text.exitCode).toBe(1);
    expect(text.stderr).toMatch(/no conversation/);

    const lines = await runHale(['ask', '--data-dir', dataDirectory, '--as', 'carol', '--jsonl'], {
      input: `${JSON.stringify({ question: 'How many no-shows last month?' })}\nnot json\n${JSON.stringify({ question: 'tell me a joke' })}\n`,
    });
    const answers = lines.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: string; answer?: string; error?: { code: string } });
    expect(answers).toHaveLength(3);
    expect(answers[0]?.status).toBe('ok');
    expect(answers[1]).toMatchObject({ status: 'error', error: { code: 'invalid_input' } });
    expect(answers[2]?.status).toBe('ok');
    expect(lines.exitCode).toBe(1);
  }, 180_000);
});
