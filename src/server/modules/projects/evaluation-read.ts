import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { type Actor, hasRole, inScope, scopeCondition } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { users } from '../accounts/index.js';
import { organisations } from '../organisations/index.js';
import { type RoundRow, roundActions, roundMachine, scoresRevealed } from './evaluation-machine.js';
import { type Ranked, rankProjects } from './evaluation-ranking.js';
import {
  evaluationAssignments,
  evaluationAwards,
  evaluationCriteria,
  evaluationRounds,
  evaluationScores,
} from './evaluation-schema.js';
import { computeResultsEach, type Results } from './results.js';
import { projects } from './schema.js';

export async function findRound(db: Db, tenantId: string, id: string): Promise<RoundRow | null> {
  const [row] = await db
    .select()
    .from(evaluationRounds)
    .where(and(eq(evaluationRounds.tenantId, tenantId), eq(evaluationRounds.id, id)));
  return row ?? null;
}

export const isRoundAdmin = (actor: Actor, round: RoundRow) =>
  hasRole(actor, ['centre_admin']) && inScope(actor, round.regionCode);

async function judgesIn(db: Db, actor: Actor, roundId: string) {
  const [row] = await db
    .select({ projectId: evaluationAssignments.projectId })
    .from(evaluationAssignments)
    .where(
      and(
        eq(evaluationAssignments.tenantId, actor.tenantId),
        eq(evaluationAssignments.roundId, roundId),
        eq(evaluationAssignments.judgeUserId, actor.userId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The round as the caller may see it: its centre admins run it, its judges score in it; anyone else: NOT_FOUND. */
export async function loadRound(ctx: Ctx, id: string, need: 'admin' | 'any' = 'any') {
  const actor = requireActor(ctx);
  const round = await findRound(ctx.db, actor.tenantId, id);
  if (!round) throw new AppError('NOT_FOUND');
  const admin = isRoundAdmin(actor, round);
  if (need === 'admin' && !admin) throw new AppError('NOT_FOUND');
  const judge = await judgesIn(ctx.db, actor, id);
  if (!admin && !judge) throw new AppError('NOT_FOUND');
  return { actor, round, admin, judge };
}

export async function loadCriteria(db: Db, tenantId: string, roundId: string) {
  return db
    .select({
      id: evaluationCriteria.id,
      name: evaluationCriteria.name,
      weight: evaluationCriteria.weight,
      maxScore: evaluationCriteria.maxScore,
      metric: evaluationCriteria.metric,
    })
    .from(evaluationCriteria)
    .where(and(eq(evaluationCriteria.tenantId, tenantId), eq(evaluationCriteria.roundId, roundId)))
    .orderBy(asc(evaluationCriteria.sortOrder));
}

async function loadAssignments(db: Db, tenantId: string, roundId: string) {
  return db
    .select({
      projectId: evaluationAssignments.projectId,
      projectName: projects.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      judgeUserId: evaluationAssignments.judgeUserId,
      judgeName: users.displayName,
    })
    .from(evaluationAssignments)
    .innerJoin(
      projects,
      and(eq(projects.tenantId, evaluationAssignments.tenantId), eq(projects.id, evaluationAssignments.projectId)),
    )
    .innerJoin(
      organisations,
      and(eq(organisations.tenantId, projects.tenantId), eq(organisations.id, projects.organisationId)),
    )
    .innerJoin(
      users,
      and(eq(users.tenantId, evaluationAssignments.tenantId), eq(users.id, evaluationAssignments.judgeUserId)),
    )
    .where(and(eq(evaluationAssignments.tenantId, tenantId), eq(evaluationAssignments.roundId, roundId)))
    .orderBy(asc(projects.name), asc(projects.id), asc(users.displayName));
}

async function loadScores(db: Db, tenantId: string, roundId: string, judgeUserId?: string) {
  return db
    .select({
      projectId: evaluationScores.projectId,
      judgeUserId: evaluationScores.judgeUserId,
      criterionId: evaluationScores.criterionId,
      score: evaluationScores.score,
    })
    .from(evaluationScores)
    .where(
      and(
        eq(evaluationScores.tenantId, tenantId),
        eq(evaluationScores.roundId, roundId),
        judgeUserId ? eq(evaluationScores.judgeUserId, judgeUserId) : undefined,
      ),
    );
}

async function loadAwards(db: Db, tenantId: string, roundId: string) {
  return db
    .select({
      projectId: evaluationAwards.projectId,
      honour: evaluationAwards.honour,
      fundingFen: evaluationAwards.fundingFen,
    })
    .from(evaluationAwards)
    .where(and(eq(evaluationAwards.tenantId, tenantId), eq(evaluationAwards.roundId, roundId)));
}

type Assignment = Awaited<ReturnType<typeof loadAssignments>>[number];

function entriesOf(assignments: Assignment[]) {
  const byProject = new Map<
    string,
    {
      project: { id: string; name: string; organisation: { id: string; name: string } };
      judges: { id: string; name: string }[];
    }
  >();
  for (const a of assignments) {
    let entry = byProject.get(a.projectId);
    if (!entry) {
      entry = {
        project: {
          id: a.projectId,
          name: a.projectName,
          organisation: { id: a.organisationId, name: a.organisationName },
        },
        judges: [],
      };
      byProject.set(a.projectId, entry);
    }
    entry.judges.push({ id: a.judgeUserId, name: a.judgeName });
  }
  return [...byProject.values()];
}

/** The ranking of a round from its judges' scores and its projects' platform results. */
export async function rankingOf(db: Db, round: RoundRow) {
  const [criteria, assignments, scores, awards] = await Promise.all([
    loadCriteria(db, round.tenantId, round.id),
    loadAssignments(db, round.tenantId, round.id),
    loadScores(db, round.tenantId, round.id),
    loadAwards(db, round.tenantId, round.id),
  ]);
  const entries = entriesOf(assignments);
  const results = await computeResultsEach(
    db,
    round.tenantId,
    entries.map((e) => e.project.id),
  );
  const ranked: Ranked[] = rankProjects(
    criteria,
    entries.map((e) => ({ id: e.project.id, name: e.project.name, results: results.get(e.project.id) as Results })),
    scores,
    new Map(entries.map((e) => [e.project.id, e.judges.length])),
  );
  const byId = new Map(entries.map((e) => [e.project.id, e.project]));
  const awardOf = new Map(awards.map((a) => [a.projectId, { honour: a.honour, fundingFen: a.fundingFen }]));
  return {
    criteria,
    ranking: ranked.map((r) => ({
      rank: r.rank,
      project: byId.get(r.projectId) as { id: string; name: string; organisation: { id: string; name: string } },
      total: r.total,
      judges: r.judges,
      complete: r.complete,
      criteria: r.criteria,
      results: results.get(r.projectId) as Results,
      award: awardOf.get(r.projectId) ?? null,
    })),
  };
}

async function awardedFen(db: Db, round: RoundRow) {
  return (await loadAwards(db, round.tenantId, round.id)).reduce((sum, a) => sum + a.fundingFen, 0);
}

const base = (round: RoundRow) => ({
  id: round.id,
  title: round.title,
  level: round.level,
  year: round.year,
  state: round.state,
  stateLabel: roundMachine.states[round.state],
  budgetFen: round.budgetFen,
  publishedAt: round.publishedAt?.toISOString() ?? null,
});

export async function presentRound(ctx: Ctx, id: string) {
  const { actor, round, admin, judge } = await loadRound(ctx, id);
  const [criteria, assignments, mine, awarded] = await Promise.all([
    loadCriteria(ctx.db, actor.tenantId, id),
    loadAssignments(ctx.db, actor.tenantId, id),
    loadScores(ctx.db, actor.tenantId, id, actor.userId),
    awardedFen(ctx.db, round),
  ]);
  const judged = criteria.filter((c) => !c.metric).length;
  let scored = new Set<string>();
  if (admin) {
    const all = await loadScores(ctx.db, actor.tenantId, id);
    const count = new Map<string, number>();
    for (const s of all)
      count.set(`${s.projectId}/${s.judgeUserId}`, (count.get(`${s.projectId}/${s.judgeUserId}`) ?? 0) + 1);
    scored = new Set([...count].filter(([, n]) => n >= judged).map(([k]) => k));
  }
  const entries = entriesOf(assignments);
  const actions = roundActions(round, actor);
  const revealed = scoresRevealed(round.state);
  return {
    ...base(round),
    awardedFen: awarded,
    regionCode: round.regionCode,
    projects: entries.length,
    role: admin ? ('admin' as const) : ('judge' as const),
    criteria,
    entries: admin
      ? entries.map((e) => ({
          project: e.project,
          judges: e.judges.map((j) => ({ ...j, scored: scored.has(`${e.project.id}/${j.id}`) })),
        }))
      : [],
    mine: judge
      ? entries
          .filter((e) => e.judges.some((j) => j.id === actor.userId))
          .map((e) => ({
            project: e.project,
            scores: mine
              .filter((s) => s.projectId === e.project.id)
              .map((s) => ({ criterionId: s.criterionId, score: s.score })),
          }))
      : [],
    ranking: revealed ? (await rankingOf(ctx.db, round)).ranking : null,
    actions: {
      setup: admin && round.state === 'draft',
      open: admin && actions.open,
      close: admin && actions.close,
      publish: admin && actions.publish,
      award: admin && round.state === 'closed',
      score: judge && round.state === 'scoring',
    },
  };
}

/** Rounds the caller runs (centre admins in scope) or judges in, newest first. */
export async function listRounds(ctx: Ctx) {
  const actor = requireActor(ctx);
  const judged = await ctx.db
    .selectDistinct({ roundId: evaluationAssignments.roundId })
    .from(evaluationAssignments)
    .where(
      and(eq(evaluationAssignments.tenantId, actor.tenantId), eq(evaluationAssignments.judgeUserId, actor.userId)),
    );
  const ids = judged.map((j) => j.roundId);
  const admin = hasRole(actor, ['centre_admin']);
  const rows =
    !admin && !ids.length
      ? []
      : await ctx.db
          .select()
          .from(evaluationRounds)
          .where(
            and(
              eq(evaluationRounds.tenantId, actor.tenantId),
              admin ? scopeCondition(actor, evaluationRounds.regionCode) : inArray(evaluationRounds.id, ids),
            ),
          )
          .orderBy(desc(evaluationRounds.createdAt))
          .limit(100);
  const extra =
    admin && ids.length
      ? (
          await ctx.db
            .select()
            .from(evaluationRounds)
            .where(and(eq(evaluationRounds.tenantId, actor.tenantId), inArray(evaluationRounds.id, ids)))
        ).filter((r) => !rows.some((x) => x.id === r.id))
      : [];
  const items = [];
  for (const round of [...rows, ...extra]) {
    const entries = await ctx.db
      .selectDistinct({ projectId: evaluationAssignments.projectId })
      .from(evaluationAssignments)
      .where(and(eq(evaluationAssignments.tenantId, actor.tenantId), eq(evaluationAssignments.roundId, round.id)));
    items.push({
      ...base(round),
      awardedFen: await awardedFen(ctx.db, round),
      regionCode: round.regionCode,
      projects: entries.length,
      role: isRoundAdmin(actor, round) ? ('admin' as const) : ('judge' as const),
    });
  }
  return { items };
}

async function publishedRound(ctx: Ctx, id: string) {
  const round = await findRound(ctx.db, ctx.tenantId, id);
  if (round?.state !== 'published') throw new AppError('NOT_FOUND');
  return round;
}

/** The published results of a round (the public page and its xlsx). */
export async function publicResults(ctx: Ctx, id: string) {
  const round = await publishedRound(ctx, id);
  const { criteria, ranking } = await rankingOf(ctx.db, round);
  return { ...base(round), awardedFen: await awardedFen(ctx.db, round), criteria, ranking };
}

export async function listPublishedRounds(ctx: Ctx) {
  const rows = await ctx.db
    .select()
    .from(evaluationRounds)
    .where(and(eq(evaluationRounds.tenantId, ctx.tenantId), eq(evaluationRounds.state, 'published')))
    .orderBy(desc(evaluationRounds.publishedAt))
    .limit(100);
  const items = [];
  for (const r of rows) items.push({ ...base(r), awardedFen: await awardedFen(ctx.db, r) });
  return { items };
}
