import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

/**
 * Serves an MCP server over stdin/stdout until the client closes stdin or `signal` aborts. Nothing
 * else may write to stdout: it carries JSON-RPC only (logs go to stderr).
 */
export async function serveMcpOverStdio({
  server,
  signal,
}: {
  server: Server;
  signal: AbortSignal;
}): Promise<void> {
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.connect(transport);
  await closed;
  await server.close();
}
