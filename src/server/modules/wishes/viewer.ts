import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { type Actor, inScope, isStaff } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { organisationMembers, organisations } from '../organisations/index.js';
import { volunteers } from '../volunteers/index.js';
import type { WishRow, WishViewer } from './machine.js';

export interface ManagedOrganisation {
  id: string;
  name: string;
  kind: string;
}

/** What is known about the actor once per request: are they an active volunteer, which organisations they manage. */
export interface WishFacts {
  actor: Actor | null;
  volunteerActive: boolean;
  /** Active organisations the actor leads or administers: they may claim wishes in their name. */
  organisations: ManagedOrganisation[];
}

export async function loadWishFacts(db: Db, actor: Actor | null): Promise<WishFacts> {
  if (!actor) return { actor, volunteerActive: false, organisations: [] };
  const adminOf = actor.grants.filter((g) => g.role === 'org_admin' && g.organisationId).map((g) => g.organisationId);
  const [volunteer] = await db
    .select({ status: volunteers.status })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, actor.tenantId), eq(volunteers.userId, actor.userId)));
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(
      and(
        eq(organisations.tenantId, actor.tenantId),
        eq(organisations.status, 'active'),
        or(
          adminOf.length ? inArray(organisations.id, adminOf as string[]) : sql`false`,
          sql`exists (select 1 from ${organisationMembers} m where m.tenant_id = ${organisations.tenantId}
            and m.organisation_id = ${organisations.id} and m.user_id = ${actor.userId} and m.role in ('leader', 'admin'))`,
        ),
      ),
    )
    .orderBy(organisations.name);
  return { actor, volunteerActive: volunteer?.status === 'active', organisations: orgs };
}

export function viewerOf(facts: WishFacts, wish: WishRow): WishViewer {
  const actor = facts.actor;
  if (!actor) return { isBeneficiary: false, isPlacer: false, staffInScope: false, isClaimer: false, mayClaim: false };
  const me = actor.userId;
  return {
    isBeneficiary: wish.beneficiaryUserId === me,
    isPlacer: wish.placedBy === me,
    staffInScope: isStaff(actor) && inScope(actor, wish.regionCode),
    isClaimer:
      wish.claimerUserId === me ||
      (!!wish.claimerOrganisationId && facts.organisations.some((o) => o.id === wish.claimerOrganisationId)),
    mayClaim: facts.volunteerActive || facts.organisations.length > 0,
  };
}

/** Parties see everything; anyone signed in sees a wish on the wall (masked); everyone else gets NOT_FOUND. */
export function accessOf(viewer: WishViewer, wish: WishRow): 'party' | 'public' | null {
  if (viewer.isBeneficiary || viewer.isPlacer || viewer.staffInScope || viewer.isClaimer) return 'party';
  return (['approved', 'claimed', 'delivered', 'confirmed', 'thanked'] as string[]).includes(wish.state)
    ? 'public'
    : null;
}
