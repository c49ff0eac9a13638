/**
 * Qualifications in dispatch and in the grab pool (抢单) are counted the academy's way, on the
 * order's service date: a declared 急救 proves nothing, and a qualification expiring before the
 * service ends does not count, though it is valid today.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { academySuite, BEIMENWAI } from '../../../../test/academy.js';
import { makeUser } from '../../../../test/people.js';
import { type Client, signIn } from '../../../../test/server.js';
import { academyQualifications } from '../academy/index.js';
import { volunteerSkills, volunteers } from '../volunteers/index.js';
import { eligibleGrabberIds } from './pool-grabbers.js';
import { orders } from './schema.js';

const academy = academySuite();
const HOUR = 3600_000;

describe('qualifications on the order’s service date', () => {
  it('dispatch candidates and the grab pool count a qualification only if it lasts through the service', async () => {
    const { t, keeper, volunteerId, firstAidOrder, candidateIds } = academy();
    const db = t.database.db;
    const orderId = await firstAidOrder();
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
    if (!order) throw new Error('order missing');

    const qualify = (userId: string, expiresAt: Date) =>
      db
        .insert(academyQualifications)
        .values({
          tenantId: order.tenantId,
          userId,
          regionCode: BEIMENWAI,
          skillCode: 'first_aid',
          source: 'external',
          issuer: '威海市红十字会',
          issuedAt: new Date(Date.now() - 300 * 24 * HOUR),
          expiresAt,
          status: 'valid',
        })
        .returning({ id: academyQualifications.id });
    const person = async () => {
      const p = await makeUser(t.database);
      const [v] = await db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.userId, p.id));
      return { ...p, volunteerId: v?.id as string, client: await signIn(t.app, p.phone) };
    };

    // The demo volunteer (available on Saturday mornings) holds 急救 valid today, expiring an hour
    // before the order's service starts: not a candidate. Renewed past the service: a candidate.
    const demoUserId = (
      await db.select({ userId: volunteers.userId }).from(volunteers).where(eq(volunteers.id, volunteerId))
    )[0]?.userId as string;
    const [short] = await qualify(demoUserId, new Date(order.windowStart.getTime() - HOUR));
    expect(await candidateIds(orderId)).not.toContain(volunteerId);
    await db
      .update(academyQualifications)
      .set({ expiresAt: new Date(order.windowEnd.getTime() + 24 * HOUR) })
      .where(eq(academyQualifications.id, short?.id as string));
    expect(await candidateIds(orderId)).toContain(volunteerId);

    // The pool: one who only declared 急救, one whose qualification ends before the service, one who holds it through.
    const declared = await person();
    await db
      .insert(volunteerSkills)
      .values({ tenantId: order.tenantId, volunteerId: declared.volunteerId, skillCode: 'first_aid' });
    const expiring = await person();
    await qualify(expiring.id, new Date(order.windowStart.getTime() - HOUR));
    const holder = await person();
    await qualify(holder.id, new Date(order.windowEnd.getTime() + 30 * 24 * HOUR));

    const grabbers = await eligibleGrabberIds(db, order, 500);
    expect(grabbers).toContain(holder.id);
    expect(grabbers).toContain(demoUserId);
    expect(grabbers).not.toContain(declared.id);
    expect(grabbers).not.toContain(expiring.id);

    // Opened for grabbing: only those who may grab it are told.
    expect((await keeper.post(`/api/v1/orders/${orderId}/review`)).statusCode).toBe(200);
    const sent = await keeper.post(`/api/v1/orders/${orderId}/dispatch`, { target: { kind: 'open' } });
    expect(sent.statusCode, sent.body).toBe(200);
    const told = async (client: Client) =>
      (
        (await client.get('/api/v1/me/notifications?limit=100')).json().items as { kind: string; link: string | null }[]
      ).some((n) => n.kind === 'order.pool' && n.link?.includes(orderId));
    expect(await told(holder.client)).toBe(true);
    expect(await told(declared.client)).toBe(false);
    expect(await told(expiring.client)).toBe(false);
  });
});
