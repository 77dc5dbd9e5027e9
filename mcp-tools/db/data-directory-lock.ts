import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
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

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string') {
      return { pid: parsed.pid, hostname: parsed.hostname, startedAt: String(parsed.startedAt ?? '') };
    }
  } catch {
    // Unreadable or half-written: treated as stale below.
  }
  return undefined;
}

/**
 * Takes the exclusive lock on an embedded data directory. PGlite is single-process: two processes
 * writing one directory corrupt it, so the second one must fail with the holder's pid. A lock left by
 * a dead process on this host is taken over.
 */
export function lockDataDirectory(directory: string): DataDirectoryLock {
  const path = join(directory, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const descriptor = openSync(path, 'wx');
      const holder: LockHolder = {
        pid: process.pid,
        hostname: hostname(),
        startedAt: new Date().toISOString(),
      };
      writeSync(descriptor, JSON.stringify(holder));
      closeSync(descriptor);
      return {
        path,
        release() {
          if (readHolder(path)?.pid === process.pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      const heldElsewhere = holder !== undefined && holder.hostname !== hostname();
      if (holder && (heldElsewhere || isProcessAlive(holder.pid))) {
        const where = heldElsewhere ? ` on host ${holder.hostname}` : '';
        throw new DatabaseError(
          'data_directory_locked',
          `data directory ${directory} is in use by another Hale process (pid ${holder.pid}${where}, since ${holder.startedAt}); stop it or choose another --data-dir`,
        );
      }
      unlinkSync(path);
    }
  }
  throw new DatabaseError('data_directory_locked', `could not lock data directory ${directory}`);
}
