import type { Db } from './db.js';
import type { JobDefinition } from './jobs.js';

export type HousekeepingTask = (db: Db, now: Date) => Promise<unknown>;

/**
 * The hourly clean-up as a durable job: each module hands in its own tasks (expired sessions,
 * old idempotency keys, sent outbox messages, …); one instance runs them per hour.
 */
export function housekeepingJob(tasks: HousekeepingTask[]): JobDefinition {
  return {
    name: 'platform.housekeeping',
    cron: '17 * * * *',
    retryLimit: 2,
    async run(_data, ctx) {
      for (const task of tasks) await task(ctx.db, ctx.now());
    },
  };
}
