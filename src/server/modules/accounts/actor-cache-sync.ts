/**
 * Keeps the actor caches of several app instances (processes) in step: every invalidation made
 * here is announced on PostgreSQL LISTEN/NOTIFY, and every one announced by another instance is
 * applied here. A lost listening connection may have missed some, so the cache is emptied when it
 * comes back. On PGlite there is only ever one process: nothing to announce.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../platform/db.js';
import type { PubSub } from '../../platform/pubsub.js';
import { type ActorCache, type ActorInvalidation, actorCache } from './actor-cache.js';

export const ACTOR_INVALIDATION_CHANNEL = 'lf_actor_invalidation';

type Announcement = ActorInvalidation & { origin: string };

const isInvalidation = (m: unknown): m is Announcement => {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  return (
    typeof o.origin === 'string' && (typeof o.userId === 'string' || typeof o.tokenHash === 'string' || o.all === true)
  );
};

/** Starts sharing; answers the function that stops it (at app close). */
export async function shareActorInvalidations(
  database: Database,
  pubsub: PubSub,
  log: FastifyBaseLogger,
  cache: ActorCache = actorCache,
): Promise<() => Promise<void>> {
  if (database.pglite) return async () => {};
  const origin = randomUUID();
  const unsubscribe = await pubsub.subscribe(ACTOR_INVALIDATION_CHANNEL, (message) => {
    if (!isInvalidation(message) || message.origin === origin) return;
    const { origin: _, ...invalidation } = message;
    cache.applyRemote(invalidation as ActorInvalidation);
  });
  const stopReconnect = pubsub.onReconnect(() => cache.clear());
  const publisher = (message: ActorInvalidation) => {
    pubsub.publish(ACTOR_INVALIDATION_CHANNEL, { ...message, origin }).catch((err) => {
      // Other instances keep the stale entry until its time limit (ACTOR_CACHE_SECONDS).
      log.warn({ err }, 'actor invalidation not announced');
    });
  };
  cache.setPublisher(publisher);
  return async () => {
    cache.releasePublisher(publisher);
    stopReconnect();
    await unsubscribe();
  };
}
