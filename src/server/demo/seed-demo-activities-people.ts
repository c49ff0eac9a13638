/** The synthetic activities' teams (one per subdistrict without a team) and volunteers (accounts without a password). */
import { eq } from 'drizzle-orm';
import { createUsersWithoutPassword } from '../modules/accounts/index.js';
import { organisations } from '../modules/organisations/index.js';
import type { Db } from '../platform/db.js';
import { GIVEN, type generator, HOUR, SURNAMES, syntheticPhoneOf } from './synthetic.js';

type Random = ReturnType<typeof generator>;

const JINGYUAN = '371002002';

export async function teamsAndVolunteers(
  tx: Db,
  tenantId: string,
  subdistricts: { code: string; shortName: string }[],
  volunteers: number,
) {
  // Teams: the tenant's own, and one synthetic team for each subdistrict that has none.
  const existing = await tx
    .select({ id: organisations.id, regionCode: organisations.regionCode, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.tenantId, tenantId))
    .orderBy(organisations.name);
  const missing = subdistricts.filter((s) => !existing.some((o) => o.kind === 'team' && o.regionCode === s.code));
  const added = missing.length
    ? await tx
        .insert(organisations)
        .values(
          missing.map((s) => ({
            tenantId,
            kind: 'team' as const,
            name: `${s.shortName}志愿服务队`,
            regionCode: s.code,
            description: `${s.shortName}的综合志愿服务队（合成演示数据）。`,
            joinMode: 'approval' as const,
          })),
        )
        .returning({ id: organisations.id, regionCode: organisations.regionCode, kind: organisations.kind })
    : [];
  const teams = [...existing, ...added].filter((o) => o.kind === 'team');
  const teamOf = (regionCode: string) =>
    (teams.find((t) => regionCode.startsWith(t.regionCode)) ?? teams[0]) as (typeof teams)[number];

  // Volunteers: accounts without a password, each living in a subdistrict (more in 鲸园街道).
  const homes = subdistricts.flatMap((s) => (s.code === JINGYUAN ? [s, s, s] : [s]));
  const people = Array.from({ length: volunteers }, (_, i) => ({
    id: '',
    phone: syntheticPhoneOf('activityVolunteer', i),
    name: `${SURNAMES[(i * 11) % SURNAMES.length]}${GIVEN[(i * 7 + Math.floor(i / SURNAMES.length)) % GIVEN.length]}`,
    home: (homes[i % homes.length] as (typeof homes)[number]).code,
  }));
  const created = await createUsersWithoutPassword(
    tx,
    tenantId,
    people.map((p) => ({ phone: p.phone, displayName: p.name })),
  );
  const idOf = new Map(created.map((c) => [c.phone, c.id]));
  for (const p of people) p.id = idOf.get(p.phone) as string;
  return { teamOf, people };
}

/** When people queue for one occurrence: sign-up opens 14 days before it and closes an hour before (or now). */
export function queueWindow(o: { startsAt: Date }, now: Date) {
  const opens = o.startsAt.getTime() - 14 * 24 * HOUR;
  const last = Math.min(now.getTime(), o.startsAt.getTime() - HOUR);
  /** A time in the part [lo, hi] (fractions) of the window. */
  return (rnd: Random, lo: number, hi: number) => new Date(opens + (last - opens) * (lo + (hi - lo) * rnd.next()));
}

type Occurrence = { tenantId: string; sessionId: string; activityId: string; startsAt: Date };

/** Someone among `pool` not in `seen` (then in `seen`), or null after a few tries. */
function someoneElse(rnd: Random, pool: { id: string }[], seen: Set<string>) {
  for (let tries = 0; tries < 8; tries++) {
    const id = (pool[Math.floor(pool.length * rnd.next())] as { id: string }).id;
    if (!seen.has(id)) return seen.add(id) && id;
  }
  return null;
}

/**
 * Sign-ups of people who are not coming to one occurrence: `waiting` on its waiting list (a full,
 * coming occurrence; they queued after the seats were taken, in order) and `cancelling` who
 * cancelled in time. Picked among `pool` not in `seen`; nothing is dated after `now`.
 */
export function notComing(
  rnd: Random,
  o: Occurrence,
  now: Date,
  pool: { id: string }[],
  seen: Set<string>,
  counts: { waiting: number; cancelling: number },
) {
  const queued = queueWindow(o, now);
  const { startsAt: _, ...of } = o;
  const rows: object[] = [];
  const queue = Array.from({ length: counts.waiting }, () => queued(rnd, 0.8, 1)).sort((a, b) => +a - +b);
  for (const queuedAt of queue) {
    const userId = someoneElse(rnd, pool, seen);
    if (!userId) continue;
    rows.push({ ...of, id: rnd.uuid(), userId, state: 'waitlisted', queuedAt, decidedAt: null, cancelledAt: null });
  }
  for (let i = 0; i < counts.cancelling; i++) {
    const userId = someoneElse(rnd, pool, seen);
    if (!userId) continue;
    const queuedAt = queued(rnd, 0, counts.waiting ? 0.7 : 0.9);
    // Before the waiting list began: a seat given up later would have gone to its first.
    const latest = Math.min(now.getTime(), o.startsAt.getTime() - 3 * HOUR, queue[0]?.getTime() ?? Infinity);
    const cancelledAt = new Date(Math.min(queuedAt.getTime() + rnd.int(1, 72) * HOUR, Math.max(latest, +queuedAt)));
    rows.push({ ...of, id: rnd.uuid(), userId, state: 'cancelled', queuedAt, decidedAt: queuedAt, cancelledAt });
  }
  return rows;
}

/**
 * A move up from the waiting list (候补递补) in a full occurrence that has started: someone who held
 * a seat cancelled before the deadline, and the first on the waiting list took the seat then (as
 * `releaseSeat` does: confirmed, decided at the moment of the cancellation). Answers the canceller's
 * row, and the queue and decision times of the promoted sign-up; null when nobody is free to cancel.
 */
export function promotion(rnd: Random, o: Occurrence, pool: { id: string }[], seen: Set<string>) {
  const userId = someoneElse(rnd, pool, seen);
  if (!userId) return null;
  const queued = queueWindow(o, o.startsAt);
  const { startsAt: _, ...of } = o;
  const cancellerQueued = queued(rnd, 0, 0.4);
  const promotedQueued = queued(rnd, 0.5, 0.7);
  const deadline = o.startsAt.getTime() - 2 * HOUR;
  const promotedAt = new Date(promotedQueued.getTime() + (deadline - promotedQueued.getTime()) * rnd.next() * 0.9);
  return {
    cancelled: {
      ...of,
      id: rnd.uuid(),
      userId,
      state: 'cancelled',
      queuedAt: cancellerQueued,
      decidedAt: cancellerQueued,
      cancelledAt: promotedAt,
    },
    queuedAt: promotedQueued,
    decidedAt: promotedAt,
  };
}
