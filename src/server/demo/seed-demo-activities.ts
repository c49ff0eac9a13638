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
 * The synthetic volunteers are accounts without a password (they never sign in) and without
 * volunteer profiles; the demo volunteer 李志愿 (13800000005) takes part in 北门外社区's activities,
 * so signing in as him shows a year of hours and his star level.
 *
 * Bulk: a few statements of JSON rows. The ledger rows keep every invariant of platform/ledger.ts:
 * balanced transactions, entries in account order with the right `balance_after`, accounts whose
 * balance is the sum of their entries (moved by one UPDATE per account, so a real confirmation
 * running meanwhile on PostgreSQL is neither lost nor mis-numbered), idempotency keys and request
 * hashes as `postTransaction` / `reverseTransaction` write them.
 */
import { and, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { createUsersWithoutPassword, userByPhone } from '../modules/accounts/index.js';
import { activities, expandOccurrences, HORIZON_DAYS } from '../modules/activities/index.js';
import { hoursSettingsFor, openRecordedAccount, serviceMinutes, volunteerAccountKey } from '../modules/hours/index.js';
import { organisations } from '../modules/organisations/index.js';
import { regions } from '../modules/regions/index.js';
import { sites } from '../modules/sites/index.js';
import type { Db } from '../platform/db.js';
import { requestHash } from '../platform/ledger.js';
import { CORRECTION_REASONS, MANUAL_REASONS, TEMPLATES, type Template } from './seed-demo-activities-data.js';
import { atLocal, DAY, GIVEN, generator, HOUR, MINUTE, SURNAMES, syntheticPhoneOf } from './synthetic.js';

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

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Rows (camelCase keys, all rows with the first row's keys) into `table`, in the given order, in
 * one statement: columns not named keep their defaults (identities included), so identity ids
 * follow the rows' order.
 */
async function insertRows(tx: Db, table: string, rows: object[], tail: SQL = sql``) {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first);
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(keys.map((k) => [snake(k), (r as never)[k]]))));
  const list = sql.join(
    keys.map((k) => sql.identifier(snake(k))),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${sql.identifier(table)} (${list}) select ${list} from jsonb_populate_recordset(null::${sql.identifier(table)}, ${json}::jsonb) with ordinality as r order by r.ordinality ${tail}`,
  );
}

async function insertChunked(tx: Db, table: string, rows: object[], size = 4000) {
  for (let i = 0; i < rows.length; i += size) await insertRows(tx, table, rows.slice(i, i + size));
}

interface RecordRow {
  tenantId: string;
  id: string;
  volunteerUserId: string;
  sourceType: string;
  sourceId: string;
  regionCode: string;
  organisationId: string | null;
  content: string;
  minutes: number;
  startedAt: Date;
  endedAt: Date;
  recordedBy: string | null;
  recordedAt: Date;
  status: 'pending' | 'confirmed' | 'corrected' | 'rejected';
  confirmedBy: string | null;
  confirmedAt: Date | null;
  ledgerTransactionId: string | null;
  correctsId: string | null;
  synthetic: boolean;
}

/** One movement of a volunteer's minutes: a confirmation or the reversal of one (in time order). */
interface Posting {
  at: Date;
  record: RecordRow;
  transactionId: string;
  reverses: { transactionId: string; reason: string } | null;
  data: Record<string, unknown> | null;
  actorId: string | null;
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
  const people = Array.from({ length: scale.volunteers }, (_, i) => ({
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
    activityRows.push({
      tenantId,
      id,
      state: 'published',
      title: template.title,
      description: `${template.description}（合成演示数据）`,
      categoryCode: template.category,
      organisationId: team.id,
      series: template.series,
      regionCode: place.regionCode,
      siteId: place.id,
      address: `威海市环翠区${place.name}`,
      lng,
      lat,
      radiusM: 300,
      startsAt,
      endsAt,
      rrule: template.rrule,
      timeZone: 'Asia/Shanghai',
      quota,
      requiredSkills: [],
      signupOpensHours: 24 * 14,
      signupClosesMinutes: 0,
      cancelDeadlineMinutes: 120,
      approvalMode: 'auto',
      contactName: '活动联系人',
      contactPhone: '13800000004',
      createdBy: staff,
      publishedAt: new Date(startsAt.getTime() - 10 * DAY),
      materialisedUntil: horizon,
      version: 1,
      synthetic: true,
      createdAt: new Date(startsAt.getTime() - 12 * DAY),
      updatedAt: new Date(startsAt.getTime() - 10 * DAY),
    });

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
    for (const o of occurrences) {
      const sessionId = rnd.uuid();
      const past = o.endsAt.getTime() < now.getTime() - 10 * MINUTE;
      const open = o.startsAt.getTime() - 14 * DAY < now.getTime();
      const going = new Set<string>();
      if (open) {
        const want = past ? rnd.int(Math.ceil(quota * 0.5), quota) : rnd.int(0, quota);
        if (demoVolunteer && rnd.next() < demoChance) going.add(demoVolunteer);
        for (let tries = 0; going.size < want && tries < want * 4; tries++)
          going.add((regulars[Math.floor(regulars.length * rnd.next() ** 2)] as (typeof regulars)[number]).id);
      }
      const sessionRow = {
        tenantId,
        id: sessionId,
        activityId: id,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        quota,
        taken: going.size,
        waitlisted: 0,
        closedAt: past ? new Date(o.endsAt.getTime() + rnd.int(1, 5) * MINUTE) : null,
      };
      sessionRows.push(sessionRow);
      for (const userId of going) {
        const signupId = rnd.uuid();
        signupRows.push({
          tenantId,
          id: signupId,
          sessionId,
          activityId: id,
          userId,
          state: 'confirmed',
          queuedAt: new Date(o.startsAt.getTime() - rnd.int(1, 13 * 24) * HOUR),
          decidedAt: null,
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
          status: pending || confirmedAt > now ? 'pending' : 'confirmed',
          confirmedBy: null,
          confirmedAt: null,
          ledgerTransactionId: null,
          correctsId: null,
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

/**
 * The confirmations and reversals on the hours ledger, in time order, as `creditRecord` and
 * `debitRecord` post them: transactions, entries (account order, with each account's balance after
 * it) and one `hours_events` row each.
 */
async function writeLedger(tx: Db, tenantId: string, postings: Posting[]) {
  if (!postings.length) return;
  postings.sort((x, y) => x.at.getTime() - y.at.getTime());
  const recorded = await openRecordedAccount(tx, tenantId);
  const volunteerIds = [...new Set(postings.map((p) => p.record.volunteerUserId))];
  await insertRows(
    tx,
    'ledger_accounts',
    volunteerIds.map((userId) => ({
      tenantId,
      key: volunteerAccountKey(userId),
      kind: 'hours.volunteer',
      unit: 'minutes',
      name: '志愿服务时长',
      allowNegative: false,
    })),
    sql`on conflict do nothing`,
  );
  const accounts = (await tx.execute(
    sql`select id, key from ledger_accounts where tenant_id = ${tenantId} and key like 'hours:volunteer:%'`,
  )) as unknown as { rows: { id: string; key: string }[] };
  const accountOf = new Map(accounts.rows.map((r) => [r.key, r.id]));

  // Each account moves once, by the sum of its entries; the balance it had before starts its numbering.
  const delta = new Map<string, number>();
  const entriesOf = (p: Posting) => {
    const sign = p.reverses ? -1 : 1;
    const volunteer = accountOf.get(volunteerAccountKey(p.record.volunteerUserId)) as string;
    return [
      { accountId: volunteer, amount: sign * p.record.minutes },
      { accountId: recorded.id, amount: -sign * p.record.minutes },
    ];
  };
  for (const p of postings)
    for (const e of entriesOf(p)) delta.set(e.accountId, (delta.get(e.accountId) ?? 0) + e.amount);
  const moved = (await tx.execute(
    sql`update ledger_accounts a set balance = a.balance + d.delta
          from jsonb_to_recordset(${JSON.stringify([...delta].map(([id, d]) => ({ id, delta: d })))}::jsonb) as d(id uuid, delta bigint)
         where a.tenant_id = ${tenantId} and a.id = d.id
        returning a.id, a.balance`,
  )) as unknown as { rows: { id: string; balance: string | number }[] };
  const running = new Map<string, number>();
  for (const r of moved.rows as { id: string; balance: string | number }[])
    running.set(r.id, Number(r.balance) - (delta.get(r.id) ?? 0));

  const transactions: object[] = [];
  const entries: object[] = [];
  const events: object[] = [];
  for (const p of postings) {
    const list = entriesOf(p).sort((x, y) => (x.accountId < y.accountId ? -1 : 1));
    const memo = p.reverses ? p.reverses.reason : p.record.content;
    const source = { type: 'service_record', id: p.record.id };
    const kind = p.reverses ? 'hours.confirm.reversal' : 'hours.confirm';
    transactions.push({
      tenantId,
      id: p.transactionId,
      kind,
      memo,
      sourceType: source.type,
      sourceId: source.id,
      idempotencyKey: p.reverses
        ? `hours.reverse:service_record:${p.record.id}`
        : `hours.confirm:service_record:${p.record.id}`,
      requestHash: requestHash({ kind, entries: list, memo, source, data: p.data }, p.reverses?.transactionId ?? null),
      reversesId: p.reverses?.transactionId ?? null,
      actorId: p.actorId,
      data: p.data,
      createdAt: p.at,
    });
    for (const e of list) {
      const after = (running.get(e.accountId) ?? 0) + e.amount;
      running.set(e.accountId, after);
      entries.push({
        tenantId,
        transactionId: p.transactionId,
        accountId: e.accountId,
        amount: e.amount,
        balanceAfter: after,
        createdAt: p.at,
      });
    }
    events.push({
      tenantId,
      kind: p.reverses ? 'hours.reversed' : 'hours.confirmed',
      serviceRecordId: p.record.id,
      volunteerUserId: p.record.volunteerUserId,
      minutes: p.reverses ? -p.record.minutes : p.record.minutes,
      ledgerTransactionId: p.transactionId,
      at: p.at,
    });
  }
  // Originals before their reversals (the self-reference), then everything in time order.
  await insertChunked(
    tx,
    'ledger_transactions',
    transactions.filter((t) => !(t as { reversesId: string | null }).reversesId),
  );
  await insertChunked(
    tx,
    'ledger_transactions',
    transactions.filter((t) => (t as { reversesId: string | null }).reversesId),
  );
  await insertChunked(tx, 'ledger_entries', entries, 8000);
  await insertChunked(tx, 'hours_events', events, 8000);
}
