import type { QueryParameter } from '../governance/index.js';
import { ToolError } from '../tools/tool-error.js';
import type { OntologyContext } from './ontology-context.js';

/**
 * Runs one of the ontology's own queries through the governance gate, as the caller: the policy's
 * `vocab.*` rules apply and the query is audited like any other. A refusal becomes a tool error with
 * the gate's code and reason (a principal without vocabulary access is told so).
 */
export async function queryVocabulary(
  context: OntologyContext,
  tool: string,
  sql: string,
  parameters: readonly QueryParameter[] = [],
  { trigram = false }: { trigram?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  const result = await context.ports.warehouse.run({
    sql,
    parameters,
    principal: context.principal,
    channel: context.channel,
    tool,
    signal: context.signal,
    ...(trigram ? { trigram } : {}),
  });
  if (result.status !== 'ok')
    throw new ToolError(result.code ?? 'query_failed', result.reason ?? 'the vocabulary query failed', {
      suggestions: result.suggestions ?? [],
    });
  // A cut result would page or count wrongly without saying so.
  if (result.truncated)
    throw new ToolError(
      'too_large',
      'the vocabulary query returned more rows than Hale returns at once; ask for fewer',
    );
  return result.rows;
}
