import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether the module at `moduleUrl` (its `import.meta.url`) is the script Node was started with, so
 * that a maintenance script runs when invoked with `npx tsx` but not when another module imports it.
 */
export function isMainModule(moduleUrl: string): boolean {
  const scriptPath = process.argv[1];
  return scriptPath !== undefined && path.resolve(scriptPath) === fileURLToPath(moduleUrl);
}
