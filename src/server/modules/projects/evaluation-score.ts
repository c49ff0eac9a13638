import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import type { scoresBody } from './evaluation-contract.js';
import { findRound, loadCriteria, presentRound } from './evaluation-read.js';
import { evaluationAssignments, evaluationRounds, evaluationScores } from './evaluation-schema.js';
import { assertNoConflict } from './evaluation-setup.js';
import { projects } from './schema.js';

/**
 * A judge scores every judged criterion of one assigned project (again, to change them) while the
 * round is scoring. The round row is read FOR SHARE inside the transaction: judges score side by
 * side, and closing the round waits for scores being written (and refuses those that come after).
 */
export async function scoreProject(ctx: Ctx, id: string, projectId: string, body: z.output<typeof scoresBody>) {
  const actor = requireActor(ctx);
  const round = await findRound(ctx.db, actor.tenantId, id);
  if (!round) throw new AppError('NOT_FOUND');
  const [project] = await ctx.db
    .select({ organisationId: projects.organisationId })
    .from(projects)
    .where(and(eq(projects.tenantId, actor.tenantId), eq(projects.id, projectId)));
  if (!project) throw new AppError('NOT_FOUND');
  await assertNoConflict(ctx.db, actor.tenantId, actor.userId, project.organisationId);
  const [assigned] = await ctx.db
    .select({ projectId: evaluationAssignments.projectId })
    .from(evaluationAssignments)
    .where(
      and(
        eq(evaluationAssignments.tenantId, actor.tenantId),
        eq(evaluationAssignments.roundId, id),
        eq(evaluationAssignments.projectId, projectId),
        eq(evaluationAssignments.judgeUserId, actor.userId),
      ),
    );
  if (!assigned) throw new AppError('EVALUATION_NOT_ASSIGNED');

  const criteria = (await loadCriteria(ctx.db, actor.tenantId, id)).filter((c) => !c.metric);
  const details: ErrorDetail[] = [];
  const given = new Map<string, number>();
  body.scores.forEach((s, i) => {
    const c = criteria.find((x) => x.id === s.criterionId);
    if (!c)
      details.push({
        field: `body.scores.${i}.criterionId`,
        message: '没有这项评分标准',
        messageEn: 'No such criterion to score',
      });
    else if (s.score > c.maxScore)
      details.push({
        field: `body.scores.${i}.score`,
        message: `「${c.name}」最高 ${c.maxScore} 分`,
        messageEn: `${c.name}: at most ${c.maxScore}`,
      });
    else given.set(c.id, s.score);
  });
  for (const c of criteria)
    if (!given.has(c.id) && !details.length)
      details.push({ field: 'body.scores', message: `请为「${c.name}」打分`, messageEn: `Score ${c.name} too` });
  if (details.length) throw new AppError('VALIDATION_FAILED', details);

  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ state: evaluationRounds.state })
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.tenantId, actor.tenantId), eq(evaluationRounds.id, id)))
      .for('share');
    if (locked?.state !== 'scoring') throw new AppError('EVALUATION_NOT_SCORING');
    const now = new Date();
    await tx
      .insert(evaluationScores)
      .values(
        [...given].map(([criterionId, score]) => ({
          tenantId: actor.tenantId,
          roundId: id,
          projectId,
          judgeUserId: actor.userId,
          criterionId,
          score,
          scoredAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [
          evaluationScores.tenantId,
          evaluationScores.roundId,
          evaluationScores.projectId,
          evaluationScores.judgeUserId,
          evaluationScores.criterionId,
        ],
        set: { score: sql`excluded.score`, scoredAt: now },
      });
    // The scores themselves stay out of the audit log: they are blind until the round closes.
    await writeAudit(tx, auditContext(ctx), {
      action: 'evaluation.score',
      entityType: 'evaluation_round',
      entityId: id,
      regionCode: round.regionCode,
      detail: { projectId, criteria: given.size },
    });
  });
  return presentRound(ctx, id);
}
