import type { LinkingTables } from './build-linking-tables.js';
import type { DimensionValueIndex } from './dimension-value-index.js';
import type { ConversationTurn } from './read-conversation.js';

/** What one model step does: call tools (in parallel), or write the final answer. */
export type Step =
  | { kind: 'tool-calls'; calls: { toolName: string; input: Record<string, unknown> }[] }
  | { kind: 'text'; text: string };

/** What a step is decided from: the conversation so far and what the model knows for its life. */
export interface StepContext {
  tables: LinkingTables;
  index: DimensionValueIndex;
  now: Date;
  /** Names of the tools offered in this call; no other tool is ever called. */
  tools: ReadonlySet<string>;
  turns: ConversationTurn[];
}
