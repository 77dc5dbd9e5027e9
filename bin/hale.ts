#!/usr/bin/env -S node --import tsx
import { askCommand } from './cli/ask-command.js';
/**
 * Hale's command-line entry and composition root: every command is wired here and nowhere else.
 *   npm run --silent hale -- <command> [options]
 */
import { auditCommand } from './cli/audit-command.js';
import { cdmCommand } from './cli/cdm-load-command.js';
import type { Command } from './cli/command.js';
import { conceptCommand } from './cli/concept-command.js';
import { docsCommand } from './cli/docs-command.js';
import { governanceCommand } from './cli/governance-command.js';
import { createHelpCommand } from './cli/help-command.js';
import { mcpCommand } from './cli/mcp-command.js';
import { queryCommand } from './cli/query-command.js';
import { runCli } from './cli/run-cli.js';
import { seedCommand } from './cli/seed-command.js';
import { sqlCommand } from './cli/sql-command.js';
import { startCommand } from './cli/start-command.js';
import { tokenCommand } from './cli/token-command.js';
import { versionCommand } from './cli/version-command.js';

const commands: Command[] = [
  startCommand,
  mcpCommand,
  seedCommand,
  cdmCommand,
  sqlCommand,
  askCommand,
  queryCommand,
  conceptCommand,
  docsCommand,
  auditCommand,
  governanceCommand,
  tokenCommand,
  versionCommand,
];
commands.push(createHelpCommand(() => commands));

const exitCode = await runCli({ argv: process.argv.slice(2), env: process.env, commands });
// Exit only once stdout has flushed: a piped result larger than the pipe buffer would be cut off.
if (exitCode >= 0) process.stdout.write('', () => process.exit(exitCode));
