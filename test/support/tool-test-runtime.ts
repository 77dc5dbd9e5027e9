import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createToolRuntime } from '../../bin/create-tool-runtime.js';
import type { Database } from '../../mcp-tools/db/index.js';
import { resolvePrincipal } from '../../mcp-tools/governance/index.js';
import { createMcpServer } from '../../mcp-tools/mcp/index.js';
import { loadSemanticLayer } from '../../mcp-tools/semantic/index.js';
import type { ToolPorts, ToolRegistry } from '../../mcp-tools/tools/index.js';
import type { GovernedTestWarehouse } from './governed-test-warehouse.js';

/** The tool registry over a governed test warehouse, wired as the composition root wires it. */
export async function createTestToolRuntime(
  warehouse: GovernedTestWarehouse,
  applicationDatabase: Database,
): Promise<{ registry: ToolRegistry; ports: ToolPorts; internalErrors: unknown[] }> {
  const internalErrors: unknown[] = [];
  const runtime = createToolRuntime({
    governed: warehouse.governed,
    semanticLayer: await loadSemanticLayer(),
    applicationDatabase,
    log: (level, message, details) => {
      if (level === 'error') internalErrors.push({ message, details });
    },
  });
  return { ...runtime, internalErrors };
}
/** A real MCP client connected in-process to Hale's MCP server for one demo principal. */
export async function connectMcpClient({
  registry,
  ports,
  user,
}: {
  registry: ToolRegistry;
  ports: ToolPorts;
  user: string;
}): Promise<Client> {
  const server = createMcpServer({
    registry,
    ports,
    principal: resolvePrincipal(ports.warehouse.policy, user),
    version: 'test',
  });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name: 'hale-test', version: '1.0.0' });
  await client.connect(clientTransport);
  return client;
}
