/**
 * A year of synthetic micro-wishes (合成演示数据), so the wish wall and the keeper's desk look like a
 * district in use: a few hundred wishes over the 12 months before `now`, across the demo district's
 * communities, for synthetic residents (困难老人、留守儿童…), claimed by synthetic volunteers and a few
 * synthetic caring merchants, in every state, each with a consistent timeline. Every row is
 * `synthetic = true`, every synthetic name is an account without a password (never signs in).
 *
 * Deterministic: the same `now` gives the same rows (wish and event ids included), from a seeded
 * generator. Bulk inserts: one statement per table.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { createUsersWithoutPassword } from '../modules/accounts/index.js';
import { organisations } from '../modules/organisations/index.js';
import { regions } from '../modules/regions/index.js';
import { type wishEvents, wishes } from '../modules/wishes/index.js';
import type { Db } from '../platform/db.js';
import {
  atLocal,
  bulkInsert,
  DAY,
  ELDER,
  GIVEN,
  generator,
  HOUR,
  localDay,
  MINUTE,
  STREETS,
  SURNAMES,
  syntheticPhoneOf,
} from './synthetic.js';

export const SYNTHETIC_WISH_COUNT = 800;
const GIVERS = 40;
const RESIDENTS = 200;

const WISHES: { title: string; description: string; fen: number; group: WishInsert['beneficiaryGroup'] }[] = [
  { title: '一副老花镜', description: '看报纸、看药盒上的字很吃力', fen: 8000, group: 'elderly' },
  { title: '一台收音机', description: '想听戏曲和新闻', fen: 12000, group: 'elderly' },
  { title: '冬天的棉拖鞋', description: '42码，家里地面凉', fen: 5000, group: 'elderly' },
  { title: '一根助行拐杖', description: '腿脚不便，出门需要扶着', fen: 9000, group: 'disabled' },
  { title: '一个新书包', description: '上三年级，旧书包坏了', fen: 10000, group: 'left_behind_child' },
  { title: '一套课外读物', description: '喜欢看科普书', fen: 8000, group: 'left_behind_child' },
  { title: '一双运动鞋', description: '35码，体育课要穿', fen: 15000, group: 'left_behind_child' },
  { title: '一个电饭煲', description: '家里的用了十几年，不好用了', fen: 20000, group: 'low_income' },
  { title: '一床厚棉被', description: '冬天夜里冷', fen: 18000, group: 'low_income' },
  { title: '一盏护眼台灯', description: '孩子晚上写作业', fen: 9000, group: 'left_behind_child' },
  { title: '一个血压计', description: '需要每天量血压', fen: 16000, group: 'elderly' },
  { title: '一件羽绒服', description: '身高一米五，想要深色的', fen: 25000, group: 'low_income' },
];
const THANKS = [
  '谢谢好心人，东西很实用！',
  '孩子特别喜欢，说长大了也要帮助别人。',
  '感谢志愿者冒雪送来，太暖心了。',
  '谢谢你们记挂着我这个老头子。',
  '收到了，非常感谢社区和爱心人士！',
];
const REJECT = ['属于低保救助范围，已转民政部门', '心愿价值较高，建议申请专项救助', '信息不全，请补充后重新提交'];
const MERCHANTS = ['海港路爱心超市', '统一路便民药房', '新威路书店', '昆明路鞋服店'];

type WishInsert = typeof wishes.$inferInsert;
type EventInsert = typeof wishEvents.$inferInsert;

export async function hasSyntheticWishes(db: Db, tenantId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(wishes)
    .where(and(eq(wishes.tenantId, tenantId), eq(wishes.synthetic, true)));
  return (row?.n ?? 0) > 0;
}

/** Inserts the synthetic year once per tenant (instances starting together take turns); false when it is there already. */
export async function seedDemoWishes(
  db: Db,
  tenantId: string,
  now: Date = new Date(),
  n = SYNTHETIC_WISH_COUNT,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(371002, 3)`);
    if (await hasSyntheticWishes(tx, tenantId)) return false;
    await insertSyntheticYear(tx, tenantId, now, n);
    return true;
  });
}

async function insertSyntheticYear(tx: Db, tenantId: string, now: Date, n: number) {
  const rnd = generator(20261202);
  const communities = await tx
    .select({ code: regions.code, shortName: regions.shortName })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.level, 'community')))
    .orderBy(regions.code);
  if (!communities.length) throw new Error('seed the demo district first');
  // The demo keeper's 北门外社区 and its subdistrict weigh more.
  const weighted = communities.flatMap((c) =>
    c.code === '371002002005' ? Array(10).fill(c) : c.code.startsWith('371002002') ? Array(3).fill(c) : [c],
  ) as typeof communities;

  const name = (i: number, elder: boolean) => {
    const surname = SURNAMES[i % SURNAMES.length] as string;
    return elder
      ? `${surname}${ELDER[Math.floor(i / SURNAMES.length) % ELDER.length]}`
      : `${surname}${GIVEN[(i * 11) % GIVEN.length]}`;
  };
  const givers = Array.from({ length: GIVERS }, (_, i) => ({
    id: '',
    phone: syntheticPhoneOf('wishGiver', i),
    name: name(i * 5 + 2, false),
  }));
  const residents = Array.from({ length: RESIDENTS }, (_, i) => ({
    id: '',
    phone: syntheticPhoneOf('wishResident', i),
    name: name(i * 3 + 1, true),
  }));
  const created = await createUsersWithoutPassword(
    tx,
    tenantId,
    [...givers, ...residents].map((u) => ({ phone: u.phone, displayName: u.name })),
  );
  const idOf = new Map(created.map((c) => [c.phone, c.id]));
  for (const u of [...givers, ...residents]) u.id = idOf.get(u.phone) as string;
  const merchants = MERCHANTS.map((m, i) => ({
    tenantId,
    id: rnd.uuid(),
    kind: 'caring_merchant' as const,
    name: `${m}（演示）`,
    regionCode: (weighted[(i * 7) % weighted.length] as (typeof communities)[number]).code,
    description: '合成演示数据',
  }));
  await tx.insert(organisations).values(merchants);

  const rows: WishInsert[] = [];
  const events: EventInsert[] = [];
  for (let i = 0; i < n; i++) {
    const id = rnd.uuid();
    const ageDays = 365 * rnd.next() ** 1.3;
    let placedAt = atLocal(new Date(now.getTime() - ageDays * DAY), rnd.int(8, 19), rnd.int(0, 59));
    if (placedAt > now) placedAt = new Date(now.getTime() - rnd.int(10, 120) * MINUTE);
    const place = rnd.pick(weighted);
    const what = rnd.pick(WISHES);
    const keeperEntered = rnd.next() < 0.35;
    const resident = rnd.pick(residents);
    const keeper = { id: null, name: `${place.shortName}专管员` };
    const deadline = new Date(placedAt.getTime() + rnd.pick([14, 30, 30, 60]) * DAY);
    const row: WishInsert = {
      tenantId,
      id,
      number: `X${localDay(placedAt)}${id.replaceAll('-', '').slice(0, 6).toUpperCase()}`,
      state: 'submitted',
      version: 0,
      title: what.title,
      description: what.description,
      photoFileId: null,
      estimatedValueFen: rnd.next() < 0.8 ? what.fen : null,
      regionCode: place.code,
      beneficiaryUserId: keeperEntered ? null : resident.id,
      beneficiaryName: resident.name,
      beneficiaryPhone: resident.phone,
      beneficiaryGroup: what.group,
      address: `威海市环翠区${place.shortName}${rnd.pick(STREETS)}${rnd.int(1, 120)}号${rnd.int(1, 6)}单元${rnd.int(1, 6)}0${rnd.int(1, 2)}`,
      channel: keeperEntered ? 'keeper' : 'app',
      consentAt: keeperEntered ? placedAt : null,
      placedBy: keeperEntered ? null : resident.id,
      placedAt,
      deadline,
      synthetic: true,
    };
    const placer = keeperEntered ? keeper : { id: resident.id, name: resident.name };
    const step = (
      event: string,
      from: WishInsert['state'] | null,
      to: NonNullable<WishInsert['state']>,
      at: Date,
      actor: { id: string | null; name: string },
      note: string | null = null,
    ) => {
      events.push({
        tenantId,
        id: rnd.uuid(),
        wishId: id,
        event,
        fromState: from ?? null,
        toState: to,
        actorUserId: actor.id,
        actorName: actor.name,
        note,
        data: null,
        at,
      });
      row.state = to;
      row.version = (row.version ?? 0) + (from ? 1 : 0);
      row.updatedAt = at;
    };
    step('place', null, 'submitted', placedAt, placer, keeperEntered ? '专管员代录（已征得本人同意）' : null);

    let t = placedAt.getTime();
    const later = (ms: number) => {
      t += ms;
      return t < now.getTime() - 5 * MINUTE;
    };
    const fate = rnd.next();
    (() => {
      if (!later(rnd.wait(6, 72) * HOUR + 10 * MINUTE)) return;
      if (fate < 0.05) {
        row.rejectReason = rnd.pick(REJECT);
        row.reviewedAt = new Date(t);
        return step('reject', 'submitted', 'rejected', new Date(t), keeper, row.rejectReason);
      }
      row.reviewedAt = new Date(t);
      step('approve', 'submitted', 'approved', new Date(t), keeper);
      if (fate < 0.09 && !keeperEntered) {
        // The family bought it meanwhile: the resident withdraws it from the wall.
        if (!later(rnd.int(1, 10) * DAY)) return;
        row.withdrawnAt = new Date(t);
        row.withdrawReason = '家里人已经买了';
        return step('withdraw', 'approved', 'withdrawn', new Date(t), placer, row.withdrawReason);
      }
      const claimAfter = rnd.wait(3, 40) * DAY * (0.2 + rnd.next()) + HOUR;
      if (t + claimAfter > (deadline as Date).getTime()) {
        // Nobody came in time: it expires once the deadline has passed.
        if ((deadline as Date).getTime() >= now.getTime()) return;
        t = (deadline as Date).getTime() + rnd.int(1, 5) * MINUTE;
        row.expiredAt = new Date(t);
        return step('expire', 'approved', 'expired', new Date(t), { id: null, name: '系统' }, '已过截止时间，无人认领');
      }
      if (!later(claimAfter)) return;
      const byMerchant = rnd.next() < 0.2;
      const giver = rnd.pick(givers);
      const merchant = byMerchant ? rnd.pick(merchants) : null;
      row.claimerUserId = giver.id;
      row.claimerOrganisationId = merchant?.id ?? null;
      row.claimedAt = new Date(t);
      step('claim', 'approved', 'claimed', new Date(t), { id: giver.id, name: giver.name });
      if (!later(rnd.wait(2, 10) * DAY + 2 * HOUR)) return;
      row.deliveredAt = new Date(t);
      row.deliveryNote = rnd.next() < 0.5 ? '已送到家中，老人很高兴' : null;
      step('deliver', 'claimed', 'delivered', new Date(t), { id: giver.id, name: giver.name }, row.deliveryNote);
      if (!later(rnd.wait(1, 5) * DAY + HOUR)) return;
      row.confirmedAt = new Date(t);
      step('confirm', 'delivered', 'confirmed', new Date(t), keeper);
      if (rnd.next() < 0.75 && later(rnd.wait(1, 6) * DAY + HOUR)) {
        row.thanks = rnd.pick(THANKS);
        row.thankedAt = new Date(t);
        step('thank', 'confirmed', 'thanked', new Date(t), keeperEntered ? keeper : placer, row.thanks);
      }
    })();
    // A wish still waiting must not be past its deadline (the expiry job would take it at once).
    if ((row.state === 'submitted' || row.state === 'approved') && (deadline as Date) <= now)
      row.deadline = new Date(now.getTime() + rnd.int(3, 20) * DAY);
    rows.push(row);
  }
  for (let i = 0; i < rows.length; i += 1000) await bulkInsert(tx, 'wishes', rows.slice(i, i + 1000));
  for (let i = 0; i < events.length; i += 8000) await bulkInsert(tx, 'wish_events', events.slice(i, i + 8000));
}
