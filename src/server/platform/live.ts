/**
 * Live push to signed-in users: one server-sent-events stream per browser tab (GET /api/v1/events).
 * Use cases announce a change to a user with `pushToUser(tx, …)` in their transaction; every
 * instance hears it through pubsub and writes it to the streams of that user that it holds.
 * `pushToTenant(tx, …)` announces to every stream of the tenant (a public list changed): such an event
 * must carry nothing personal, since anyone signed in to the tenant receives it.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import type { Db } from './db.js';
import { type PubSub, publish } from './pubsub.js';

const CHANNEL = 'lf_user_events';
const HEARTBEAT_MS = 25_000;

export interface UserEvent {
  tenantId: string;
  userId: string;
  /** SSE event name the browser listens for, e.g. `notification`. */
  type: string;
  data?: Record<string, unknown>;
}

/** Tells a user's open pages that something changed; delivered when `tx` commits. */
export function pushToUser(tx: Db, event: UserEvent): Promise<void> {
  return publish(tx, CHANNEL, event);
}

/** Tells every open page of the tenant that something public changed; delivered when `tx` commits. */
export function pushToTenant(tx: Db, event: Omit<UserEvent, 'userId'>): Promise<void> {
  return publish(tx, CHANNEL, event);
}

const eventSchema = z.object({
  tenantId: z.string(),
  /** Absent: every stream of the tenant. */
  userId: z.string().optional(),
  type: z.string().regex(/^[a-z][a-z0-9_.]*$/),
  data: z.record(z.string(), z.unknown()).optional(),
});

declare module 'fastify' {
  interface FastifyInstance {
    pubsub: PubSub;
  }
}

export const livePlugin: FastifyPluginAsync = fp(async (app) => {
  const streams = new Map<string, Set<FastifyReply>>();
  const tenants = new Map<string, Set<FastifyReply>>();
  const key = (tenantId: string, userId: string) => `${tenantId}:${userId}`;
  // Listen from the first stream on, not at start-up: an instance nobody streams from needs no LISTEN.
  let subscribed: Promise<() => Promise<void>> | null = null;
  const subscribe = () => {
    subscribed ??= app.pubsub.subscribe(CHANNEL, (payload) => {
      const event = eventSchema.safeParse(payload);
      if (!event.success) return;
      const frame = `event: ${event.data.type}\ndata: ${JSON.stringify(event.data.data ?? {})}\n\n`;
      const { tenantId, userId } = event.data;
      const to = userId === undefined ? tenants.get(tenantId) : streams.get(key(tenantId, userId));
      for (const reply of to ?? []) reply.raw.write(frame);
    });
    subscribed.catch(() => {
      subscribed = null;
    });
    return subscribed;
  };
  app.addHook('onClose', async () => {
    if (subscribed) await (await subscribed.catch(() => null))?.();
    for (const set of streams.values()) for (const reply of set) reply.raw.end();
    streams.clear();
    tenants.clear();
  });

  app.get(
    '/api/v1/events',
    {
      schema: {
        operationId: 'streamMyEvents',
        tags: ['notifications'],
        summary: '实时推送（Server-Sent Events）：新消息等事件，收到后刷新对应数据',
        description:
          "text/event-stream. Events: `notification` (a new inbox message); `wishes.changed` (a wish on the tenant's wish wall changed; no data but its region code). A comment line every 25 s keeps proxies from closing the stream.",
        produces: ['text/event-stream'],
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      if (!actor) return reply.status(401).send();
      const id = key(actor.tenantId, actor.userId);
      await subscribe();
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write('retry: 3000\n: connected\n\n');
      let set = streams.get(id);
      if (!set) {
        set = new Set();
        streams.set(id, set);
      }
      set.add(reply);
      let tenant = tenants.get(actor.tenantId);
      if (!tenant) {
        tenant = new Set();
        tenants.set(actor.tenantId, tenant);
      }
      tenant.add(reply);
      const heartbeat = setInterval(() => reply.raw.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        set.delete(reply);
        if (set.size === 0 && streams.get(id) === set) streams.delete(id);
        tenant.delete(reply);
        if (tenant.size === 0 && tenants.get(actor.tenantId) === tenant) tenants.delete(actor.tenantId);
      });
    },
  );
});
