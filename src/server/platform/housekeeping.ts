import type { FastifyBaseLogger } from 'fastify';
import type { Db } from './db.js';
import { deleteOldIdempotencyKeys } from './idempotency.js';

/** A clean-up a module hands to the platform, e.g. deleting expired sessions. */
export type HousekeepingTask = (db: Db) => Promise<void>;

/** Removes idempotency keys older than a day, then runs the modules' tasks. */
export async function runHousekeeping(db: Db, tasks: readonly HousekeepingTask[]): Promise<void> {
  await deleteOldIdempotencyKeys(db);
  for (const task of tasks) await task(db);
}

/** Runs housekeeping now and every hour; the timer does not keep the process alive. */
export function scheduleHousekeeping(db: Db, log: FastifyBaseLogger, tasks: readonly HousekeepingTask[]): () => void {
  const run = () => runHousekeeping(db, tasks).catch((err) => log.error({ err }, 'housekeeping failed'));
  void run();
  const timer = setInterval(run, 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
