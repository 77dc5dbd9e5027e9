import type { Command } from './command.js';
import { globalUsage } from './global-options.js';

/** The overview printed by `hale help`, by `hale` alone and after a usage error. */
export function overview(commands: readonly Command[]): string {
  const lines = commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`);
  return `Usage: hale <command> [options]   (npm run --silent hale -- <command>)

Commands:
${lines.join('\n')}

${globalUsage}

Run "hale help <command>" for a command's options.`;
}

/** `hale help [command]`. */
export function createHelpCommand(commands: () => readonly Command[]): Command {
  return {
    name: 'help',
    summary: 'show help for Hale or one command',
    usage: 'hale help [command]',
    options: {},
    positionals: [0, 1],
    async run({ positionals }) {
      const [name] = positionals;
      const command = commands().find((candidate) => candidate.name === name);
      const text = command ? `${command.usage}\n\n${globalUsage}` : overview(commands());
      return { json: { help: text }, text };
    },
  };
}
