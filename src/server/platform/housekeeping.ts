import type { Db } from './db.js';
import { deleteOldIdempotencyKeys } from './idempotency.js';
import type { JobDefinition } from './jobs.js';

/** A clean-up a module hands to the platform, e.g. deleting expired sessions. */
export type HousekeepingTask = (db: Db, now: Date) => Promise<unknown>;

/** Removes idempotency keys older than a day, then runs the modules' tasks. */
export async function runHousekeeping(db: Db, tasks: readonly HousekeepingTask[], now = new Date()): Promise<void> {
  await deleteOldIdempotencyKeys(db, now);
  for (const task of tasks) await task(db, now);
}

/**
 * The hourly clean-up as a durable job: each module hands in its own tasks (expired sessions,
 * sent outbox messages, …); one instance runs them per hour.
 */
export function housekeepingJob(tasks: readonly HousekeepingTask[]): JobDefinition {
  return {
    name: 'platform.housekeeping',
    cron: '17 * * * *',
    retryLimit: 2,
    run: (_data, ctx) => runHousekeeping(ctx.db, tasks, ctx.now()),
  };
}
