/**
 * Region scopes. Every staff query goes through `scopeCondition`, every staff read or write of
 * one record through `assertInScope`; a record outside the caller's scope answers NOT_FOUND,
 * exactly like a record that does not exist.
 */
import { like, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { AppError } from './errors.js';
import type { Role } from './identity.js';

export interface Grant {
  role: Role;
  regionCode: string | null;
  organisationId: string | null;
}

export interface Actor {
  tenantId: string;
  userId: string;
  displayName: string;
  grants: Grant[];
  /** The password was chosen by someone else: nothing but the change itself is allowed until it is replaced. */
  mustChangePassword?: boolean;
}

/** Roles that administer places and see their subtree. */
export const staffRoles: readonly Role[] = ['station_keeper', 'institute_admin', 'centre_admin'];

export const isStaff = (actor: Actor) => actor.grants.some((g) => staffRoles.includes(g.role));

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

/** The region roots the actor administers, without any root that lies inside another. */
export function regionScope(actor: Actor): string[] {
  const codes = actor.grants
    .filter((g) => staffRoles.includes(g.role) && g.regionCode)
    .map((g) => g.regionCode as string)
    .sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const code of codes) if (!roots.some((r) => code.startsWith(r))) roots.push(code);
  return roots;
}

/** Region codes are prefix-structured, so "inside the subtree of r" is "starts with r". */
export function inScope(actor: Actor, regionCode: string | null | undefined): boolean {
  if (!regionCode) return false;
  return regionScope(actor).some((root) => regionCode.startsWith(root));
}

export function assertInScope(actor: Actor, regionCode: string | null | undefined): void {
  if (!inScope(actor, regionCode)) throw new AppError('NOT_FOUND');
}

/** A WHERE condition keeping rows whose region column lies in the actor's scope (false when the scope is empty). */
export function scopeCondition(actor: Actor, column: SQLWrapper): SQL {
  return subtreeCondition(column, regionScope(actor));
}

/** Rows whose region column lies under any of `roots`. */
export function subtreeCondition(column: SQLWrapper, roots: string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((root) => like(column as never, `${root}%`))) as SQL;
}

/** Narrows a requested region filter to the scope; a region outside it is NOT_FOUND. */
export function requireRegionInScope(actor: Actor, regionCode: string | undefined): void {
  if (regionCode !== undefined) assertInScope(actor, regionCode);
}
