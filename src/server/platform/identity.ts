/**
 * Who a caller can be. The accounts module owns users, grants and sessions; the platform only
 * knows the roles, the session cookie's name, and a resolver it is given at start-up.
 */
import type { Actor } from './access.js';
import type { Db } from './db.js';

export const roles = [
  'resident',
  'volunteer',
  'org_admin',
  'station_keeper',
  'institute_admin',
  'centre_admin',
  'judge',
] as const;
export type Role = (typeof roles)[number];

export const SESSION_COOKIE = 'lf_session';

/** Turns a session cookie into the signed-in actor, or null when the session is unknown or expired. */
export type ResolveActor = (db: Db, cookie: string) => Promise<Actor | null>;
