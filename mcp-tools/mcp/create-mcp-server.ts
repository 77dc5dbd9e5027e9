import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Principal } from '../governance/index.js';
import { accessibleTables, type ToolContext, type ToolPorts, type ToolRegistry } from '../tools/index.js';
import { promptsFor } from './hale-prompts.js';
import { readHaleResource, tableResourceUri } from './hale-resources.js';
import { invalidParams, ProtocolError, resourceNotFound } from './protocol-error.js';
import { listedTools } from './tool-json-schemas.js';

/** Longest prompt argument accepted: a table name or a condition, not a document. */
const maximumArgumentLength = 200;

/** Completion values returned at most, as the MCP schema allows. */
const maximumCompletions = 100;

/**
 * An MCP server over the tool registry for one authenticated principal: tools, the caller's own
 * policy and table documentation as resources, and starter prompts, all filtered by what the
 * principal may see. A thin adapter: every tool call goes through `registry.execute`, like the chat's.
 */
export function createMcpServer({
  registry,
  ports,
  principal,
  version,
  instructions,
}: {
  registry: ToolRegistry;
  ports: ToolPorts;
  principal: Principal;
  version: string;
  instructions?: string;
}): Server {
  const server = new Server(
    { name: 'hale', title: 'Hale', version },
    {
      capabilities: { tools: {}, resources: {}, prompts: {}, completions: {}, logging: {} },
      instructions:
        instructions ??
        'Hale answers questions about a healthcare data warehouse (OMOP CDM clinical data, OMOP vocabularies and an appointment-booking mart) under the governance policy of the authenticated user. Start with whoami or list_tables, read describe_table before writing SQL, and report numbers exactly as tools return them.',
    },
  );
  const tools = listedTools(registry.tools);
  const tablesOfPrincipal = () =>
    accessibleTables({ policy: ports.warehouse.policy, catalog: ports.warehouse.catalog, principal });

  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const context: ToolContext = { principal, channel: 'mcp', signal: extra.signal, ports };
    const result = await registry.execute(request.params.name, request.params.arguments ?? {}, context);
    // An unknown tool is a protocol error (MCP 2025-11-25, "Error Handling"); the registry has
    // recorded the call all the same. Every other failure is a result the model can act on.
    if (result.isError && result.error.code === 'unknown_tool')
      throw new ProtocolError(
        invalidParams,
        result.text.replace(/^Error \(unknown_tool\): /, 'Unknown tool: '),
        {
          suggestions: result.error.suggestions,
          tools: result.error.allowed,
        },
      );
    const content = [{ type: 'text' as const, text: result.text }];
    return result.isError
      ? { content, isError: true }
      : { content, structuredContent: result.structuredContent };
  });

  server.setRequestHandler(ListResourcesRequestSchema, async () => ({
    resources: [
      {
        uri: 'hale://policy/me',
        name: 'policy-me',
        title: 'My access policy',
        description: 'What you may see in the warehouse: tables, row scope, hidden and masked columns.',
        mimeType: 'text/markdown',
      },
      ...tablesOfPrincipal().map((table) => ({
        uri: tableResourceUri(table.name),
        name: table.name,
        title: `Table ${table.name}`,
        description: ports.documentation.describe(table.table.schema, table.table.name)?.description,
        mimeType: 'text/markdown',
      })),
    ],
  }));

  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: [
      {
        uriTemplate: 'hale://tables/{table}',
        name: 'table',
        title: 'Table documentation',
        description: 'Columns, types, meanings and your access to one table (`schema.table`).',
        mimeType: 'text/markdown',
      },
    ],
  }));

  server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
    const text = await readHaleResource({
      uri: request.params.uri,
      context: { principal, channel: 'mcp', signal: extra.signal, ports },
    });
    if (text === undefined)
      throw new ProtocolError(resourceNotFound, `resource not found: ${request.params.uri}`, {
        uri: request.params.uri,
      });
    return { contents: [{ uri: request.params.uri, mimeType: 'text/markdown', text }] };
  });

  server.setRequestHandler(ListPromptsRequestSchema, async () => ({
    prompts: promptsFor(tablesOfPrincipal()).map(({ name, title, description, arguments: args }) => ({
      name,
      title,
      description,
      arguments: args,
    })),
  }));

  server.setRequestHandler(GetPromptRequestSchema, async (request) => {
    const prompt = promptsFor(tablesOfPrincipal()).find(
      (candidate) => candidate.name === request.params.name,
    );
    if (!prompt) throw new ProtocolError(invalidParams, `unknown prompt: ${request.params.name}`);
    const values = request.params.arguments ?? {};
    const problem = prompt.check?.(values);
    if (problem) throw new ProtocolError(invalidParams, problem);
    const tooLong = Object.entries(values).find(([, value]) => value.length > maximumArgumentLength);
    if (tooLong)
      throw new ProtocolError(
        invalidParams,
        `prompt argument ${tooLong[0]} is longer than ${maximumArgumentLength} characters`,
      );
    const missing = prompt.arguments.filter((argument) => argument.required && !values[argument.name]);
    if (missing.length > 0)
      throw new ProtocolError(
        invalidParams,
        `missing prompt argument${missing.length > 1 ? 's' : ''}: ${missing.map((argument) => argument.name).join(', ')}`,
      );
    return {
      description: prompt.description,
      messages: [{ role: 'user', content: { type: 'text', text: prompt.render(values) } }],
    };
  });

  // Argument completion: table names for prompts and the table template, among the caller's tables.
  server.setRequestHandler(CompleteRequestSchema, async (request) => {
    const { ref, argument } = request.params;
    const tables = tablesOfPrincipal();
    const completesTable =
      argument.name === 'table' &&
      ((ref.type === 'ref/prompt' && promptsFor(tables).some((prompt) => prompt.name === ref.name)) ||
        (ref.type === 'ref/resource' && ref.uri === 'hale://tables/{table}'));
    if (!completesTable) return { completion: { values: [], hasMore: false } };
    const typed = argument.value.toLowerCase();
    const matches = tables.map((table) => table.name).filter((name) => name.includes(typed));
    return {
      completion: {
        values: matches.slice(0, maximumCompletions),
        total: matches.length,
        hasMore: matches.length > maximumCompletions,
      },
    };
  });

  return server;
}
