/**
 * Demo points: the demo volunteer 李志愿 has two approved awards on the ledger (asked by the
 * keeper, approved by the institute admin) and one award waits for approval, so 我的积分 and
 * 积分管理 show something at once. Points from confirmed hours come from the earning job, which
 * consumes whatever hours the demo has within a minute of start.
 */

import { creditPoints, pointsAdjustments } from '../modules/points/index.js';
import type { Db } from '../platform/db.js';

export async function seedDemoPoints(
  tx: Db,
  tenantId: string,
  people: { volunteerUserId: string; keeperId: string | undefined; approverId: string | undefined },
) {
  const { keeperId, approverId } = people;
  if (!keeperId || !approverId) throw new Error('demo keeper or institute admin missing');
  const regionCode = '371002002005';
  const awards = [
    { amount: 30, reason: '社区清洁积极分子（示例）', approved: true },
    { amount: 20, reason: '协助组织重阳节敬老活动（示例）', approved: true },
    { amount: 15, reason: '雷锋岗值守满十次（示例，待审批）', approved: false },
  ];
  for (const a of awards) {
    const [row] = await tx
      .insert(pointsAdjustments)
      .values({
        tenantId,
        userId: people.volunteerUserId,
        regionCode,
        amount: a.amount,
        reason: a.reason,
        requestedBy: keeperId,
        ...(a.approved ? { state: 'approved' as const, decidedBy: approverId, decidedAt: new Date() } : {}),
      })
      .returning();
    if (!row || !a.approved) continue;
    await creditPoints(tx, tenantId, people.volunteerUserId, a.amount, {
      kind: 'points.adjust.award',
      memo: a.reason,
      source: { type: 'points_adjustment', id: row.id },
      idempotencyKey: `points.adjust:${row.id}`,
      actorId: approverId,
    });
  }
}
