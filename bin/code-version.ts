import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { packageVersion } from './package-version.js';

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 2_000,
    }).trim();
  } catch {
    // Not a git checkout (a package or an image): the package version alone.
    return undefined;
  }
}

let cached: string | undefined;

/** The code version every answer and trace carries: the package version and, in a checkout, the commit. */
export function codeVersion(): string {
  if (cached === undefined) {
    const commit = gitCommit();
    cached = commit ? `${packageVersion}+${commit}` : packageVersion;
  }
  return cached;
}
