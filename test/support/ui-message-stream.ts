/** One chunk of an AI SDK UI message stream, as sent over server-sent events. */
export interface StreamChunk {
  type: string;
  [key: string]: unknown;
}

/** Parses a UI message stream body (`data: {...}` events, then `data: [DONE]`). */
export function parseUiMessageStream(body: string): { chunks: StreamChunk[]; done: boolean } {
  const chunks: StreamChunk[] = [];
  let done = false;
  for (const event of body.split('\n\n')) {
    const data = event
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice('data: '.length))
      .join('\n');
    if (data === '') continue;
    if (data === '[DONE]') {
      done = true;
      continue;
    }
    chunks.push(JSON.parse(data) as StreamChunk);
  }
  return { chunks, done };
}

/** The answer text of a stream: its text deltas joined. */
export function streamedText(chunks: readonly StreamChunk[]): string {
  return chunks
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => String(chunk.delta))
    .join('');
}
