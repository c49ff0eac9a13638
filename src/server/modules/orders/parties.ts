import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { roleGrants } from '../accounts/index.js';
import { notifyMany } from '../notifications/index.js';
import { organisationMembers } from '../organisations/index.js';
import type { OrderRow } from './machine.js';
import { orderEvents } from './schema.js';

/** Members of a team (all of them, or only its leaders and admins). */
export async function teamUserIds(db: Db, tenantId: string, organisationId: string, managersOnly = false) {
  const rows = await db
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.tenantId, tenantId),
        eq(organisationMembers.organisationId, organisationId),
        managersOnly ? inArray(organisationMembers.role, ['leader', 'admin']) : undefined,
      ),
    );
  const grants = managersOnly
    ? await db
        .select({ userId: roleGrants.userId })
        .from(roleGrants)
        .where(
          and(
            eq(roleGrants.tenantId, tenantId),
            eq(roleGrants.role, 'org_admin'),
            eq(roleGrants.organisationId, organisationId),
          ),
        )
    : [];
  return [...new Set([...rows, ...grants].map((r) => r.userId))];
}

export interface TimelineEntry {
  event: string;
  fromState: OrderRow['state'] | null;
  toState: OrderRow['state'];
  actorUserId: string | null;
  actorName: string | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
  at: Date;
}

export async function writeTimeline(tx: Db, order: Pick<OrderRow, 'tenantId' | 'id'>, entry: TimelineEntry) {
  await tx.insert(orderEvents).values({ tenantId: order.tenantId, orderId: order.id, ...entry });
}

export const residentLink = (id: string) => `/h5/orders/${id}`;
export const volunteerLink = (id: string) => `/h5/tasks/${id}`;
export const consoleLink = (id: string) => `/console/orders/${id}`;

export interface OrderMessage {
  kind: string;
  /** The stored (Chinese) text; the web shows `notifications.<kind>` in the reader's language. */
  title: string;
  body?: string;
  link: string;
  except?: string | null;
  /** Parameters of the text besides the order's title and number; `context` picks a variant (i18next). */
  params?: Record<string, string | number>;
}

/** One message about an order to a set of people (skipping the one who caused it). */
export async function tell(
  tx: Db,
  order: Pick<OrderRow, 'tenantId' | 'id' | 'number' | 'title'>,
  userIds: (string | null | undefined)[],
  message: OrderMessage,
) {
  const to = userIds.filter((u): u is string => !!u && u !== message.except);
  if (!to.length) return;
  await notifyMany(tx, to, {
    tenantId: order.tenantId,
    kind: message.kind,
    title: message.title,
    body: message.body ?? `${order.title}（${order.number}）`,
    link: message.link,
    data: { orderId: order.id, params: { title: order.title, number: order.number, ...message.params } },
  });
}
