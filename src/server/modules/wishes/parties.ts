import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { pushToTenant } from '../../platform/live.js';
import { roleGrants } from '../accounts/index.js';
import { notifyMany } from '../notifications/index.js';
import { organisationMembers } from '../organisations/index.js';
import type { WishRow } from './machine.js';
import { wallStates, wishEvents } from './schema.js';

/** The giver: the person who claimed, and the managers (leaders, admins) of the organisation it was claimed for. */
export async function giverIds(db: Db, wish: WishRow): Promise<string[]> {
  const ids = wish.claimerUserId ? [wish.claimerUserId] : [];
  if (wish.claimerOrganisationId) {
    const rows = await db
      .select({ userId: organisationMembers.userId })
      .from(organisationMembers)
      .where(
        and(
          eq(organisationMembers.tenantId, wish.tenantId),
          eq(organisationMembers.organisationId, wish.claimerOrganisationId),
          inArray(organisationMembers.role, ['leader', 'admin']),
        ),
      );
    const admins = await db
      .select({ userId: roleGrants.userId })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.tenantId, wish.tenantId),
          eq(roleGrants.role, 'org_admin'),
          eq(roleGrants.organisationId, wish.claimerOrganisationId),
        ),
      );
    ids.push(...rows.map((r) => r.userId), ...admins.map((r) => r.userId));
  }
  return [...new Set(ids)];
}

/** The resident's side: the beneficiary, or whoever placed it for them. */
export const residentIds = (wish: WishRow) => [wish.beneficiaryUserId, wish.placedBy];

export interface TimelineEntry {
  event: string;
  fromState: WishRow['state'] | null;
  toState: WishRow['state'];
  actorUserId: string | null;
  actorName: string | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
  at: Date;
}

export async function writeTimeline(tx: Db, wish: Pick<WishRow, 'tenantId' | 'id'>, entry: TimelineEntry) {
  await tx.insert(wishEvents).values({ tenantId: wish.tenantId, wishId: wish.id, ...entry });
}

/**
 * Tells every open page of the tenant that the wish wall changed: a wish entered it, moved on it or
 * left it. The wall is public in the tenant, so the event carries only the wish's region.
 */
export async function announceWall(tx: Db, from: WishRow['state'], row: WishRow): Promise<void> {
  const onWall = (state: WishRow['state']) => (wallStates as readonly string[]).includes(state);
  if (!onWall(from) && !onWall(row.state)) return;
  await pushToTenant(tx, { tenantId: row.tenantId, type: 'wishes.changed', data: { regionCode: row.regionCode } });
}

export const h5Link = (id: string) => `/h5/wishes/${id}`;
export const consoleLink = (id: string) => `/console/wishes/${id}`;

export interface WishMessage {
  kind: string;
  /** The stored (Chinese) text; the web shows `notifications.<kind>` in the reader's language. */
  title: string;
  body?: string;
  link: string;
  except?: string | null;
  /** Parameters of the text besides the wish's title and number; `context` picks a variant (i18next). */
  params?: Record<string, string | number>;
}

/** One message about a wish to a set of people (skipping the one who caused it). */
export async function tell(
  tx: Db,
  wish: Pick<WishRow, 'tenantId' | 'id' | 'number' | 'title'>,
  userIds: (string | null | undefined)[],
  message: WishMessage,
) {
  const to = [...new Set(userIds.filter((u): u is string => !!u && u !== message.except))];
  if (!to.length) return;
  await notifyMany(tx, to, {
    tenantId: wish.tenantId,
    kind: message.kind,
    title: message.title,
    body: message.body ?? `${wish.title}（${wish.number}）`,
    link: message.link,
    data: { wishId: wish.id, params: { title: wish.title, number: wish.number, ...message.params } },
  });
}
