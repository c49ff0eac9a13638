import type { FastifyBaseLogger } from 'fastify';
import { deleteExpiredSessions } from '../modules/accounts/sessions.js';
import type { Db } from './db.js';
import { deleteOldIdempotencyKeys } from './idempotency.js';

/** Removes expired sessions and idempotency keys older than a day. */
export async function runHousekeeping(db: Db): Promise<void> {
  await deleteExpiredSessions(db);
  await deleteOldIdempotencyKeys(db);
}

/** Runs housekeeping now and every hour; the timer does not keep the process alive. */
export function scheduleHousekeeping(db: Db, log: FastifyBaseLogger): () => void {
  const run = () => runHousekeeping(db).catch((err) => log.error({ err }, 'housekeeping failed'));
  void run();
  const timer = setInterval(run, 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
