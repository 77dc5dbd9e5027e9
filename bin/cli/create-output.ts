import type { CommandOutput } from './command.js';

const levels = { debug: 10, info: 20, warn: 30, error: 40 } as const;

/** Progress and logs go to stderr so stdout carries only the command's result. */
export function createOutput({
  json,
  logLevel,
}: {
  json: boolean;
  logLevel: keyof typeof levels;
}): CommandOutput {
  return {
    progress(line) {
      if (!json) process.stderr.write(`${line}\n`);
    },
    log(level, message, details) {
      if (levels[level] < levels[logLevel]) return;
      const suffix = details ? ` ${JSON.stringify(details)}` : '';
      process.stderr.write(`${new Date().toISOString()} ${level} ${message}${suffix}\n`);
    },
  };
}
