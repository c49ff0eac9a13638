import { and, eq } from 'drizzle-orm';
import { assertInScope, isStaff } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { userByPhone, users } from '../accounts/index.js';
import { communityNear } from '../service-menu/index.js';
import { draftOrder, insertNewOrder } from './new-order.js';
import { presentOrderDetail } from './present.js';
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

/**
 * 点单: a resident orders a menu item or makes a free request; staff may place it for a resident
 * (phone, door, kiosk) inside their scope. The community's station reviews it first.
 */
export async function placeOrder(ctx: Ctx, input: PlaceOrderInput) {
  const actor = requireActor(ctx);
  const tenantId = actor.tenantId;
  if (input.onBehalf && !isStaff(actor)) throw new AppError('FORBIDDEN');

  let regionCode = input.regionCode ?? null;
  if (!regionCode && input.lng !== undefined && input.lat !== undefined)
    regionCode = await communityNear(ctx.db, tenantId, { lng: input.lng, lat: input.lat });
  if (!regionCode)
    throw fieldError('body.regionCode', '请选择所在社区或在地图上选点', 'Choose the community or a point');
  const draft = await draftOrder(ctx, tenantId, { ...input, regionCode });
  if (input.onBehalf) assertInScope(actor, regionCode);

  const resident = await resolveResident(ctx, input);
  const facts = await loadActorFacts(ctx.db, actor);
  const { order, placed } = await insertNewOrder(ctx, {
    tenantId,
    draft,
    description: input.description,
    address: input.address,
    lng: input.lng,
    lat: input.lat,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    urgency: input.urgency,
    photoFileIds: [...new Set(input.photoFileIds)],
    resident,
    channel: input.onBehalf?.channel ?? 'app',
    placedBy: actor,
  });
  return presentOrderDetail(ctx.db, ctx.config, order, facts, [placed]);
}

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
