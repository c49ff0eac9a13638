/** The waiting lists of the synthetic activities: who queued, cancelled in time or moved up (候补递补). */
import { type generator, HOUR } from './synthetic.js';

type Random = ReturnType<typeof generator>;

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
function notComing(
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
function promotion(rnd: Random, o: Occurrence, pool: { id: string }[], seen: Set<string>) {
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

/**
 * The sign-ups of one occurrence's people who are not coming (see notComing) and, in some full
 * occurrences that have started, a move up: who of `going` (never `keep`) took the last seat from
 * the waiting list, with the queue and decision times of that sign-up. `rows` in the order to insert.
 */
export function notComingTo(
  rnd: Random,
  o: Occurrence,
  now: Date,
  at: {
    going: Set<string>;
    others: { id: string }[];
    open: boolean;
    upcoming: boolean;
    full: boolean;
    keep: string | null;
  },
) {
  const seen = new Set(at.going);
  const waiting = at.upcoming && at.full ? rnd.int(1, 3) : 0;
  const cancelling = at.open && rnd.next() < 0.25 ? rnd.int(1, 2) : 0;
  const rows = notComing(rnd, o, now, at.others, seen, { waiting, cancelling });
  const waitlisted = rows.filter((r) => (r as { state: string }).state === 'waitlisted').length;
  const movedUp =
    !at.upcoming && at.full && rnd.next() < 0.3 ? [...at.going].reverse().find((u) => u !== at.keep) : undefined;
  const promoted = movedUp ? promotion(rnd, o, at.others, seen) : null;
  if (promoted) rows.push(promoted.cancelled);
  return { rows, waitlisted, movedUp, promoted };
}
