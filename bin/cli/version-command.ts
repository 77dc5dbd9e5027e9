import { packageVersion } from '../package-version.js';
import type { Command } from './command.js';

export const versionCommand: Command = {
  name: 'version',
  summary: 'print the Hale version',
  usage: 'hale version [--json]',
  options: {},
  positionals: [0, 0],
  async run() {
    return { json: { version: packageVersion, node: process.version }, text: `hale ${packageVersion}` };
  },
};
