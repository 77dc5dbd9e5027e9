import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/load-config.js';
import type { SettingName } from '../config/settings.js';
import { type Command, UsageError } from './command.js';
import { createOutput } from './create-output.js';
import { flagSettings, globalOptions } from './global-options.js';
import { overview } from './help-command.js';

/** The reason given to the abort signal when the user interrupts a command. */
class InterruptedError extends Error {
  readonly exitCode: number;

  constructor(signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
    this.name = 'InterruptedError';
    this.exitCode = signal === 'SIGINT' ? 130 : 143;
  }
}

/**
 * Errors that carry a stable code are the user's to act on; others are bugs and get a stack in debug.
 * The whole message is printed: an invalid policy or metric query lists every problem, one per line.
 */
function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Runs one CLI invocation: parses flags strictly, loads the configuration once, runs the command and
 * prints its result (text, or one JSON document with --json). Long-running commands keep the process
 * alive; SIGINT/SIGTERM run every registered cleanup (closing PGlite) before exiting.
 */
export async function runCli({
  argv,
  env,
  commands,
}: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  commands: readonly Command[];
}): Promise<number> {
  const [name, ...rest] = argv;
  const command = commands.find((candidate) => candidate.name === name);
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(`${overview(commands)}\n`);
    return name === undefined ? 2 : 0;
  }
  if (!command) {
    process.stderr.write(`hale: unknown command ${JSON.stringify(name)}\n\n${overview(commands)}\n`);
    return 2;
  }

  const cleanups: (() => Promise<void>)[] = [];
  let shutdownDone: Promise<void> | undefined;
  // Runs every cleanup once; a signal arriving mid-shutdown waits for the same run.
  const shutdown = () => {
    shutdownDone ??= (async () => {
      for (const cleanup of cleanups.reverse()) {
        await cleanup().catch((error: unknown) =>
          process.stderr.write(`hale: during shutdown: ${describeError(error)}\n`),
        );
      }
    })();
    return shutdownDone;
  };
  const interruption = new AbortController();
  let running = true;
  const onSignal = (signal: NodeJS.Signals) => {
    const exitCode = signal === 'SIGINT' ? 130 : 143;
    if (interruption.signal.aborted) {
      // A second signal: close what can be closed, but do not wait on a stuck operation for long.
      setTimeout(() => process.exit(exitCode), 5000).unref();
      void shutdown().then(() => process.exit(exitCode));
      return;
    }
    interruption.abort(new InterruptedError(signal));
    // A one-shot command stops at its next check and rolls back; a running server shuts down now.
    if (!running) void shutdown().then(() => process.exit(exitCode));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let json = false;
  try {
    const parsed = (() => {
      try {
        return parseArgs({
          args: [...rest],
          options: { ...globalOptions, ...command.options },
          allowPositionals: true,
          strict: true,
        });
      } catch (error) {
        throw new UsageError(
          describeError(error).replace(/\. To specify a positional.*$/, ''),
          command.usage,
        );
      }
    })();
    const values = parsed.values as Record<string, string | boolean | undefined>;
    json = values.json === true;
    if (values.help) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    const [minimum, maximum] = command.positionals;
    if (parsed.positionals.length < minimum || parsed.positionals.length > maximum) {
      const problem =
        parsed.positionals.length < minimum
          ? 'missing argument'
          : `unexpected argument ${JSON.stringify(parsed.positionals[maximum])}`;
      throw new UsageError(problem, command.usage);
    }
    const flags: Partial<Record<SettingName, string>> = {};
    for (const [flag, setting] of Object.entries(flagSettings)) {
      const value = values[flag];
      if (typeof value === 'string') flags[setting] = value;
    }
    const config = loadConfig({ env, flags });
    const output = createOutput({ json, logLevel: config.logLevel });
    const result = await command.run({
      config,
      values,
      positionals: parsed.positionals,
      json,
      output,
      signal: interruption.signal,
      onShutdown: (cleanup) => cleanups.push(cleanup),
    });
    // Finished before noticing an interruption: the work is done and committed, so report it.
    running = false;
    if (result === undefined && interruption.signal.aborted) {
      // Interrupted while starting up: the signal arrived before `running` was cleared.
      await shutdown();
      return (interruption.signal.reason as InterruptedError).exitCode;
    }
    if (result === undefined) return -1; // still running (server); signals end it
    await shutdown();
    if (!result.printed)
      process.stdout.write(`${json ? JSON.stringify(result.json, null, 2) : result.text}\n`);
    return result.exitCode ?? 0;
  } catch (error) {
    running = false;
    await shutdown();
    if (interruption.signal.aborted) {
      process.stderr.write(`hale ${command.name}: interrupted; nothing was changed\n`);
      return interruption.signal.reason instanceof InterruptedError
        ? interruption.signal.reason.exitCode
        : 130;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`hale ${command.name}: ${error.message}\n\nUsage: ${error.usage}\n`);
      return 2;
    }
    // Hale's typed errors carry snake_case codes; a driver's or Node's codes (22008, ENOTDIR) are not
    // a contract, so they are reported as internal errors with their message.
    const ownCode = (error as { code?: unknown } | undefined)?.code;
    const code =
      error instanceof ConfigError || (typeof ownCode === 'string' && /^[a-z]+(_[a-z]+)*$/.test(ownCode))
        ? String(ownCode)
        : 'internal_error';
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ error: { code, message: describeError(error) } }, null, 2)}\n`,
      );
    }
    process.stderr.write(`hale ${command.name}: ${describeError(error)}\n`);
    if (env.HALE_LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
