import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SqlEtlError } from '../errors.js';

/**
 * One run at a time per data directory (issue 10): `<data>/.sqletl/lock` is created
 * exclusively (O_EXCL) and holds the owner's pid, host and run id. A second run
 * waits up to `waitMs` for it, then fails with a message naming the owner; a lock
 * whose process no longer exists on this host (a killed run) is taken over.
 */
export interface LockOwner {
  pid: number;
  host: string;
  runId?: string;
  since: string;
}

export interface DataDirLock {
  release(): void;
  /** true when the lock was taken over from a process that had died holding it */
  readonly tookOver: boolean;
}

export async function lockDataDir(dataDir: string, runId: string | undefined, waitMs = 0): Promise<DataDirLock> {
  const dir = join(dataDir, '.sqletl');
  const file = join(dir, 'lock');
  mkdirSync(dir, { recursive: true });
  const deadline = Date.now() + waitMs;
  let tookOver = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      const owner: LockOwner = { pid: process.pid, host: hostname(), runId, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      let released = false;
      return {
        tookOver,
        release: () => {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new SqlEtlError('data-dir-lock', 'io', `cannot lock data directory ${dataDir}: ${(err as Error).message}`);
      }
    }
    const owner = readOwner(file);
    if (!owner && !olderThan(file, 2000)) {
      // created this instant and not yet written: look again
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    if (!owner || (owner.host === hostname() && !alive(owner.pid))) {
      // the owner died (SIGKILL, power loss): its lock is stale
      rmSync(file, { force: true });
      tookOver = true;
      continue;
    }
    if (Date.now() >= deadline) {
      const who = `${owner.runId ? `run ${owner.runId}, ` : ''}pid ${owner.pid} on ${owner.host}, since ${owner.since}`;
      throw new SqlEtlError('data-dir-locked', 'io', `data directory ${dataDir} is in use by another sqletl run (${who}); wait for it to finish or use --wait-lock SECONDS`);
    }
    await new Promise((r) => setTimeout(r, Math.min(200, Math.max(10, deadline - Date.now()))));
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return undefined; // being written this instant, or removed: the next attempt decides
  }
}

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
