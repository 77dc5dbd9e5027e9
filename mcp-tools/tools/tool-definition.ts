import type { z } from 'zod';
import type { SemanticLayer } from '../../semantic-layer/index.js';
import type { GovernedWarehouse, Principal, QueryChannel } from '../governance/index.js';
import type { DocumentLibrary } from '../retrieval/document-library.js';
import type { SynonymGroup } from '../retrieval/query-expansion.js';
import type { TableDocumentation } from './table-documentation.js';

/** The ports a tool may use. Tools never see a database driver: data flows through the gate. */
export interface ToolPorts {
  /** The governed warehouse: the only way a tool reads warehouse data. */
  warehouse: GovernedWarehouse;
  /** Descriptions of tables and columns, for `describe_table` and the MCP resources. */
  documentation: TableDocumentation;
  /** The metric definitions: `query_metrics` compiles them to SQL that goes through the gate. */
  semanticLayer: SemanticLayer;
  /** The document store: `search_documents` searches it as the reader. */
  documents: DocumentLibrary;
  /** Synonym groups of the semantic layer, for expanding document searches (`semanticSynonymGroups`). */
  semanticSynonyms: readonly SynonymGroup[];
}

/** What a tool call runs with. The principal comes from authentication, never from the input. */
export interface ToolContext {
  principal: Principal;
  channel: QueryChannel;
  /** Aborted when the caller goes away (client disconnect, Ctrl-C): running SQL is cancelled. */
  signal: AbortSignal;
  ports: ToolPorts;
  /** Answer from the tool-result cache when the registry has one (chat turns ask for it). */
  useCache?: boolean;
}

/** MCP tool annotations; every Hale tool reads, never writes, and sees only Hale's own data. */
export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** The annotations of every Hale tool: read-only, not destructive, idempotent, closed world. */
export const readOnlyToolAnnotations: ToolAnnotations = Object.freeze({
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
});

/**
 * One tool: its name (`verb_noun`), the texts a model reads, zod schemas for input and output, and
 * `execute`. `renderText` gives the compact text a model sees in place of the structured output
 * (some MCP clients pass only text content to their model).
 */
export interface ToolDefinition<
  Input extends z.ZodObject = z.ZodObject,
  Output extends z.ZodObject = z.ZodObject,
> {
  name: string;
  title: string;
  description: string;
  inputSchema: Input;
  outputSchema: Output;
  annotations: ToolAnnotations;
  execute(input: z.output<Input>, context: ToolContext): Promise<z.input<Output>>;
  renderText(output: z.output<Output>): string;
}

/** Declares a tool with its types inferred from its schemas. */
export function defineTool<Input extends z.ZodObject, Output extends z.ZodObject>(
  definition: ToolDefinition<Input, Output>,
): ToolDefinition<Input, Output> {
  return definition;
}

/** A tool of any schema, as the registry holds it. */
// biome-ignore lint/suspicious/noExplicitAny: a list of tools of different schemas needs the widest type.
export type AnyToolDefinition = ToolDefinition<any, any>;
