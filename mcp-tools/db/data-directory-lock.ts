import { linkSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DatabaseError } from './database-error.js';

const lockFileName = 'hale.lock';

interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** A held data-directory lock; `release` removes the lock file if it is still ours. */
export interface DataDirectoryLock {
  readonly path: string;
  release(): void;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | 'unreadable' | 'absent' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string') {
      return { pid: parsed.pid, hostname: parsed.hostname, startedAt: String(parsed.startedAt ?? '') };
    }
  } catch {
    // Falls through: a lock we cannot read is treated as held, never silently taken.
  }
  return 'unreadable';
}

/**
 * Removes a dead process's lock. Racing processes serialise on a directory (mkdir is atomic) and
 * re-read the lock inside it, so none can remove a lock another process has just taken.
 */
function removeStaleLock(path: string, stalePid: number): void {
  const takeover = `${path}.takeover`;
  try {
    mkdirSync(takeover);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A takeover left by a process that died inside it is abandoned after a few seconds.
    if (Date.now() - statSync(takeover).mtimeMs > 5000) rmSync(takeover, { recursive: true, force: true });
    return;
  }
  try {
    const current = readHolder(path);
    if (typeof current === 'object' && current.pid === stalePid) unlinkSync(path);
  } finally {
    rmSync(takeover, { recursive: true, force: true });
  }
}

/**
 * Takes the exclusive lock on an embedded data directory. PGlite is single-process: two processes
 * writing one directory corrupt it, so the second one must fail with the holder's pid.
 *
 * The lock file appears atomically with its contents (written to a private file, then hard-linked
 * into place, which fails if the lock exists), so a racing process never sees an empty lock. A lock
 * left by a dead process on this host is removed and the link retried.
 */
export function lockDataDirectory(directory: string): DataDirectoryLock {
  const path = join(directory, lockFileName);
  const holder: LockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  const privatePath = join(directory, `${lockFileName}.${process.pid}`);
  writeFileSync(privatePath, JSON.stringify(holder));
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        linkSync(privatePath, path);
        return {
          path,
          release() {
            const current = readHolder(path);
            if (
              typeof current === 'object' &&
              current.pid === process.pid &&
              current.hostname === holder.hostname
            ) {
              unlinkSync(path);
            }
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readHolder(path);
      if (current === 'absent') continue;
      if (current === 'unreadable') {
        throw new DatabaseError(
          'data_directory_locked',
          `data directory ${directory} has a lock file (${path}) that cannot be read; if no Hale process uses the directory, delete that file`,
        );
      }
      if (current.hostname !== holder.hostname) {
        throw new DatabaseError(
          'data_directory_locked',
          `data directory ${directory} is in use by a Hale process on host ${current.hostname} (pid ${current.pid}, since ${current.startedAt}); if that host is gone, delete ${path}`,
        );
      }
      if (isProcessAlive(current.pid)) {
        throw new DatabaseError(
          'data_directory_locked',
          `data directory ${directory} is in use by another Hale process (pid ${current.pid}, since ${current.startedAt}); stop it or choose another --data-dir`,
        );
      }
      removeStaleLock(path, current.pid);
      // Give a racing process time to finish its takeover before looking again.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
    throw new DatabaseError('data_directory_locked', `could not lock data directory ${directory}; try again`);
  } finally {
    rmSync(privatePath, { force: true });
  }
}
