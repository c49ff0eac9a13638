import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { notify } from '../notifications/index.js';
import { skills } from '../volunteers/index.js';
import { academyQualifications } from './schema.js';

const DAY = 86400_000;
export const REMIND_DAYS_BEFORE = 30;
const BATCH = 200;

/**
 * Tells holders of valid qualifications that expire within 30 days, once each: `reminded_at` is set
 * by a conditional UPDATE in the transaction of the message, so overlapping runs send one.
 */
export async function remindExpiringQualifications(db: Db, now: Date): Promise<number> {
  let sent = 0;
  for (;;) {
    const due = await db
      .select({ q: academyQualifications, name: skills.name })
      .from(academyQualifications)
      .innerJoin(
        skills,
        and(eq(skills.tenantId, academyQualifications.tenantId), eq(skills.code, academyQualifications.skillCode)),
      )
      .where(
        and(
          eq(academyQualifications.status, 'valid'),
          isNull(academyQualifications.remindedAt),
          gt(academyQualifications.expiresAt, now),
          lte(academyQualifications.expiresAt, new Date(now.getTime() + REMIND_DAYS_BEFORE * DAY)),
        ),
      )
      .limit(BATCH);
    if (!due.length) return sent;
    for (const { q, name } of due) {
      sent += await db.transaction(async (tx) => {
        const [claimed] = await tx
          .update(academyQualifications)
          .set({ remindedAt: now })
          .where(
            and(
              eq(academyQualifications.tenantId, q.tenantId),
              eq(academyQualifications.id, q.id),
              isNull(academyQualifications.remindedAt),
            ),
          )
          .returning({ id: academyQualifications.id });
        if (!claimed) return 0;
        const date = (q.expiresAt as Date).toISOString().slice(0, 10);
        await notify(tx, {
          tenantId: q.tenantId,
          userId: q.userId,
          kind: 'academy.qualification_expiring',
          title: `您的「${name}」资质将于 ${date} 到期`,
          body: '请及时参加复训并重新考核，到期后将不能承接需要该资质的服务。',
          link: '/h5/academy/qualifications',
          params: { name, date },
        });
        return 1;
      });
    }
    if (due.length < BATCH) return sent;
  }
}
