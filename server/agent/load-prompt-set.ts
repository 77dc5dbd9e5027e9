import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The prompts of the agent and their version: the content hash, stored with every turn. */
export interface PromptSet {
  system: string;
  /** `sha256:` and the first 12 hex digits of the hash of every prompt file, in a fixed order. */
  version: string;
}

/** The prompt files shipped with Hale. */
export const bundledPromptDirectory = fileURLToPath(new URL('./prompts/', import.meta.url));

/**
 * Reads the prompt files once, at start. A changed prompt is a new version, so an eval run or a
 * trace always says which prompt produced an answer.
 */
export async function loadPromptSet(directory = bundledPromptDirectory): Promise<PromptSet> {
  const system = await readFile(join(directory, 'system.md'), 'utf8');
  return promptSetOf({ system });
}

/** A prompt set from texts (tests, evals of a candidate prompt). */
export function promptSetOf({ system }: { system: string }): PromptSet {
  const hash = createHash('sha256').update('system.md\n').update(system).digest('hex');
  return { system, version: `sha256:${hash.slice(0, 12)}` };
}
