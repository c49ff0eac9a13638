import { and, eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { roleGrants, users } from '../accounts/index.js';
import { organisationMembers } from '../organisations/index.js';
import type { assignBody, createRoundBody, criteriaBody } from './evaluation-contract.js';
import { loadRound, presentRound } from './evaluation-read.js';
import { evaluationAssignments, evaluationCriteria, evaluationRounds } from './evaluation-schema.js';
import { libraryStates, projects } from './schema.js';

type Criteria = z.output<typeof criteriaBody>['criteria'];

/** Weights add up to 100 (the total is then a score out of 100). */
export function checkWeights(criteria: Criteria) {
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (sum !== 100)
    throw new AppError('EVALUATION_WEIGHTS_INVALID', [
      {
        field: 'body.criteria',
        message: `权重之和为 ${sum}，须为 100`,
        messageEn: `The weights add up to ${sum}, not 100`,
      },
    ]);
}

const criterionRows = (tenantId: string, roundId: string, criteria: Criteria) =>
  criteria.map((c, i) => ({
    tenantId,
    roundId,
    name: c.name,
    weight: c.weight,
    maxScore: c.maxScore,
    metric: c.metric,
    sortOrder: i,
  }));

/** A centre admin sets up a round of their district: level, year, budget, weighted criteria. */
export async function createRound(ctx: Ctx, body: z.output<typeof createRoundBody>) {
  const actor = requireActor(ctx);
  checkWeights(body.criteria);
  const regionCode =
    body.regionCode ?? actor.grants.find((g) => g.role === 'centre_admin' && g.regionCode)?.regionCode ?? '';
  assertInScope(actor, regionCode);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(evaluationRounds)
      .values({
        tenantId: actor.tenantId,
        title: body.title,
        level: body.level,
        year: body.year,
        regionCode,
        budgetFen: body.budgetFen,
        createdBy: actor.userId,
      })
      .returning({ id: evaluationRounds.id });
    if (!row) throw new Error('insert failed');
    await tx.insert(evaluationCriteria).values(criterionRows(actor.tenantId, row.id, body.criteria));
    await writeAudit(tx, auditContext(ctx), {
      action: 'evaluation.create',
      entityType: 'evaluation_round',
      entityId: row.id,
      regionCode,
      detail: { title: body.title, level: body.level, year: body.year, budgetFen: body.budgetFen },
    });
    return row.id;
  });
  return presentRound(ctx, id);
}

/** Replaces the criteria while the round is in preparation. */
export async function setCriteria(ctx: Ctx, id: string, body: z.output<typeof criteriaBody>) {
  const { actor, round } = await loadRound(ctx, id, 'admin');
  if (round.state !== 'draft') throw new AppError('EVALUATION_SETUP_LOCKED');
  checkWeights(body.criteria);
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ state: evaluationRounds.state })
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.tenantId, actor.tenantId), eq(evaluationRounds.id, id)))
      .for('update');
    if (locked?.state !== 'draft') throw new AppError('EVALUATION_SETUP_LOCKED');
    await tx
      .delete(evaluationCriteria)
      .where(and(eq(evaluationCriteria.tenantId, actor.tenantId), eq(evaluationCriteria.roundId, id)));
    await tx.insert(evaluationCriteria).values(criterionRows(actor.tenantId, id, body.criteria));
    await writeAudit(tx, auditContext(ctx), {
      action: 'evaluation.criteria',
      entityType: 'evaluation_round',
      entityId: id,
      regionCode: round.regionCode,
      detail: { criteria: body.criteria.map((c) => ({ name: c.name, weight: c.weight, metric: c.metric })) },
    });
  });
  return presentRound(ctx, id);
}

/**
 * A judge of the project's own organisation (a member of it, or its org admin) must stand aside.
 * Checked when the judge is assigned and again on every score (membership may change).
 */
export async function assertNoConflict(db: Db, tenantId: string, judgeUserId: string, organisationId: string) {
  const [member] = await db
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.tenantId, tenantId),
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.userId, judgeUserId),
      ),
    )
    .limit(1);
  const [grant] = member
    ? [member]
    : await db
        .select({ userId: roleGrants.userId })
        .from(roleGrants)
        .where(
          and(
            eq(roleGrants.tenantId, tenantId),
            eq(roleGrants.userId, judgeUserId),
            eq(roleGrants.organisationId, organisationId),
          ),
        )
        .limit(1);
  if (member || grant) throw new AppError('EVALUATION_JUDGE_CONFLICT');
}

/** Assigns a judge (found by phone) to a library project of the round's level, year and region. */
export async function assignJudge(ctx: Ctx, id: string, body: z.output<typeof assignBody>) {
  const { actor, round } = await loadRound(ctx, id, 'admin');
  if (round.state !== 'draft' && round.state !== 'scoring') throw new AppError('EVALUATION_SETUP_LOCKED');
  const [project] = await ctx.db
    .select()
    .from(projects)
    .where(and(eq(projects.tenantId, actor.tenantId), eq(projects.id, body.projectId)));
  if (!project) throw new AppError('NOT_FOUND');
  if (
    !(libraryStates as readonly string[]).includes(project.state) ||
    project.level !== round.level ||
    project.year !== round.year ||
    !project.regionCode.startsWith(round.regionCode)
  )
    throw new AppError('EVALUATION_PROJECT_INELIGIBLE');
  const [judge] = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.tenantId, actor.tenantId), or(eq(users.phone, body.judgePhone))));
  if (!judge)
    throw new AppError('USER_NOT_FOUND', [
      { field: 'body.judgePhone', message: '未找到该手机号对应的用户', messageEn: 'No user with this phone number' },
    ]);
  await assertNoConflict(ctx.db, actor.tenantId, judge.id, project.organisationId);
  await ctx.db.transaction(async (tx) => {
    const added = await tx
      .insert(evaluationAssignments)
      .values({ tenantId: actor.tenantId, roundId: id, projectId: project.id, judgeUserId: judge.id })
      .onConflictDoNothing()
      .returning({ projectId: evaluationAssignments.projectId });
    if (!added.length) return;
    await writeAudit(tx, auditContext(ctx), {
      action: 'evaluation.assign',
      entityType: 'evaluation_round',
      entityId: id,
      regionCode: round.regionCode,
      detail: { projectId: project.id, judgeUserId: judge.id },
    });
  });
  return presentRound(ctx, id);
}
