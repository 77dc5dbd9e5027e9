import { randomUUID } from 'node:crypto';

/** Headers of an AI SDK UI message stream response. */
export const uiStreamHeaders = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  'x-vercel-ai-ui-message-stream': 'v1',
};

/** Chunks as server-sent events, as `/api/chat` sends them. */
export function uiMessageStream(chunks: readonly object[]): string {
  return `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`;
}

/**
 * An answer with one run_sql result of `rowCount` rows, for what the model cannot be asked for
 * reliably: a 5,000-row table, or a refusal.
 */
export function syntheticAnswer({
  rowCount = 3,
  text = 'Here are the appointments.',
  refused,
}: {
  rowCount?: number;
  text?: string;
  refused?: { code: string; message: string };
}): string {
  const rows = Array.from({ length: rowCount }, (_, index) => ({
    appointment_id: index + 1,
    city: ['Lyon', 'Paris', 'Nantes', 'Lille'][index % 4],
    lead_time_days: (index * 7919) % 97,
  }));
  const output = refused
    ? { isError: true, error: { ...refused, suggestions: [], allowed: [] }, text: `Error (${refused.code})` }
    : {
        isError: false,
        structuredContent: {
          columns: ['appointment_id', 'city', 'lead_time_days'],
          rows,
          rowCount,
          truncated: false,
          executedSql: 'SELECT appointment_id, city, lead_time_days FROM scheduling.appointment LIMIT 5000',
          policies: [],
          policyVersion: 'test',
        },
        text: `${rowCount} rows`,
      };
  const chunks = [
    { type: 'start', messageId: randomUUID() },
    { type: 'start-step' },
    {
      type: 'tool-input-available',
      toolCallId: 'call-1',
      toolName: 'run_sql',
      input: { sql: 'SELECT appointment_id, city, lead_time_days FROM scheduling.appointment' },
    },
    { type: 'tool-output-available', toolCallId: 'call-1', output },
    { type: 'finish-step' },
    { type: 'start-step' },
    { type: 'text-start', id: 'text-1' },
    { type: 'text-delta', id: 'text-1', delta: text },
    { type: 'text-end', id: 'text-1' },
    { type: 'finish-step' },
    { type: 'finish' },
  ];
  return uiMessageStream(chunks);
}
