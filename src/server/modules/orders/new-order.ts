import { randomUUID } from 'node:crypto';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { attachFiles } from '../../platform/files.js';
import { keeperIds } from '../accounts/index.js';
import { regions } from '../regions/index.js';
import { ancestorCodes, findMenuItem, menuItems, serviceCategories } from '../service-menu/index.js';
import type { OrderRow } from './machine.js';
import { consoleLink, type TimelineEntry, tell, writeTimeline } from './parties.js';
import type { OrderChannel } from './schema.js';
import { orders } from './schema.js';
import { dueAt, readSettings } from './settings.js';

/** What is being ordered, and for which community. */
export interface OrderDraftInput {
  menuItemId?: string;
  categoryCode?: string;
  title?: string;
  regionCode: string;
}

export interface OrderDraft {
  regionCode: string;
  menuItemId: string | null;
  title: string;
  categoryCode: string;
  requiredSkills: string[];
}

const finishedStates = ['rejected', 'completed', 'rated', 'closed', 'cancelled'] as const;

const orderNumber = (now: Date, id: string) =>
  `D${now.toISOString().slice(0, 10).replaceAll('-', '')}${id.replaceAll('-', '').slice(0, 6).toUpperCase()}`;

const channelLabel = { app: '线上', phone: '电话', door: '上门', kiosk: '自助终端' } as const;

/** Checks the community, and the menu item (active, serving the community) or the free request's category. */
export async function draftOrder(ctx: Ctx, tenantId: string, input: OrderDraftInput): Promise<OrderDraft> {
  const db = ctx.db;
  const regionCode = input.regionCode;
  // A free request's category is read with the community, in the same statement.
  const categoryCode = input.menuItemId ? null : (input.categoryCode ?? '');
  const [region] = await db
    .select({
      level: regions.level,
      category:
        categoryCode === null
          ? sql<null>`null`
          : sql<string | null>`(${db
              .select({ code: serviceCategories.code })
              .from(serviceCategories)
              .where(
                and(
                  eq(serviceCategories.tenantId, tenantId),
                  eq(serviceCategories.code, categoryCode),
                  eq(serviceCategories.active, true),
                ),
              )})`,
    })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.code, regionCode)));
  if (region?.level !== 'community') throw fieldError('body.regionCode', '没有这个社区', 'No such community');
  if (input.menuItemId) {
    const item = await findMenuItem(ctx, tenantId, input.menuItemId);
    if (!item?.active) throw fieldError('body.menuItemId', '该服务已下架或不存在', 'No such menu item');
    const up = ancestorCodes(regionCode);
    if (!item.areaCodes.some((a) => up.includes(a))) throw new AppError('MENU_ITEM_NOT_SERVED');
    return {
      regionCode,
      menuItemId: input.menuItemId,
      title: input.title ?? item.title,
      categoryCode: item.categoryCode,
      requiredSkills: item.requiredSkills,
    };
  }
  if (!region.category) throw fieldError('body.categoryCode', '没有这个服务类别', 'No such category');
  return { regionCode, menuItemId: null, title: input.title ?? '', categoryCode: region.category, requiredSkills: [] };
}

export interface NewOrder {
  tenantId: string;
  draft: OrderDraft;
  description: string;
  address: string;
  lng?: number;
  lat?: number;
  windowStart: string;
  windowEnd: string;
  urgency: 'normal' | 'urgent';
  photoFileIds: string[];
  resident: { userId: string | null; name: string; phone: string | null };
  channel: OrderChannel;
  /** Who placed it: the resident, a keeper; null at a kiosk. */
  placedBy: { userId: string; displayName: string } | null;
  /** The station whose kiosk took it. */
  kiosk?: { siteId: string; siteName: string };
}

/**
 * Writes a new order in one transaction: the menu item's place, the row, its photos, the first
 * timeline entry, the audit row, and the message to the community's keepers. Answers the row and
 * that first entry (the whole timeline of a new order, so it need not be read back).
 */
export async function insertNewOrder(ctx: Ctx, input: NewOrder): Promise<{ order: OrderRow; placed: TimelineEntry }> {
  const { tenantId, draft } = input;
  const now = new Date();
  const settings = await readSettings(ctx.db, tenantId);
  const id = randomUUID();
  const note = input.kiosk
    ? `自助终端下单（${input.kiosk.siteName}）`
    : input.channel === 'app'
      ? null
      : `代下单（${channelLabel[input.channel]}）`;
  return ctx.db.transaction(async (tx) => {
    if (draft.menuItemId) await takeMenuItemPlace(tx, tenantId, draft.menuItemId);
    const [created] = await tx
      .insert(orders)
      .values({
        tenantId,
        id,
        number: orderNumber(now, id),
        menuItemId: draft.menuItemId,
        categoryCode: draft.categoryCode,
        title: draft.title,
        description: input.description,
        requiredSkills: draft.requiredSkills,
        regionCode: draft.regionCode,
        handlerRegionCode: draft.regionCode,
        address: input.address,
        lng: input.lng ?? null,
        lat: input.lat ?? null,
        windowStart: new Date(input.windowStart),
        windowEnd: new Date(input.windowEnd),
        urgency: input.urgency,
        photoFileIds: input.photoFileIds,
        residentUserId: input.resident.userId,
        contactName: input.resident.name,
        contactPhone: input.resident.phone,
        channel: input.channel,
        kioskSiteId: input.kiosk?.siteId ?? null,
        placedBy: input.placedBy?.userId ?? null,
        placedAt: now,
        reviewDueAt: dueAt(settings, 'review', input.urgency, now),
      })
      .returning();
    if (!created) throw new Error('insert failed');
    if (input.placedBy)
      await attachFiles(tx, {
        tenantId,
        ids: input.photoFileIds,
        ownerId: input.placedBy.userId,
        purpose: 'photo',
        regionCode: draft.regionCode,
        field: 'body.photoFileIds',
      });
    const placed: TimelineEntry = {
      event: 'place',
      fromState: null,
      toState: 'submitted',
      actorUserId: input.placedBy?.userId ?? null,
      actorName: input.placedBy?.displayName ?? input.resident.name,
      note,
      data: input.kiosk ? { channel: input.channel, siteId: input.kiosk.siteId } : { channel: input.channel },
      at: now,
    };
    await writeTimeline(tx, created, placed);
    await writeAudit(tx, auditContext(ctx), {
      action: 'order.place',
      entityType: 'order',
      entityId: id,
      regionCode: draft.regionCode,
      detail: {
        channel: input.channel,
        menuItemId: draft.menuItemId,
        residentUserId: input.resident.userId,
        ...(input.kiosk ? { siteId: input.kiosk.siteId } : {}),
      },
    });
    await tell(tx, created, await keeperIds(tx, tenantId, draft.regionCode), {
      kind: 'order.placed',
      title: input.urgency === 'urgent' ? '新的紧急订单待审核' : '新订单待审核',
      ...(input.urgency === 'urgent' ? { params: { context: 'urgent' } } : {}),
      link: consoleLink(id),
      except: input.placedBy?.userId ?? null,
    });
    return { order: created, placed };
  });
}

/**
 * The item's capacity counts its open orders. The item's row is locked first, so concurrent placements
 * queue behind each other and each one counts the orders committed before it.
 */
async function takeMenuItemPlace(tx: Db, tenantId: string, menuItemId: string) {
  const [item] = await tx
    .select({ capacity: menuItems.capacity })
    .from(menuItems)
    .where(and(eq(menuItems.tenantId, tenantId), eq(menuItems.id, menuItemId)))
    .for('update');
  const [open] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, tenantId),
        eq(orders.menuItemId, menuItemId),
        notInArray(orders.state, [...finishedStates]),
      ),
    );
  if (!item || (open?.n ?? 0) >= item.capacity) throw new AppError('MENU_ITEM_FULL');
}
