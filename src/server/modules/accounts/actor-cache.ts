/**
 * Session token → actor, kept in process so that an authenticated request does not pay a
 * database round trip to learn who is calling. Correctness rests on invalidation, not on the
 * time limit: sign-out, password change or reset and every change of role grants call
 * `invalidateSession` / `invalidateUser` after their transaction commits, and the same calls
 * arrive from other instances through `applyRemote` (PostgreSQL LISTEN/NOTIFY, see
 * `setActorInvalidationPublisher`). The time limit only bounds staleness for a change made
 * outside the application (SQL by hand) and never outlives the session's own expiry.
 */
import type { Actor } from '../../platform/access.js';

export type ActorInvalidation = { userId: string } | { tokenHash: string } | { all: true };

interface Entry {
  actor: Actor;
  expiresAt: number;
}

const MAX_ENTRIES = 20_000;

export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  /** Bumped by every invalidation: a look-up that raced one must not fill the cache. */
  private generation = 0;
  private publish: (message: ActorInvalidation) => void = () => {};

  constructor(private ttlMs: number) {}

  /** From ACTOR_CACHE_SECONDS at start-up. */
  setTtl(ttlMs: number): void {
    this.ttlMs = ttlMs;
    this.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached actor, or undefined when the token must be looked up. */
  get(tokenHash: string, now = Date.now()): Actor | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.drop(tokenHash);
      return undefined;
    }
    return entry.actor;
  }

  /** Call before the database look-up; pass the result to `set`. */
  mark(): number {
    return this.generation;
  }

  set(tokenHash: string, actor: Actor, sessionExpiresAt: Date, mark: number, now = Date.now()): void {
    if (mark !== this.generation || this.ttlMs <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.drop(oldest);
    }
    this.entries.set(tokenHash, { actor, expiresAt: Math.min(sessionExpiresAt.getTime(), now + this.ttlMs) });
    const tokens = this.byUser.get(actor.userId) ?? new Set<string>();
    this.byUser.set(actor.userId, tokens);
    tokens.add(tokenHash);
  }

  /** One session ended (sign-out). */
  invalidateSession(tokenHash: string): void {
    this.applyLocal({ tokenHash });
    this.publish({ tokenHash });
  }

  /** Everything cached for a user: password changed or reset, roles granted or revoked, account disabled. */
  invalidateUser(userId: string): void {
    this.applyLocal({ userId });
    this.publish({ userId });
  }

  /** An invalidation announced by another instance. */
  applyRemote(message: ActorInvalidation): void {
    this.applyLocal(message);
  }

  /** Where invalidations go so that other instances hear them (LISTEN/NOTIFY on PostgreSQL). */
  setPublisher(publish: (message: ActorInvalidation) => void): void {
    this.publish = publish;
  }

  /** Stops announcing through `publish`, unless another publisher has taken its place meanwhile. */
  releasePublisher(publish: (message: ActorInvalidation) => void): void {
    if (this.publish === publish) this.publish = () => {};
  }

  clear(): void {
    this.applyLocal({ all: true });
  }

  private applyLocal(message: ActorInvalidation): void {
    this.generation++;
    if ('all' in message) {
      this.entries.clear();
      this.byUser.clear();
    } else if ('tokenHash' in message) {
      this.drop(message.tokenHash);
    } else {
      for (const token of this.byUser.get(message.userId) ?? []) this.entries.delete(token);
      this.byUser.delete(message.userId);
    }
  }

  private drop(tokenHash: string): void {
    const entry = this.entries.get(tokenHash);
    if (!entry) return;
    this.entries.delete(tokenHash);
    const tokens = this.byUser.get(entry.actor.userId);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.byUser.delete(entry.actor.userId);
  }
}

/** The process's cache. Entries are keyed by the hash of a random 256-bit token, so apps sharing it cannot mix. */
export const actorCache = new ActorCache(60_000);
