import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadRound, presentRound } from './evaluation-read.js';
import { evaluationAssignments, evaluationScores } from './evaluation-schema.js';

/**
 * Takes a judge off a project of the round, before the judge has scored it and while scoring has
 * not closed: a score once given stays part of the round's record.
 */
export async function unassignJudge(ctx: Ctx, id: string, projectId: string, judgeUserId: string) {
  const { actor, round } = await loadRound(ctx, id, 'admin');
  const mine = (t: typeof evaluationAssignments | typeof evaluationScores) =>
    and(eq(t.tenantId, actor.tenantId), eq(t.roundId, id), eq(t.projectId, projectId), eq(t.judgeUserId, judgeUserId));
  await ctx.db.transaction(async (tx) => {
    const [assignment] = await tx.select().from(evaluationAssignments).where(mine(evaluationAssignments)).for('update');
    if (!assignment) throw new AppError('NOT_FOUND');
    if (round.state !== 'draft' && round.state !== 'scoring') throw new AppError('EVALUATION_JUDGE_LOCKED');
    const [scored] = await tx
      .select({ criterionId: evaluationScores.criterionId })
      .from(evaluationScores)
      .where(mine(evaluationScores))
      .limit(1);
    if (scored) throw new AppError('EVALUATION_JUDGE_LOCKED');
    await tx.delete(evaluationAssignments).where(mine(evaluationAssignments));
    await writeAudit(tx, auditContext(ctx), {
      action: 'evaluation.unassign',
      entityType: 'evaluation_round',
      entityId: id,
      regionCode: round.regionCode,
      detail: { projectId, judgeUserId },
    });
  });
  return presentRound(ctx, id);
}
