/** 资质目录: only the centre admin makes a skill a qualification; audited; declarations then stop counting. */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { academySuite } from '../../../../test/academy.js';
import type { Client } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { orders } from '../orders/index.js';
import { volunteerSkills } from '../volunteers/index.js';

const academy = academySuite();
const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as never });

describe('skills flagged as qualifications', () => {
  it('the centre admin flags 心理疏导 a qualification: declaring it stops opening dispatch; staff see the list', async () => {
    const { t, centre, keeper, institute, volunteer, volunteerId, firstAidOrder, candidateIds } = academy();
    const listed = await keeper.get('/api/v1/academy/skills');
    expect(listed.statusCode, listed.body).toBe(200);
    const items = listed.json().items as { code: string; qualification: boolean }[];
    expect(items.find((s) => s.code === 'first_aid')?.qualification).toBe(true);
    const skill = items.find((s) => !s.qualification);
    if (!skill) throw new Error('no plain skill');
    expect((await volunteer.get('/api/v1/academy/skills')).statusCode).toBe(403);

    for (const who of [keeper, institute, volunteer]) {
      const res = await put(who, `/api/v1/academy/skills/${skill.code}/qualification`, { qualification: true });
      expect(res.statusCode).toBe(403);
    }
    expect(
      (await put(centre, '/api/v1/academy/skills/no_such_skill/qualification', { qualification: true })).statusCode,
    ).toBe(404);

    // The order needs this skill; the demo volunteer declares it and is a candidate until it becomes a qualification.
    await t.database.db
      .insert(volunteerSkills)
      .values({ tenantId: '371002', volunteerId, skillCode: skill.code })
      .onConflictDoNothing();
    const orderId = await firstAidOrder();
    await t.database.db
      .update(orders)
      .set({ requiredSkills: [skill.code] })
      .where(eq(orders.id, orderId));
    expect(await candidateIds(orderId)).toContain(volunteerId);

    const flagged = await put(centre, `/api/v1/academy/skills/${skill.code}/qualification`, { qualification: true });
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(flagged.json()).toMatchObject({ code: skill.code, qualification: true });
    expect(await candidateIds(orderId)).not.toContain(volunteerId);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'academy.skill.qualification'), eq(auditLog.entityId, skill.code)));
    expect(audits.map((a) => a.detail)).toEqual([{ qualification: true }]);

    const freed = await put(centre, `/api/v1/academy/skills/${skill.code}/qualification`, { qualification: false });
    expect(freed.json().qualification).toBe(false);
    expect(await candidateIds(orderId)).toContain(volunteerId);
  });
});
