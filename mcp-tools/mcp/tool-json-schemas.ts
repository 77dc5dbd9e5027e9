import { z } from 'zod';
import type { AnyToolDefinition } from '../tools/index.js';

/** A tool as `tools/list` describes it. */
export interface ListedTool {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: 'object'; [key: string]: unknown };
  outputSchema: { type: 'object'; [key: string]: unknown };
  annotations: { title: string; [key: string]: unknown };
}

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output') {
  // The `$schema` key is dropped: MCP's default dialect is 2020-12 already, and some clients'
  // validators (Ajv in its default build) refuse a meta-schema URI they do not bundle.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return { ...rest, type: 'object' as const };
}

/** The `tools/list` entries of the registry's tools: JSON Schemas generated from their zod schemas. */
export function listedTools(tools: readonly AnyToolDefinition[]): ListedTool[] {
  return tools.map((tool) => ({
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: jsonSchemaOf(tool.inputSchema, 'input'),
    outputSchema: jsonSchemaOf(tool.outputSchema, 'output'),
    annotations: { title: tool.title, ...tool.annotations },
  }));
}
