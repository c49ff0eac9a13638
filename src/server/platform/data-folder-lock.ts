/**
 * One process per PGlite data folder: two processes on one folder silently lose writes. The lock is
 * a file holding the owner's pid, created atomically (a hard link fails if the name exists), so of two
 * starts at the same instant exactly one gets it. A lock whose process is gone is taken over; several
 * starts seeing the same stale lock take turns through a takeover guard, so none removes a lock that
 * another has just created.
 */
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from './startup-error.js';

const LOCK_FILE = 'leifeng.lock';

/** Takes the folder's lock or throws a StartupError naming the process that holds it; returns the release. */
export function lockDataFolder(dataDir: string): () => void {
  const lockPath = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createWithPid(lockPath)) return () => releaseIfOurs(lockPath);
    const holder = readPid(lockPath);
    if (holder !== null && holder !== process.pid && isAlive(holder)) throw inUse(holder, lockPath);
    if (holder === null) continue; // removed by its owner just now: try again
    const guard = `${lockPath}.takeover`;
    if (!createWithPid(guard)) {
      const other = readPid(guard);
      // Another start is taking the stale lock over; it will hold the folder.
      if (other !== null && other !== process.pid && isAlive(other)) throw inUse(other, lockPath);
      rmSync(guard, { force: true }); // left by a start that died mid-takeover
      continue;
    }
    try {
      if (readPid(lockPath) === holder) rmSync(lockPath, { force: true });
    } finally {
      rmSync(guard, { force: true });
    }
  }
  throw new StartupError(`Could not lock the data folder ${dataDir}: remove ${lockPath} if no Leifeng server uses it.`);
}

function inUse(pid: number, lockPath: string) {
  return new StartupError(
    `The data folder is in use by process ${pid} (${lockPath}). Stop it first, or set DATA_DIR to another folder.`,
  );
}

/** Creates `path` holding our pid, complete or not at all; false when it exists. */
function createWithPid(path: string): boolean {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, String(process.pid), { mode: 0o600 });
  try {
    linkSync(temp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(temp, { force: true });
  }
}

function readPid(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function releaseIfOurs(lockPath: string) {
  if (readPid(lockPath) === process.pid) rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
