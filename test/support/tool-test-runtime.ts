import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { resolvePrincipal } from '../../mcp-tools/governance/index.js';
import { createMcpServer } from '../../mcp-tools/mcp/index.js';
import {
  bundledTableDocumentation,
  createDatabaseToolCallLog,
  createToolRegistry,
  defaultTools,
  type ToolPorts,
  type ToolRegistry,
} from '../../mcp-tools/tools/index.js';
import type { GovernedTestWarehouse } from './governed-test-warehouse.js';

/** The tool registry over a governed test warehouse, as the composition root wires it. */
export function createTestToolRuntime(
  warehouse: GovernedTestWarehouse,
  auditDatabase: Parameters<typeof createDatabaseToolCallLog>[0],
): { registry: ToolRegistry; ports: ToolPorts; internalErrors: unknown[] } {
  const internalErrors: unknown[] = [];
  const registry = createToolRegistry({
    tools: defaultTools,
    callLog: createDatabaseToolCallLog(auditDatabase),
    onInternalError: (error) => internalErrors.push(error),
  });
  return {
    registry,
    ports: { warehouse: warehouse.governed, documentation: bundledTableDocumentation },
    internalErrors,
  };
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
