import { randomUUID } from 'node:crypto';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { assertInScope, isStaff } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { attachFiles } from '../../platform/files.js';
import { keeperIds, userByPhone, users } from '../accounts/index.js';
import { regions } from '../regions/index.js';
import { ancestorCodes, communityNear, findMenuItem, menuItems, serviceCategories } from '../service-menu/index.js';
import { consoleLink, tell, writeTimeline } from './parties.js';
import { presentOrderDetail } from './present.js';
import type { OrderChannel } from './schema.js';
import { orders } from './schema.js';
import { dueAt, readSettings } from './settings.js';
import { loadActorFacts } from './viewer.js';

export interface PlaceOrderInput {
  menuItemId?: string;
  categoryCode?: string;
  title?: string;
  description: string;
  regionCode?: string;
  address: string;
  lng?: number;
  lat?: number;
  windowStart: string;
  windowEnd: string;
  urgency: 'normal' | 'urgent';
  photoFileIds: string[];
  contactName?: string;
  contactPhone?: string;
  onBehalf?: { channel: 'phone' | 'door' | 'kiosk'; residentPhone?: string };
}

const finishedStates = ['rejected', 'completed', 'rated', 'closed', 'cancelled'] as const;

const orderNumber = (now: Date, id: string) =>
  `D${now.toISOString().slice(0, 10).replaceAll('-', '')}${id.replaceAll('-', '').slice(0, 6).toUpperCase()}`;

/**
 * 点单: a resident orders a menu item or makes a free request; staff may place it for a resident
 * (phone, door, kiosk) inside their scope. The community's station reviews it first.
 */
export async function placeOrder(ctx: Ctx, input: PlaceOrderInput) {
  const actor = requireActor(ctx);
  const tenantId = actor.tenantId;
  const db = ctx.db;
  if (input.onBehalf && !isStaff(actor)) throw new AppError('FORBIDDEN');

  let regionCode = input.regionCode ?? null;
  if (!regionCode && input.lng !== undefined && input.lat !== undefined)
    regionCode = await communityNear(db, tenantId, { lng: input.lng, lat: input.lat });
  if (!regionCode)
    throw fieldError('body.regionCode', '请选择所在社区或在地图上选点', 'Choose the community or a point');
  const [region] = await db
    .select({ level: regions.level })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.code, regionCode)));
  if (region?.level !== 'community') throw fieldError('body.regionCode', '没有这个社区', 'No such community');
  if (input.onBehalf) assertInScope(actor, regionCode);

  let title = input.title ?? '';
  let categoryCode = input.categoryCode ?? '';
  let requiredSkills: string[] = [];
  if (input.menuItemId) {
    const item = await findMenuItem(ctx, tenantId, input.menuItemId);
    if (!item?.active) throw fieldError('body.menuItemId', '该服务已下架或不存在', 'No such menu item');
    const up = ancestorCodes(regionCode);
    if (!item.areaCodes.some((a) => up.includes(a))) throw new AppError('MENU_ITEM_NOT_SERVED');
    title = input.title ?? item.title;
    categoryCode = item.categoryCode;
    requiredSkills = item.requiredSkills;
  } else {
    const [cat] = await db
      .select({ code: serviceCategories.code })
      .from(serviceCategories)
      .where(
        and(
          eq(serviceCategories.tenantId, tenantId),
          eq(serviceCategories.code, categoryCode),
          eq(serviceCategories.active, true),
        ),
      );
    if (!cat) throw fieldError('body.categoryCode', '没有这个服务类别', 'No such category');
  }

  const photoIds = [...new Set(input.photoFileIds)];
  const resident = await resolveResident(ctx, input);
  const channel: OrderChannel = input.onBehalf?.channel ?? 'app';
  const now = new Date();
  const settings = await readSettings(db, tenantId);
  const id = randomUUID();
  const facts = await loadActorFacts(db, actor);
  const row = await db.transaction(async (tx) => {
    if (input.menuItemId) await takeMenuItemPlace(tx, tenantId, input.menuItemId);
    const [created] = await tx
      .insert(orders)
      .values({
        tenantId,
        id,
        number: orderNumber(now, id),
        menuItemId: input.menuItemId ?? null,
        categoryCode,
        title,
        description: input.description,
        requiredSkills,
        regionCode,
        handlerRegionCode: regionCode,
        address: input.address,
        lng: input.lng ?? null,
        lat: input.lat ?? null,
        windowStart: new Date(input.windowStart),
        windowEnd: new Date(input.windowEnd),
        urgency: input.urgency,
        photoFileIds: photoIds,
        residentUserId: resident.userId,
        contactName: resident.name,
        contactPhone: resident.phone,
        channel,
        placedBy: actor.userId,
        placedAt: now,
        reviewDueAt: dueAt(settings, 'review', input.urgency, now),
      })
      .returning();
    if (!created) throw new Error('insert failed');
    await attachFiles(tx, {
      tenantId,
      ids: photoIds,
      ownerId: actor.userId,
      purpose: 'photo',
      regionCode,
      field: 'body.photoFileIds',
    });
    await writeTimeline(tx, created, {
      event: 'place',
      fromState: null,
      toState: 'submitted',
      actorUserId: actor.userId,
      actorName: actor.displayName,
      note: channel === 'app' ? null : `代下单（${channelLabel[channel]}）`,
      data: { channel },
      at: now,
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'order.place',
      entityType: 'order',
      entityId: id,
      regionCode,
      detail: { channel, menuItemId: input.menuItemId ?? null, residentUserId: resident.userId },
    });
    await tell(tx, created, await keeperIds(tx, tenantId, regionCode), {
      kind: 'order.placed',
      title: input.urgency === 'urgent' ? '新的紧急订单待审核' : '新订单待审核',
      ...(input.urgency === 'urgent' ? { params: { context: 'urgent' } } : {}),
      link: consoleLink(id),
      except: actor.userId,
    });
    return created;
  });
  return presentOrderDetail(db, ctx.config, row, facts);
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

const channelLabel = { app: '线上', phone: '电话', door: '上门', kiosk: '自助终端' } as const;

/** Who the order is for: the caller; or, placed by staff, the active account of the given phone, or just a name and phone. */
async function resolveResident(ctx: Ctx, input: PlaceOrderInput) {
  const actor = requireActor(ctx);
  if (!input.onBehalf) {
    const [me] = await ctx.db
      .select({ name: users.displayName, phone: users.phone })
      .from(users)
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
    return {
      userId: actor.userId,
      name: input.contactName ?? me?.name ?? actor.displayName,
      phone: input.contactPhone ?? me?.phone ?? null,
    };
  }
  const residentPhone = input.onBehalf.residentPhone;
  const account = residentPhone ? await userByPhone(ctx.db, actor.tenantId, residentPhone) : null;
  if (residentPhone && !account)
    throw fieldError('onBehalf.residentPhone', '该手机号未注册，请改填联系人和电话', 'No account with this phone');
  const name = input.contactName ?? account?.displayName;
  if (!name) throw fieldError('body.contactName', '请填写联系人', 'Give the contact name');
  const phone = input.contactPhone ?? (account ? residentPhone : null) ?? null;
  if (!phone) throw fieldError('body.contactPhone', '请填写联系电话', 'Give the contact phone');
  return { userId: account?.id ?? null, name, phone };
}
