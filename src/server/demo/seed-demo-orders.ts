/**
 * A year of synthetic demo orders (合成演示数据), so the console's queue, 服务质量 and history look
 * like a district in use: a few thousand orders over the 12 months before `now`, across the demo
 * district's communities and menu, served by synthetic volunteers for synthetic residents, with a
 * realistic mix of states, timelines and ratings. Every row is `synthetic = true`.
 *
 * Deterministic: the same `now` gives the same rows (order and event ids included; the synthetic
 * people's account ids are the database's), from a seeded generator. The synthetic people are
 * accounts without a password, so they never sign in; the volunteers among them get profiles later
 * (seed-demo-volunteers.ts), and are dispatch candidates from then on, each with the orders they serve
 * here counted as their load. The real demo accounts' queues and loads are untouched.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { createUsersWithoutPassword } from '../modules/accounts/index.js';
import { type orderEvents, orders } from '../modules/orders/index.js';
import { regions } from '../modules/regions/index.js';
import { menuItems } from '../modules/service-menu/index.js';
import { sites } from '../modules/sites/index.js';
import type { Db } from '../platform/db.js';
import {
  atLocal,
  bulkInsert,
  CANCEL,
  DAY,
  ELDER,
  FAIR,
  GIVEN,
  GOOD,
  generator,
  HOUR,
  localDay,
  MINUTE,
  POOR,
  REJECT,
  STREETS,
  SUMMARY,
  SURNAMES,
  syntheticPhoneOf,
} from './synthetic.js';

export const SYNTHETIC_ORDER_COUNT = 3000;
const VOLUNTEERS = 48;
const RESIDENTS = 360;

type OrderInsert = typeof orders.$inferInsert;
type EventInsert = typeof orderEvents.$inferInsert;

export async function hasSyntheticOrders(db: Db, tenantId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), eq(orders.synthetic, true)));
  return (row?.n ?? 0) > 0;
}

/**
 * Inserts the synthetic year once per tenant (instances starting together take turns); false when
 * it is there already. `now` anchors the year; the same `now` gives the same data.
 */
export async function seedDemoOrders(
  db: Db,
  tenantId: string,
  now: Date = new Date(),
  count = SYNTHETIC_ORDER_COUNT,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(371002, 2)`);
    if (await hasSyntheticOrders(tx, tenantId)) return false;
    await insertSyntheticYear(tx, tenantId, now, count);
    return true;
  });
}

async function insertSyntheticYear(tx: Db, tenantId: string, now: Date, count: number) {
  const rnd = generator(20261201);
  const communities = await tx
    .select({ code: regions.code, name: regions.name, shortName: regions.shortName })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.level, 'community')))
    .orderBy(regions.code);
  const points = await tx
    .select({ regionCode: sites.regionCode, kind: sites.kind, lng: sites.lng, lat: sites.lat })
    .from(sites)
    .where(
      and(eq(sites.tenantId, tenantId), sql`${sites.lng} is not null and ${sites.kind} in ('station', 'institute')`),
    )
    .orderBy(sites.regionCode, sites.kind);
  const items = await tx
    .select({
      id: menuItems.id,
      title: menuItems.title,
      description: menuItems.description,
      categoryCode: menuItems.categoryCode,
      requiredSkills: menuItems.requiredSkills,
      areaCodes: menuItems.areaCodes,
      organisationId: menuItems.organisationId,
      durationMinutes: menuItems.durationMinutes,
    })
    .from(menuItems)
    .where(eq(menuItems.tenantId, tenantId))
    .orderBy(menuItems.title);
  if (!communities.length || !items.length) throw new Error('seed the demo district first');

  // Where each community is: its station, else its subdistrict's institute (a few hundred metres around it).
  const pointOf = (code: string) =>
    points.find((p) => p.regionCode === code) ?? points.find((p) => p.regionCode === code.slice(0, 9));
  const places = communities.flatMap((c) => {
    const p = pointOf(c.code);
    return p?.lng != null && p.lat != null ? [{ ...c, lng: p.lng, lat: p.lat }] : [];
  });
  if (!places.length) throw new Error('no community has a map point');
  // Busier communities first: the demo keeper's 北门外社区 and 鲸园街道 weigh more.
  const weighted = places.flatMap((p) =>
    p.code === '371002002005' ? Array(8).fill(p) : p.code.startsWith('371002002') ? Array(3).fill(p) : [p],
  );

  const person = (i: number, elder: boolean) => {
    const surname = SURNAMES[i % SURNAMES.length] as string;
    return elder
      ? `${surname}${ELDER[Math.floor(i / SURNAMES.length) % ELDER.length]}`
      : `${surname}${GIVEN[(i * 7) % GIVEN.length]}`;
  };
  const volunteerUsers = Array.from({ length: VOLUNTEERS }, (_, i) => ({
    id: '',
    phone: syntheticPhoneOf('orderVolunteer', i),
    name: person(i * 3 + 1, false),
    home: (places[(i * 5) % places.length] as (typeof places)[number]).code.slice(0, 9),
  }));
  const residentUsers = Array.from({ length: RESIDENTS }, (_, i) => ({
    id: '',
    phone: syntheticPhoneOf('orderResident', i),
    name: person(i, true),
  }));
  const people = [...volunteerUsers, ...residentUsers];
  const created = await createUsersWithoutPassword(
    tx,
    tenantId,
    people.map((u) => ({ phone: u.phone, displayName: u.name })),
  );
  const idOf = new Map(created.map((c) => [c.phone, c.id]));
  for (const u of people) u.id = idOf.get(u.phone) as string;

  const memo = <T>(f: (code: string) => T) => {
    const seen = new Map<string, T>();
    return (code: string) => seen.get(code) ?? (seen.set(code, f(code)).get(code) as T);
  };
  const servableIn = memo((code) => items.filter((it) => it.areaCodes.some((a) => code.startsWith(a))));
  // Mostly volunteers of the same subdistrict (the first one helps everywhere, so no list is empty).
  const nearby = memo((code) =>
    volunteerUsers.filter((v) => v.home === code.slice(0, 9)).concat(volunteerUsers.slice(0, 1)),
  );

  const rows: OrderInsert[] = [];
  const events: EventInsert[] = [];
  for (let n = 0; n < count; n++) {
    const id = rnd.uuid();
    // More orders lately than a year ago (the service grows): age in days, denser near now.
    const ageDays = 365 * rnd.next() ** 1.25;
    const day = new Date(now.getTime() - ageDays * DAY);
    let placedAt = atLocal(day, rnd.int(7, 20), rnd.int(0, 59));
    if (placedAt > now) placedAt = new Date(now.getTime() - rnd.int(5, 90) * MINUTE);
    const place = rnd.pick(weighted);
    const servable = servableIn(place.code);
    const item = servable.length && rnd.next() < 0.85 ? rnd.pick(servable) : null;
    const resident = rnd.pick(residentUsers);
    const channel = rnd.pick(['app', 'app', 'app', 'app', 'phone', 'phone', 'door', 'kiosk'] as const);
    const urgency = rnd.next() < 0.12 ? 'urgent' : 'normal';
    const duration = item?.durationMinutes ?? 60;
    const windowStart = atLocal(new Date(placedAt.getTime() + rnd.int(0, 3) * DAY), rnd.pick([9, 10, 14, 15, 16]));
    const start = windowStart < placedAt ? new Date(placedAt.getTime() + 2 * HOUR) : windowStart;
    const windowEnd = new Date(start.getTime() + Math.max(duration, 60) * MINUTE + 2 * HOUR);
    const staff = `${place.shortName}专管员`;
    const volunteer = rnd.next() < 0.8 ? rnd.pick(nearby(place.code)) : rnd.pick(volunteerUsers);
    const row: OrderInsert = {
      tenantId,
      id,
      number: `D${localDay(placedAt)}${id.replaceAll('-', '').slice(0, 6).toUpperCase()}`,
      state: 'submitted',
      version: 0,
      menuItemId: item?.id ?? null,
      categoryCode: item?.categoryCode ?? rnd.pick(['convenience', 'elderly_disabled', 'environment']),
      title: item?.title ?? rnd.pick(['帮忙换灯泡', '陪老人聊天', '帮忙搬运家具', '代买药品']),
      description: item?.description ?? '居民来电提出的需求。',
      requiredSkills: item?.requiredSkills ?? [],
      regionCode: place.code,
      handlerRegionCode: place.code,
      address: `威海市环翠区${place.shortName}${rnd.pick(STREETS)}${rnd.int(1, 120)}号${rnd.int(1, 6)}单元${rnd.int(1, 6)}0${rnd.int(1, 2)}`,
      lng: place.lng + (rnd.next() - 0.5) * 0.008,
      lat: place.lat + (rnd.next() - 0.5) * 0.006,
      windowStart: start,
      windowEnd,
      urgency,
      residentUserId: resident.id,
      contactName: resident.name,
      contactPhone: resident.phone,
      channel,
      placedBy: channel === 'app' ? resident.id : null,
      placedAt,
      reviewDueAt: new Date(placedAt.getTime() + (urgency === 'urgent' ? 60 : 120) * MINUTE),
      organisationId: null,
      photoFileIds: [],
      completionPhotoFileIds: [],
      escalations: 0,
      synthetic: true,
    };
    const timeline: EventInsert[] = [];
    const step = (
      event: string,
      fromState: OrderInsert['state'] | null,
      toState: NonNullable<OrderInsert['state']>,
      at: Date,
      actor: { id: string | null; name: string },
      extra: { note?: string; data?: Record<string, unknown> } = {},
    ) => {
      timeline.push({
        tenantId,
        id: rnd.uuid(),
        orderId: id,
        event,
        fromState: fromState ?? null,
        toState,
        actorUserId: actor.id,
        actorName: actor.name,
        note: extra.note ?? null,
        data: extra.data ?? null,
        at,
      });
      row.state = toState;
      row.version = (row.version ?? 0) + (fromState ? 1 : 0);
    };
    const placer = channel === 'app' ? { id: resident.id, name: resident.name } : { id: null, name: staff };
    step('place', null, 'submitted', placedAt, placer, {
      note: channel === 'app' ? undefined : `代下单（${{ phone: '电话', door: '上门', kiosk: '自助终端' }[channel]}）`,
      data: { channel },
    });

    // How far this order got: each step happens only if its time has come (recent orders are under way).
    const fate = rnd.next();
    let t = placedAt.getTime();
    const until = (ms: number) => {
      t += ms;
      return t < now.getTime() - 5 * MINUTE;
    };
    const advance = () => {
      if (!until(rnd.wait(urgency === 'urgent' ? 15 : 45, 300) * MINUTE + MINUTE)) return false;
      if (fate < 0.04) {
        row.rejectReason = rnd.pick(REJECT);
        row.reviewedAt = new Date(t);
        step('reject', 'submitted', 'rejected', new Date(t), { id: null, name: staff }, { note: row.rejectReason });
        return false;
      }
      if (fate < 0.06) {
        row.cancelledAt = new Date(t);
        row.cancelReason = rnd.pick(CANCEL);
        step('cancel', 'submitted', 'cancelled', new Date(t), placer, { note: row.cancelReason });
        return false;
      }
      row.reviewedAt = new Date(t);
      step('review', 'submitted', 'reviewed', new Date(t), { id: null, name: staff });
      if (!until(rnd.wait(20, 240) * MINUTE + MINUTE)) return false;
      if (rnd.next() < 0.08 && t < now.getTime() - 2 * DAY) {
        // A first volunteer declines; the keeper dispatches again.
        const first = rnd.pick(volunteerUsers.filter((v) => v.id !== volunteer.id));
        step(
          'dispatch',
          'reviewed',
          'dispatched',
          new Date(t),
          { id: null, name: staff },
          {
            data: { target: { kind: 'volunteer' } },
          },
        );
        t += rnd.wait(40, 180) * MINUTE + MINUTE;
        step(
          'decline',
          'dispatched',
          'reviewed',
          new Date(t),
          { id: first.id, name: first.name },
          { note: '时间冲突' },
        );
        t += rnd.wait(15, 120) * MINUTE + MINUTE;
      }
      row.dispatchedAt = new Date(t);
      row.targetKind = 'volunteer';
      row.targetUserId = volunteer.id;
      row.acceptDueAt = new Date(t + (urgency === 'urgent' ? 30 : 60) * MINUTE);
      step(
        'dispatch',
        'reviewed',
        'dispatched',
        new Date(t),
        { id: null, name: staff },
        {
          data: { target: { kind: 'volunteer' } },
        },
      );
      if (!until(rnd.wait(35, 240) * MINUTE + 2 * MINUTE)) return false;
      if (fate < 0.08) {
        row.cancelledAt = new Date(t);
        row.cancelReason = rnd.pick(CANCEL);
        step('cancel', 'dispatched', 'cancelled', new Date(t), placer, { note: row.cancelReason });
        return false;
      }
      row.acceptedAt = new Date(t);
      row.volunteerUserId = volunteer.id;
      row.organisationId = item?.organisationId ?? null;
      step('accept', 'dispatched', 'accepted', new Date(t), { id: volunteer.id, name: volunteer.name });
      const checkIn = Math.max(t + 10 * MINUTE, (row.windowStart as Date).getTime() + rnd.int(-10, 25) * MINUTE);
      if (checkIn > now.getTime() - 5 * MINUTE) return false;
      t = checkIn;
      row.checkInAt = new Date(t);
      row.checkInLng = (row.lng as number) + (rnd.next() - 0.5) * 0.0006;
      row.checkInLat = (row.lat as number) + (rnd.next() - 0.5) * 0.0004;
      row.checkInDistanceM = rnd.int(3, 40);
      step(
        'check_in',
        'accepted',
        'in_service',
        new Date(t),
        { id: volunteer.id, name: volunteer.name },
        {
          data: { lng: row.checkInLng, lat: row.checkInLat },
        },
      );
      if (!until(Math.round(duration * (0.7 + rnd.next() * 0.6)) * MINUTE)) return false;
      row.completedAt = new Date(t);
      row.summary = rnd.pick(SUMMARY);
      step(
        'complete',
        'in_service',
        'completed',
        new Date(t),
        { id: volunteer.id, name: volunteer.name },
        {
          note: row.summary,
        },
      );
      if (rnd.next() < 0.78) {
        if (!until(rnd.wait(10, 72 * 60) * MINUTE + 5 * MINUTE)) return false;
        const r = rnd.next();
        const stars = r < 0.64 ? 5 : r < 0.88 ? 4 : r < 0.95 ? 3 : r < 0.98 ? 2 : 1;
        row.stars = stars;
        row.comment = rnd.next() < 0.3 ? '' : rnd.pick(stars >= 4 ? GOOD : stars === 3 ? FAIR : POOR);
        row.ratedAt = new Date(t);
        step(
          'rate',
          'completed',
          'rated',
          new Date(t),
          { id: resident.id, name: resident.name },
          {
            note: row.comment || undefined,
            data: { stars },
          },
        );
      }
      if (rnd.next() < 0.7 && until(rnd.int(3, 10) * DAY)) {
        row.closedAt = new Date(t);
        step('close', row.state, 'closed', new Date(t), { id: null, name: staff });
      }
      return true;
    };
    advance();
    // Due dates that passed count only while the order waits for them.
    if (row.state !== 'submitted') row.reviewDueAt = null;
    if (row.state !== 'dispatched') row.acceptDueAt = null;
    if (row.state === 'submitted' && (row.reviewDueAt as Date) < now)
      row.reviewDueAt = new Date(now.getTime() + rnd.int(30, 120) * MINUTE);
    if (row.state === 'dispatched' && (row.acceptDueAt as Date) < now)
      row.acceptDueAt = new Date(now.getTime() + rnd.int(20, 60) * MINUTE);
    row.updatedAt = timeline[timeline.length - 1]?.at as Date;
    rows.push(row);
    events.push(...timeline);
  }
  // Bulk: each chunk is one statement with one parameter (a JSON array expanded by the database),
  // many times faster on PGlite than thousands of bound parameters.
  for (let i = 0; i < rows.length; i += 1000) await bulkInsert(tx, 'orders', rows.slice(i, i + 1000));
  for (let i = 0; i < events.length; i += 8000) await bulkInsert(tx, 'order_events', events.slice(i, i + 8000));
}
