import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config/load-config.js';

/** Options of one command, in `node:util` parseArgs form. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** Where a command writes: the result on stdout, progress and logs on stderr. */
export interface CommandOutput {
  /** Progress for people; silenced with --json so stdout stays one JSON document. */
  progress(line: string): void;
  log(level: 'debug' | 'info' | 'warn' | 'error', message: string, details?: Record<string, unknown>): void;
}

/** What every command receives from the root. */
export interface CommandContext {
  config: Config;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  json: boolean;
  output: CommandOutput;
  /** Aborted by the first SIGINT/SIGTERM: long operations stop and roll back. */
  signal: AbortSignal;
  /** Registers cleanup to run on SIGINT/SIGTERM and at exit (e.g. closing PGlite so nothing is lost). */
  onShutdown(cleanup: () => Promise<void>): void;
}

/** A command's outcome: the JSON document for --json and its human rendering. */
export interface CommandResult {
  json: unknown;
  text: string;
  /** Non-zero when the command ran but its outcome is a failure (e.g. a denied query); default 0. */
  exitCode?: number;
  /** The command already wrote its result to stdout as it went (`hale sql --jsonl`). */
  printed?: boolean;
}

/** One CLI command. `run` returns undefined for long-running commands (start) that print as they go. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: CommandOptions;
  /** Number of positional arguments accepted: [minimum, maximum]. */
  positionals: [number, number];
  run(context: CommandContext): Promise<CommandResult | undefined>;
}

/** Bad command-line input: printed as one line followed by the usage. */
export class UsageError extends Error {
  readonly code = 'usage';
  readonly usage: string;

  constructor(message: string, usage: string) {
    super(message);
    this.name = 'UsageError';
    this.usage = usage;
  }
}
