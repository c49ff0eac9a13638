/**
 * A year of synthetic volunteer activities (合成演示数据), so the console's 活动, 服务时长 and the
 * phone's 我的 look like a district at work: recurring activities of the district's teams at its
 * stations and 雷锋岗, sign-ups, check-ins and check-outs, confirmed service records with their
 * minutes on the hours ledger (and their `hours_events`, written as a real confirmation writes
 * them, so the points job credits them), recent records still waiting to be confirmed, and a few
 * corrections (approved, rejected and open). Activities, attendances and records are
 * `synthetic = true`; the synthetic teams say so in their description.
 *
 * Deterministic: the same `now` gives the same rows (ids included; account ids are the database's).
 * The synthetic volunteers are accounts without a password (they never sign in; their volunteer
 * profiles come with seed-demo-volunteers.ts); the demo volunteer 李志愿 (13800000005) takes part in 北门外社区's activities,
 * so signing in as him shows a year of hours and his star level.
 *
 * Bulk: a few statements of JSON rows, the ledger written by seed-demo-hours-ledger.ts.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { userByPhone } from '../modules/accounts/index.js';
import { activities, expandOccurrences, HORIZON_DAYS } from '../modules/activities/index.js';
import { hoursSettingsFor, serviceMinutes } from '../modules/hours/index.js';
import { regions } from '../modules/regions/index.js';
import { sites } from '../modules/sites/index.js';
import type { Db } from '../platform/db.js';
import {
  CORRECTION_REASONS,
  MANUAL_REASONS,
  REJECT_REASONS,
  syntheticActivity,
  TEMPLATES,
  type Template,
} from './seed-demo-activities-data.js';
import { teamsAndVolunteers } from './seed-demo-activities-people.js';
import { notComingTo, queueWindow } from './seed-demo-activities-waiting.js';
import { insertChunked, insertRows, type Posting, type RecordRow, writeLedger } from './seed-demo-hours-ledger.js';
import { atLocal, DAY, generator, HOUR, MINUTE } from './synthetic.js';

export const SYNTHETIC_ACTIVITY_COUNT = 30;
export const SYNTHETIC_ACTIVITY_VOLUNTEERS = 1200;
const DEMO_VOLUNTEER_PHONE = '13800000005';
const BEIMENWAI = '371002002005';
const JINGYUAN = '371002002';

const WEEKDAY_NUMBER: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 0 };

export async function hasSyntheticActivities(db: Db, tenantId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(activities)
    .where(and(eq(activities.tenantId, tenantId), eq(activities.synthetic, true)));
  return (row?.n ?? 0) > 0;
}

/**
 * Inserts the synthetic year once per tenant (instances starting together take turns); false when
 * it is there already. `now` anchors the year; the same `now` gives the same data.
 */
export async function seedDemoActivities(
  db: Db,
  tenantId: string,
  now: Date = new Date(),
  scale: { activities: number; volunteers: number } = {
    activities: SYNTHETIC_ACTIVITY_COUNT,
    volunteers: SYNTHETIC_ACTIVITY_VOLUNTEERS,
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(371002, 3)`);
    if (await hasSyntheticActivities(tx, tenantId)) return false;
    await insertSyntheticYear(tx, tenantId, now, scale);
    return true;
  });
}

async function insertSyntheticYear(
  tx: Db,
  tenantId: string,
  now: Date,
  scale: { activities: number; volunteers: number },
) {
  const rnd = generator(20261202);
  const { rounding } = await hoursSettingsFor(tx, tenantId);
  const staffId = async (phone: string) => (await userByPhone(tx, tenantId, phone))?.id ?? null;
  const [centre, keeper, leader, demoVolunteer] = await Promise.all([
    staffId('13800000001'),
    staffId('13800000003'),
    staffId('13800000004'),
    staffId(DEMO_VOLUNTEER_PHONE),
  ]);
  const subdistricts = await tx
    .select({ code: regions.code, shortName: regions.shortName })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.level, 'subdistrict')))
    .orderBy(regions.code);
  const places = await tx
    .select({
      id: sites.id,
      name: sites.name,
      kind: sites.kind,
      regionCode: sites.regionCode,
      lng: sites.lng,
      lat: sites.lat,
    })
    .from(sites)
    .where(
      and(
        eq(sites.tenantId, tenantId),
        sql`${sites.lng} is not null and ${sites.lat} is not null`,
        inArray(sites.kind, ['station', 'leifeng_post', 'institute']),
      ),
    )
    .orderBy(sites.regionCode, sites.name);
  if (!subdistricts.length || !places.length) throw new Error('seed the demo district first');

  const { teamOf, people } = await teamsAndVolunteers(tx, tenantId, subdistricts, scale.volunteers);

  // The first activity is 蓝色周六 at 大世界雷锋岗 by 鲸园蓝志愿服务队; the rest go round the places.
  const first = places.find((p) => p.name === '大世界雷锋岗');
  const ordered = first ? [first, ...places.filter((p) => p !== first)] : places;
  const spread = ordered.filter(
    (_, i) => i === 0 || i % Math.max(1, Math.floor(ordered.length / scale.activities)) === 0,
  );

  const activityRows: (typeof activities.$inferInsert)[] = [];
  const sessionRows: object[] = [];
  const signupRows: object[] = [];
  const attendanceRows: object[] = [];
  const records: RecordRow[] = [];
  const correctionRows: object[] = [];
  const postings: Posting[] = [];
  const yearAgo = new Date(now.getTime() - 365 * DAY);
  const horizon = new Date(now.getTime() + HORIZON_DAYS * DAY);

  for (let a = 0; a < scale.activities; a++) {
    const template = TEMPLATES[a % TEMPLATES.length] as Template;
    const place = spread[a % spread.length] as (typeof spread)[number];
    const team = a === 0 && place === first ? teamOf(JINGYUAN) : teamOf(place.regionCode);
    const weekday = WEEKDAY_NUMBER[template.rrule.slice(-2)] as number;
    // The first occurrence: the template's weekday in the first week of the year before `now`.
    let day = new Date(yearAgo.getTime() + rnd.int(0, 6) * DAY);
    while (new Date(day.getTime() + 8 * HOUR).getUTCDay() !== weekday) day = new Date(day.getTime() + DAY);
    const startsAt = atLocal(day, template.hour, template.minute);
    const endsAt = new Date(startsAt.getTime() + template.minutes * MINUTE);
    const quota = rnd.pick([10, 12, 15, 20, 30]);
    const id = rnd.uuid();
    const lng = place.lng as number;
    const lat = place.lat as number;
    const content = template.series ? `${template.series}·${template.title}` : template.title;
    const staff = place.regionCode.startsWith(JINGYUAN) ? (a % 2 === 0 ? leader : keeper) : centre;
    activityRows.push(
      syntheticActivity(template, { tenantId, id, team, place, startsAt, endsAt, quota, staff, horizon }),
    );

    // The regulars: volunteers of the activity's subdistrict, the first ones coming most often.
    const pool = people.filter((p) => p.home === place.regionCode.slice(0, 9));
    const regulars = pool.length ? pool : people;
    const demoChance = !demoVolunteer
      ? 0
      : place.regionCode === BEIMENWAI
        ? 0.85
        : place.regionCode.startsWith(JINGYUAN)
          ? 0.3
          : 0;
    const occurrences = expandOccurrences({
      startsAt,
      endsAt,
      rrule: template.rrule,
      timeZone: 'Asia/Shanghai',
      from: startsAt,
      until: horizon,
      max: 400,
    });
    let coming = 0;
    for (const o of occurrences) {
      const sessionId = rnd.uuid();
      const past = o.endsAt.getTime() < now.getTime() - 10 * MINUTE;
      const upcoming = o.startsAt.getTime() > now.getTime();
      const open = o.startsAt.getTime() - 14 * DAY < now.getTime();
      // The first coming occurrence of every other activity is full, and a fifth of the others.
      const fill = upcoming && open && coming++ === 0 && a % 2 === 0;
      const going = new Set<string>();
      if (open) {
        const want = past
          ? rnd.int(Math.ceil(quota * 0.5), quota)
          : fill || rnd.next() < 0.2
            ? quota
            : rnd.int(0, quota);
        if (demoVolunteer && rnd.next() < demoChance) going.add(demoVolunteer);
        for (let tries = 0; going.size < want && tries < want * 4; tries++)
          going.add((regulars[Math.floor(regulars.length * rnd.next() ** 2)] as (typeof regulars)[number]).id);
        // The regulars rarely fill an occurrence by chance: the rest come in the order of the list.
        for (const p of [...regulars, ...people]) {
          if (going.size >= want) break;
          going.add(p.id);
        }
      }
      const full = going.size >= quota;
      const sessionRow = {
        tenantId,
        id: sessionId,
        activityId: id,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        quota,
        taken: going.size,
        waitlisted: 0 as number,
        closedAt: past ? new Date(o.endsAt.getTime() + rnd.int(1, 5) * MINUTE) : null,
      };
      sessionRows.push(sessionRow);
      const occurrence = { tenantId, sessionId, activityId: id, startsAt: o.startsAt };
      // Others who are not coming: on the waiting list of a full coming occurrence, or cancelled in time.
      const others = regulars.length > going.size + 8 ? regulars : people;
      const notGoing = notComingTo(rnd, occurrence, now, { going, others, open, upcoming, full, keep: demoVolunteer });
      sessionRow.waitlisted = notGoing.waitlisted;
      signupRows.push(...notGoing.rows);
      const { movedUp, promoted } = notGoing;
      const queued = queueWindow(o, now);
      for (const userId of going) {
        const signupId = rnd.uuid();
        const queuedAt = queued(rnd, 0, upcoming && full ? 0.8 : 1);
        const moved = promoted && userId === movedUp ? promoted : null;
        signupRows.push({
          tenantId,
          id: signupId,
          sessionId,
          activityId: id,
          userId,
          state: 'confirmed',
          queuedAt: moved ? moved.queuedAt : queuedAt,
          decidedAt: moved ? moved.decidedAt : queuedAt,
          cancelledAt: null,
        });
        if (!past || rnd.next() < 0.07) continue; // a no-show
        const method = rnd.next();
        const checkInMethod = method < 0.55 ? 'qr' : method < 0.8 ? 'code' : method < 0.96 ? 'location' : 'manual';
        const checkInAt = new Date(o.startsAt.getTime() + rnd.int(-25, 12) * MINUTE);
        const forgot = rnd.next() < 0.04;
        const checkOutAt = forgot ? o.endsAt : new Date(o.endsAt.getTime() + rnd.int(-20, 15) * MINUTE);
        const minutes = serviceMinutes({
          checkIn: checkInAt,
          checkOut: checkOutAt,
          windowStart: o.startsAt,
          windowEnd: o.endsAt,
          rounding,
        });
        const attendanceId = rnd.uuid();
        const recordId = rnd.uuid();
        const distance = rnd.int(3, 120);
        attendanceRows.push({
          tenantId,
          id: attendanceId,
          sessionId,
          activityId: id,
          userId,
          signupId,
          checkInAt,
          checkInMethod,
          checkInLng: checkInMethod === 'manual' ? null : lng + (rnd.next() - 0.5) * 0.001,
          checkInLat: checkInMethod === 'manual' ? null : lat + (rnd.next() - 0.5) * 0.0008,
          checkInAccuracyM: checkInMethod === 'manual' ? null : rnd.int(5, 60),
          checkInDistanceM: checkInMethod === 'manual' ? null : distance,
          checkOutAt,
          checkOutMethod: forgot ? 'auto' : checkInMethod === 'manual' ? 'location' : checkInMethod,
          checkOutLng: forgot ? null : lng + (rnd.next() - 0.5) * 0.001,
          checkOutLat: forgot ? null : lat + (rnd.next() - 0.5) * 0.0008,
          checkOutDistanceM: forgot ? null : rnd.int(3, 120),
          minutes,
          autoClosed: forgot,
          manualBy: checkInMethod === 'manual' ? staff : null,
          manualReason: checkInMethod === 'manual' ? rnd.pick(MANUAL_REASONS) : null,
          serviceRecordId: recordId,
          synthetic: true,
        });
        // Recent records wait for the organiser; older ones were confirmed a few days after.
        const ageDays = (now.getTime() - o.endsAt.getTime()) / DAY;
        const pending = minutes === 0 || ageDays < 2 || (ageDays < 12 && rnd.next() < 0.5);
        const confirmedAt = new Date(o.endsAt.getTime() + rnd.int(2, 72) * HOUR);
        // A few the organiser refused, with the reason the volunteer reads.
        const rejected = !pending && confirmedAt <= now && rnd.next() < 0.012;
        const record: RecordRow = {
          tenantId,
          id: recordId,
          volunteerUserId: userId,
          sourceType: 'activity_attendance',
          sourceId: attendanceId,
          regionCode: place.regionCode,
          organisationId: team.id,
          content,
          minutes,
          startedAt: checkInAt,
          endedAt: checkOutAt,
          recordedBy: forgot ? null : userId,
          recordedAt: checkOutAt,
          status: rejected ? 'rejected' : pending || confirmedAt > now ? 'pending' : 'confirmed',
          confirmedBy: null,
          confirmedAt: null,
          ledgerTransactionId: null,
          correctsId: null,
          rejectedBy: rejected ? staff : null,
          rejectedAt: rejected ? confirmedAt : null,
          rejectReason: rejected ? rnd.pick(REJECT_REASONS) : null,
          synthetic: true,
        };
        records.push(record);
        if (record.status !== 'confirmed') continue;
        record.confirmedBy = staff;
        record.confirmedAt = confirmedAt;
        record.ledgerTransactionId = rnd.uuid();
        postings.push({
          at: confirmedAt,
          record,
          transactionId: record.ledgerTransactionId,
          reverses: null,
          data: null,
          actorId: staff,
        });
        // A few corrections: approved (the original stays, reversed; a new record replaces it),
        // rejected, or still open for the staff to decide.
        const fate = rnd.next();
        const requestedAt = new Date(confirmedAt.getTime() + rnd.int(1, 72) * HOUR);
        if (requestedAt > now || fate > 0.025) continue;
        const wanted = Math.max(30, Math.min(template.minutes, minutes + rnd.pick([-30, 30, 20, -15])));
        const decidedAt = new Date(requestedAt.getTime() + rnd.int(2, 48) * HOUR);
        const state = decidedAt > now || fate > 0.02 ? 'pending' : fate < 0.016 ? 'approved' : 'rejected';
        const reason = rnd.pick(CORRECTION_REASONS);
        const correctionId = rnd.uuid();
        const decider = centre;
        let newRecordId: string | null = null;
        if (state === 'approved' && wanted !== minutes) {
          record.status = 'corrected';
          const replacement: RecordRow = {
            ...record,
            id: rnd.uuid(),
            minutes: wanted,
            recordedBy: staff,
            recordedAt: decidedAt,
            status: 'confirmed',
            confirmedBy: decider,
            confirmedAt: decidedAt,
            ledgerTransactionId: rnd.uuid(),
            correctsId: record.id,
          };
          newRecordId = replacement.id;
          records.push(replacement);
          postings.push({
            at: decidedAt,
            record,
            transactionId: rnd.uuid(),
            reverses: { transactionId: record.ledgerTransactionId, reason: `更正：${reason}` },
            data: null,
            actorId: decider,
          });
          postings.push({
            at: decidedAt,
            record: replacement,
            transactionId: replacement.ledgerTransactionId as string,
            reverses: null,
            data: { corrects: record.ledgerTransactionId, correction: correctionId },
            actorId: decider,
          });
        } else if (state === 'approved') continue;
        correctionRows.push({
          tenantId,
          id: correctionId,
          serviceRecordId: record.id,
          regionCode: record.regionCode,
          minutes: wanted,
          reason,
          state,
          requestedBy: staff,
          requestedAt,
          decidedBy: state === 'pending' ? null : decider,
          decidedAt: state === 'pending' ? null : decidedAt,
          decisionNote: state === 'rejected' ? '与签到记录不符，维持原时长' : null,
          newRecordId,
        });
      }
    }
  }

  await insertRows(tx, 'activities', activityRows);
  await insertChunked(tx, 'activity_sessions', sessionRows);
  await insertChunked(tx, 'activity_signups', signupRows);
  await insertChunked(tx, 'activity_attendance', attendanceRows);
  // Originals before the records that correct them (the self-reference).
  await insertChunked(
    tx,
    'service_records',
    records.filter((r) => !r.correctsId),
  );
  await insertChunked(
    tx,
    'service_records',
    records.filter((r) => r.correctsId),
  );
  await insertChunked(tx, 'hours_corrections', correctionRows);
  await writeLedger(tx, tenantId, postings);
}
