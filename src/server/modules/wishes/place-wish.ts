import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { assertInScope, isStaff } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { attachFiles } from '../../platform/files.js';
import { keeperIds, userByPhone, users } from '../accounts/index.js';
import { regions } from '../regions/index.js';
import { consoleLink, tell, writeTimeline } from './parties.js';
import { presentWishDetail } from './present.js';
import { type BeneficiaryGroup, wishes } from './schema.js';
import { loadWishFacts } from './viewer.js';

export interface PlaceWishInput {
  title: string;
  description: string;
  photoFileId?: string;
  estimatedValueFen?: number;
  regionCode: string;
  address: string;
  deadline: string;
  beneficiaryGroup: BeneficiaryGroup;
  contactName?: string;
  contactPhone?: string;
  forResident?: { residentPhone?: string; consent: true };
}

/** The longest a wish may wait for a giver. */
export const MAX_DEADLINE_DAYS = 180;
const DAY = 86_400_000;

const wishNumber = (now: Date, id: string) =>
  `X${now.toISOString().slice(0, 10).replaceAll('-', '')}${id.replaceAll('-', '').slice(0, 6).toUpperCase()}`;

/**
 * 许愿: a resident places a wish for themself; a keeper enters one for a resident of their scope
 * (困难老人、留守儿童…) with the resident's consent. The community's keeper reviews it first.
 */
export async function placeWish(ctx: Ctx, input: PlaceWishInput, now: Date = new Date()) {
  const actor = requireActor(ctx);
  const tenantId = actor.tenantId;
  const db = ctx.db;
  if (input.forResident && !isStaff(actor)) throw new AppError('FORBIDDEN');
  const [region] = await db
    .select({ level: regions.level })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.code, input.regionCode)));
  if (region?.level !== 'community') throw fieldError('body.regionCode', '没有这个社区', 'No such community');
  if (input.forResident) assertInScope(actor, input.regionCode);
  const deadline = new Date(input.deadline);
  if (deadline.getTime() <= now.getTime() + 60 * 60_000)
    throw fieldError('body.deadline', '截止时间需晚于当前时间至少1小时', 'The deadline must be at least an hour away');
  if (deadline.getTime() > now.getTime() + MAX_DEADLINE_DAYS * DAY)
    throw fieldError(
      'body.deadline',
      `截止时间不能超过${MAX_DEADLINE_DAYS}天`,
      `At most ${MAX_DEADLINE_DAYS} days ahead`,
    );

  const beneficiary = await resolveBeneficiary(ctx, input);
  const id = randomUUID();
  const channel = input.forResident ? 'keeper' : 'app';
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(wishes)
      .values({
        tenantId,
        id,
        number: wishNumber(now, id),
        title: input.title,
        description: input.description,
        photoFileId: input.photoFileId ?? null,
        estimatedValueFen: input.estimatedValueFen ?? null,
        regionCode: input.regionCode,
        beneficiaryUserId: beneficiary.userId,
        beneficiaryName: beneficiary.name,
        beneficiaryPhone: beneficiary.phone,
        beneficiaryGroup: input.beneficiaryGroup,
        address: input.address,
        channel,
        consentAt: input.forResident ? now : null,
        placedBy: actor.userId,
        placedAt: now,
        deadline,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error('insert failed');
    if (input.photoFileId)
      await attachFiles(tx, {
        tenantId,
        ids: [input.photoFileId],
        ownerId: actor.userId,
        purpose: 'photo',
        regionCode: input.regionCode,
        field: 'body.photoFileId',
      });
    await writeTimeline(tx, created, {
      event: 'place',
      fromState: null,
      toState: 'submitted',
      actorUserId: actor.userId,
      actorName: actor.displayName,
      note: channel === 'keeper' ? '专管员代录（已征得本人同意）' : null,
      data: { channel },
      at: now,
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'wish.place',
      entityType: 'wish',
      entityId: id,
      regionCode: input.regionCode,
      detail: { channel, beneficiaryUserId: beneficiary.userId, consent: channel === 'keeper' },
    });
    await tell(tx, created, await keeperIds(tx, tenantId, input.regionCode), {
      kind: 'wish.placed',
      title: '新的微心愿待审核',
      link: consoleLink(id),
      except: actor.userId,
    });
    return created;
  });
  return presentWishDetail(db, ctx.config, row, await loadWishFacts(db, actor));
}

/** Who the wish is for: the caller; or, entered by a keeper, the account of the given phone, or a name and phone. */
async function resolveBeneficiary(ctx: Ctx, input: PlaceWishInput) {
  const actor = requireActor(ctx);
  if (!input.forResident) {
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
  const residentPhone = input.forResident.residentPhone;
  const account = residentPhone ? await userByPhone(ctx.db, actor.tenantId, residentPhone) : null;
  if (residentPhone && !account)
    throw fieldError(
      'body.forResident.residentPhone',
      '该手机号未注册，请改填姓名和电话',
      'No account with this phone',
    );
  const name = input.contactName ?? account?.displayName;
  if (!name) throw fieldError('body.contactName', '请填写心愿人姓名', "Give the resident's name");
  const phone = input.contactPhone ?? (account ? residentPhone : null) ?? null;
  return { userId: account?.id ?? null, name, phone };
}
