/**
 * Qualification gating: a skill that is a qualification (急救) is held only through a valid
 * qualification — not by declaring it, not once expired or rejected — for dispatch and for activities.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { academySuite, DAY } from '../../../../test/academy.js';
import { userIdOf } from '../../../../test/people.js';
import { anonymous, demo } from '../../../../test/server.js';
import { orders } from '../orders/index.js';
import { organisations } from '../organisations/index.js';
import { volunteerSkills } from '../volunteers/index.js';
import { academyQualifications } from './schema.js';

const academy = academySuite();
const HOUR = 3600_000;

/** A Saturday at 09:00 Shanghai time, `weeks` weeks after the coming one. */
function saturday(weeks = 0) {
  const d = new Date(Date.now() + 8 * HOUR);
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7 || 7) + weeks * 7);
  d.setUTCHours(1, 0, 0, 0);
  return d;
}

describe('qualification gating', () => {
  it('急救 opens dispatch and activities only while a qualification is valid; declaring it opens nothing', async () => {
    const { t, keeper, volunteer, volunteerId, firstAidOrder, candidateIds } = academy();
    const volunteerUserId = await userIdOf(t.database, demo.volunteer);
    const sites = (await anonymous(t.app).get('/api/v1/public/sites/map')).json().items;
    const siteId = sites.find((s: { name: string }) => s.name === '大世界雷锋岗').id;
    const [team] = await t.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '鲸园蓝志愿服务队'));
    /** A published first-aid duty on a Saturday; answers the sign-up of its occurrence. */
    const signUpForDuty = async (weeks: number) => {
      const created = await keeper.post('/api/v1/activities', {
        title: `健康跑急救保障 ${weeks}`,
        description: '健康跑沿线急救点值守，须持有效急救资质。',
        categoryCode: 'health',
        organisationId: team?.id,
        siteId,
        startsAt: saturday(weeks).toISOString(),
        endsAt: new Date(saturday(weeks).getTime() + 3 * HOUR).toISOString(),
        quota: 5,
        requiredSkills: ['first_aid'],
        signupOpensHours: 24 * 60,
      });
      expect(created.statusCode, created.body).toBe(201);
      const published = await keeper.post(`/api/v1/activities/${created.json().id}/publish`);
      expect(published.statusCode, published.body).toBe(200);
      return volunteer.post(`/api/v1/activity-sessions/${published.json().sessions[0].id}/signups`);
    };
    const refused = (res: Awaited<ReturnType<typeof signUpForDuty>>) => {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('SIGNUP_REQUIREMENTS_NOT_MET');
    };

    // Declaring 急救 in the profile is no qualification.
    await t.database.db
      .insert(volunteerSkills)
      .values({ tenantId: '371002', volunteerId, skillCode: 'first_aid' })
      .onConflictDoNothing();
    const orderId = await firstAidOrder();
    expect(await candidateIds(orderId)).not.toContain(volunteerId);
    refused(await signUpForDuty(0));

    // A pending (unverified) qualification counts for nothing either.
    const [q] = await t.database.db
      .insert(academyQualifications)
      .values({
        tenantId: '371002',
        userId: volunteerUserId,
        regionCode: '371002002005',
        skillCode: 'first_aid',
        source: 'external',
        issuer: '威海市红十字会',
        issuedAt: new Date(Date.now() - 30 * DAY),
        expiresAt: new Date(Date.now() + 20 * DAY),
        status: 'pending',
      })
      .returning();
    const setQ = (values: Partial<typeof academyQualifications.$inferInsert>) =>
      t.database.db
        .update(academyQualifications)
        .set(values)
        .where(eq(academyQualifications.id, q?.id as string));
    expect(await candidateIds(orderId)).not.toContain(volunteerId);
    refused(await signUpForDuty(1));

    // Valid: a candidate, and signed up.
    await setQ({ status: 'valid' });
    expect(await candidateIds(orderId)).toContain(volunteerId);
    const signed = await signUpForDuty(1);
    expect(signed.statusCode, signed.body).toBe(201);
    // Valid today but expired by the occurrence (in five weeks): refused.
    refused(await signUpForDuty(5));

    // Expired: no longer a candidate, no more sign-ups.
    await setQ({ expiresAt: new Date(Date.now() - 1000) });
    expect(await candidateIds(orderId)).not.toContain(volunteerId);
    refused(await signUpForDuty(2));

    // Rejected (revoked) while unexpired: the same.
    await setQ({ expiresAt: new Date(Date.now() + 700 * DAY), status: 'rejected' });
    expect(await candidateIds(orderId)).not.toContain(volunteerId);
    refused(await signUpForDuty(3));
  });

  it('the volunteer’s own 抢单 pool and grab count the qualification on the order’s service date, not today', async () => {
    const { t, keeper, volunteer, firstAidOrder } = academy();
    const volunteerUserId = await userIdOf(t.database, demo.volunteer);
    // Valid today, expiring in five days.
    await t.database.db.insert(academyQualifications).values({
      tenantId: '371002',
      userId: volunteerUserId,
      regionCode: '371002002005',
      skillCode: 'first_aid',
      source: 'external',
      issuer: '威海市红十字会',
      issuedAt: new Date(Date.now() - 700 * DAY),
      expiresAt: new Date(Date.now() + 5 * DAY),
      status: 'valid',
    });
    /** A first-aid order served `days` days from now, open for grabbing. */
    const openOrder = async (days: number) => {
      const id = await firstAidOrder();
      const start = new Date(Date.now() + days * DAY);
      await t.database.db
        .update(orders)
        .set({ windowStart: start, windowEnd: new Date(start.getTime() + HOUR) })
        .where(eq(orders.id, id));
      expect((await keeper.post(`/api/v1/orders/${id}/review`)).statusCode).toBe(200);
      const open = await keeper.post(`/api/v1/orders/${id}/dispatch`, { target: { kind: 'open' } });
      expect(open.statusCode, open.body).toBe(200);
      return id;
    };
    const soon = await openOrder(2);
    const late = await openOrder(9);
    const pool = (await volunteer.get('/api/v1/orders/tasks?view=pool')).json().items.map((o: { id: string }) => o.id);
    expect(pool).toContain(soon);
    expect(pool).not.toContain(late);
    const refused = await volunteer.post(`/api/v1/orders/${late}/accept`);
    expect(refused.statusCode, refused.body).not.toBe(200);
    const [lateRow] = await t.database.db.select().from(orders).where(eq(orders.id, late));
    expect(lateRow?.state).toBe('dispatched');
    const grabbed = await volunteer.post(`/api/v1/orders/${soon}/accept`);
    expect(grabbed.statusCode, grabbed.body).toBe(200);
  });
});
