/**
 * Publish/subscribe across app instances through PostgreSQL LISTEN/NOTIFY. On PostgreSQL one
 * dedicated connection (outside the pool) listens and reconnects by itself when it is cut; on PGlite
 * the embedded database's own listen/notify serves the one process. Payloads are small JSON values
 * (PostgreSQL caps a notification at 8000 bytes): say what changed, let the receiver read the rest.
 *
 * `publish(db, …)` called with a transaction is delivered when that transaction commits, and not at
 * all if it rolls back, so a change and its announcement cannot disagree.
 */

import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { Database, Db } from './db.js';

export type Handler = (payload: unknown) => void;

const CHANNEL = /^[a-z][a-z0-9_]{0,62}$/;

function checkChannel(channel: string) {
  if (!CHANNEL.test(channel)) throw new Error(`invalid channel name ${channel}`);
}

/** Announces `payload` on `channel` through `db` (a transaction: delivered on commit). */
export async function publish(db: Db, channel: string, payload: unknown): Promise<void> {
  checkChannel(channel);
  await db.execute(sql`select pg_notify(${channel}, ${JSON.stringify(payload)})`);
}

export class PubSub {
  private readonly handlers = new Map<string, Set<Handler>>();
  private listener: pg.Client | null = null;
  private readonly pgliteUnlisten = new Map<string, () => Promise<void>>();
  private closed = false;
  private reconnectDelay = 250;
  private connecting: Promise<void> | null = null;
  private readonly reconnectHandlers = new Set<() => void>();

  constructor(
    private readonly database: Database,
    private readonly log: FastifyBaseLogger,
  ) {}

  publish(channel: string, payload: unknown, db: Db = this.database.db): Promise<void> {
    return publish(db, channel, payload);
  }

  /** Calls `handler` with each payload published on `channel` by any instance; answers an unsubscribe. */
  async subscribe(channel: string, handler: Handler): Promise<() => Promise<void>> {
    checkChannel(channel);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await this.listen(channel);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0 && this.handlers.get(channel) === set) {
        this.handlers.delete(channel);
        await this.unlisten(channel);
      }
    };
  }

  /**
   * Calls `handler` each time the listening connection comes back after it was lost: whatever was
   * published meanwhile was not heard, so a subscriber that caches must forget what it holds.
   */
  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
    for (const unlisten of this.pgliteUnlisten.values()) await unlisten().catch(() => {});
    this.pgliteUnlisten.clear();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
  }

  private dispatch(channel: string, raw: string | undefined) {
    let payload: unknown = null;
    try {
      payload = raw ? JSON.parse(raw) : null;
    } catch {
      payload = raw;
    }
    for (const handler of this.handlers.get(channel) ?? []) {
      try {
        handler(payload);
      } catch (err) {
        this.log.error({ err, channel }, 'pubsub handler failed');
      }
    }
  }

  private async listen(channel: string) {
    const { pglite } = this.database;
    if (pglite) {
      const unlisten = await pglite.listen(channel, (raw) => this.dispatch(channel, raw));
      this.pgliteUnlisten.set(channel, unlisten);
      return;
    }
    const client = await this.connected();
    await client.query(`LISTEN "${channel}"`);
  }

  private async unlisten(channel: string) {
    const pgliteUnlisten = this.pgliteUnlisten.get(channel);
    if (pgliteUnlisten) {
      this.pgliteUnlisten.delete(channel);
      await pgliteUnlisten();
      return;
    }
    await this.listener?.query(`UNLISTEN "${channel}"`).catch(() => {});
  }

  /** The listening connection, opened on first use and reopened (with every channel) after it is lost. */
  private async connected(): Promise<pg.Client> {
    if (this.listener) return this.listener;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    await this.connecting;
    if (!this.listener) throw new Error('pubsub is closed');
    return this.listener;
  }

  private async connect(): Promise<void> {
    const url = this.database.url;
    if (!url) throw new Error('pubsub on PostgreSQL needs the connection URL');
    const client = new pg.Client({
      connectionString: url,
      user: new URL(url).username || 'postgres',
      application_name: 'leifeng-pubsub',
    });
    client.on('notification', (msg) => this.dispatch(msg.channel, msg.payload));
    const lost = (err?: Error) => {
      if (this.listener !== client) return;
      this.listener = null;
      client.removeAllListeners('error');
      client.on('error', () => {});
      if (this.closed) return;
      this.log.warn({ err }, 'pubsub connection lost; reconnecting');
      setTimeout(() => void this.reconnect(), this.reconnectDelay).unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    if (this.closed) {
      await client.end();
      return;
    }
    this.listener = client;
    for (const channel of this.handlers.keys()) await client.query(`LISTEN "${channel}"`);
    this.reconnectDelay = 250;
  }

  private async reconnect() {
    if (this.closed || this.listener) return;
    try {
      await this.connected();
      this.log.info('pubsub reconnected');
      for (const handler of this.reconnectHandlers) handler();
    } catch (err) {
      this.reconnectDelay = Math.min(this.reconnectDelay * 2, 10_000);
      this.log.warn({ err }, 'pubsub reconnect failed');
      setTimeout(() => void this.reconnect(), this.reconnectDelay).unref();
    }
  }
}
