import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What one CLI run printed and how it ended. */
export interface HaleRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `hale` as a real child process (one node process, as `npm run hale` starts it), as a user would (tests go through the real CLI, not its
 * functions). The environment is minimal and explicit so a developer's variables cannot leak in.
 */
export function runHale(
  args: readonly string[],
  {
    env = {},
    timeoutMs = 120_000,
    input,
  }: {
    env?: Record<string, string>;
    timeoutMs?: number /** Written to stdin, then closed. */;
    input?: string;
  } = {},
): Promise<HaleRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/hale.ts', ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (input !== undefined) child.stdin?.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr });
    });
  });
}

/** Starts a long-running `hale` command and returns the child so the test can signal it. */
export function spawnHale(args: readonly string[], { env = {} }: { env?: Record<string, string> } = {}) {
  return spawn(process.execPath, ['--import', 'tsx', 'bin/hale.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
