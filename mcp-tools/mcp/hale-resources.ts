import { describeTableTool, type ToolContext, ToolError, whoamiTool } from '../tools/index.js';

const tablePrefix = 'hale://tables/';

/** The URI of a table's documentation resource. */
export function tableResourceUri(table: string): string {
  return `${tablePrefix}${table}`;
}

/**
 * Reads a Hale resource for the context's principal, as markdown: `hale://policy/me` (their
 * effective policy) or `hale://tables/{schema.table}` (a table they may query). Undefined when there
 * is no such resource for them: a forbidden table reads the same as a missing one.
 */
export async function readHaleResource({
  uri,
  context,
}: {
  uri: string;
  context: ToolContext;
}): Promise<string | undefined> {
  if (uri === 'hale://policy/me') {
    const output = await whoamiTool.execute({}, context);
    return `# Access of ${output.user}\n\n${output.summary}\n\nPolicy version: ${output.policyVersion}\n`;
  }
  if (uri.startsWith(tablePrefix)) {
    const table = decodeURIComponent(uri.slice(tablePrefix.length));
    try {
      const output = await describeTableTool.execute({ table }, context);
      return `# ${output.table}\n\n${describeTableTool.renderText(describeTableTool.outputSchema.parse(output))}\n`;
    } catch (error) {
      if (error instanceof ToolError) return undefined;
      throw error;
    }
  }
  return undefined;
}
