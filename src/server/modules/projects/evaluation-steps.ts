import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { apply } from '../../platform/state-machine.js';
import { transitionRow } from '../../platform/state-machine-db.js';
import type { awardsBody } from './evaluation-contract.js';
import { type RoundEvent, roundMachine } from './evaluation-machine.js';
import { loadCriteria, loadRound, presentRound } from './evaluation-read.js';
import { evaluationAssignments, evaluationAwards, evaluationRounds } from './evaluation-schema.js';

/** open (评分开始), close (评分结束) or publish (公布结果), by a centre admin over the round. */
export async function stepRound(ctx: Ctx, id: string, event: RoundEvent) {
  const { actor, round } = await loadRound(ctx, id, 'admin');
  const now = new Date();
  const step = apply(roundMachine, round, event, actor, now);
  if (event === 'open') {
    const criteria = await loadCriteria(ctx.db, actor.tenantId, id);
    const [assigned] = await ctx.db
      .select({ projectId: evaluationAssignments.projectId })
      .from(evaluationAssignments)
      .where(and(eq(evaluationAssignments.tenantId, actor.tenantId), eq(evaluationAssignments.roundId, id)))
      .limit(1);
    if (!criteria.length || !assigned) throw new AppError('EVALUATION_NOT_READY');
  }
  const where = and(
    eq(evaluationRounds.tenantId, actor.tenantId),
    eq(evaluationRounds.id, id),
    eq(evaluationRounds.version, round.version),
  );
  await ctx.db.transaction(async (tx) => {
    await transitionRow(tx, evaluationRounds, where, roundMachine, step, { version: round.version + 1 });
    await writeAudit(tx, auditContext(ctx), {
      action: `evaluation.${event}`,
      entityType: 'evaluation_round',
      entityId: id,
      regionCode: round.regionCode,
      detail: { from: step.from, to: step.to },
    });
  });
  return presentRound(ctx, id);
}

/**
 * The awards of a closed round, replaced as a whole: an honour and funding (fen) for projects of the
 * round, together within its budget.
 */
export async function setAwards(ctx: Ctx, id: string, body: z.output<typeof awardsBody>) {
  const { actor, round } = await loadRound(ctx, id, 'admin');
  const entries = new Set(
    (
      await ctx.db
        .selectDistinct({ projectId: evaluationAssignments.projectId })
        .from(evaluationAssignments)
        .where(and(eq(evaluationAssignments.tenantId, actor.tenantId), eq(evaluationAssignments.roundId, id)))
    ).map((e) => e.projectId),
  );
  const seen = new Set<string>();
  body.awards.forEach((a, i) => {
    if (!entries.has(a.projectId) || seen.has(a.projectId))
      throw new AppError('VALIDATION_FAILED', [
        {
          field: `body.awards.${i}.projectId`,
          message: seen.has(a.projectId) ? '同一项目只能获一项奖励' : '该项目不在本次评选中',
          messageEn: seen.has(a.projectId) ? 'One award per project' : 'This project is not in the round',
        },
      ]);
    seen.add(a.projectId);
  });
  const total = body.awards.reduce((s, a) => s + a.fundingFen, 0);
  if (total > round.budgetFen)
    throw new AppError('EVALUATION_OVER_BUDGET', [
      {
        field: 'body.awards',
        message: `奖励资金合计 ${(total / 100).toFixed(2)} 元，预算 ${(round.budgetFen / 100).toFixed(2)} 元`,
        messageEn: `The awards add up to ¥${(total / 100).toFixed(2)}; the budget is ¥${(round.budgetFen / 100).toFixed(2)}`,
      },
    ]);
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ state: evaluationRounds.state })
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.tenantId, actor.tenantId), eq(evaluationRounds.id, id)))
      .for('update');
    if (locked?.state !== 'closed')
      throw new AppError('ILLEGAL_TRANSITION', undefined, {
        message: '评分结束后、公布之前才能评定奖励',
        messageEn: 'Awards are given after scoring closes and before the results are published',
      });
    await tx
      .delete(evaluationAwards)
      .where(and(eq(evaluationAwards.tenantId, actor.tenantId), eq(evaluationAwards.roundId, id)));
    if (body.awards.length)
      await tx.insert(evaluationAwards).values(
        body.awards.map((a) => ({
          tenantId: actor.tenantId,
          roundId: id,
          projectId: a.projectId,
          honour: a.honour,
          fundingFen: a.fundingFen,
          awardedBy: actor.userId,
        })),
      );
    await writeAudit(tx, auditContext(ctx), {
      action: 'evaluation.awards',
      entityType: 'evaluation_round',
      entityId: id,
      regionCode: round.regionCode,
      detail: { awards: body.awards, totalFen: total },
    });
  });
  return presentRound(ctx, id);
}
