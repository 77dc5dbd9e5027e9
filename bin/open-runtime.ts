import { type Databases, openDatabases } from '../mcp-tools/db/index.js';
import type { CommandContext } from './cli/command.js';

/**
 * Opens the databases for a command and registers their closing on shutdown, so PGlite flushes and
 * the data-directory lock is released even on Ctrl-C.
 */
export async function openRuntime(context: CommandContext): Promise<Databases> {
  const { config, output } = context;
  const databases = await openDatabases({
    dataDirectory: config.dataDirectory,
    databaseUrl: config.databaseUrl,
    warehouseUrl: config.warehouseUrl,
  });
  context.onShutdown(() => databases.close());
  const { migration } = databases;
  if (migration.applied.length > 0) output.log('info', 'applied migrations', { versions: migration.applied });
  for (const pending of migration.pending) {
    output.log(
      'warn',
      `migration ${pending.version} (${pending.name}) waits for CREATE EXTENSION ${pending.missing.join(', ')}`,
    );
  }
  return databases;
}
