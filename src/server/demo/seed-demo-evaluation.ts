/**
 * The demo's project results and last year's evaluation (合成演示数据). The library's projects are
 * linked to the activities of their own organisation and to the service-menu items (round robin,
 * branded district projects first), so their hours, volunteers, orders and satisfaction come from
 * the demo's records. Last year's district round (评选) is published: a handful of concluded
 * projects of last year, three judges' scores, the ranking and the awards within the budget.
 * Runs after the orders, activities and projects; deterministic.
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { userByPhone } from '../modules/accounts/index.js';
import { activities } from '../modules/activities/index.js';
import { organisationMembers } from '../modules/organisations/index.js';
import {
  computeResultsEach,
  evaluationAssignments,
  evaluationAwards,
  evaluationCriteria,
  evaluationRounds,
  evaluationScores,
  projectActivities,
  projectCalls,
  projectMenuItems,
  projects,
  rankProjects,
} from '../modules/projects/index.js';
import { menuItems } from '../modules/service-menu/index.js';
import type { Db } from '../platform/db.js';
import { DAY, generator } from './synthetic.js';

const ROUND_PROJECTS = 10;
const JUDGES = ['13800000007', '13800000002', '13800000003'];
const AWARDS = [
  { honour: '十佳志愿服务项目', fundingFen: 5_000_000 },
  { honour: '十佳志愿服务项目', fundingFen: 5_000_000 },
  { honour: '优秀志愿服务项目', fundingFen: 3_000_000 },
  { honour: '优秀志愿服务项目', fundingFen: 3_000_000 },
  { honour: '优秀志愿服务项目', fundingFen: 3_000_000 },
];

export async function seedDemoEvaluation(db: Db, tenantId: string, now: Date = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(371002, 14)`);
    const [done] = await tx
      .select({ n: count() })
      .from(evaluationRounds)
      .where(and(eq(evaluationRounds.tenantId, tenantId), eq(evaluationRounds.synthetic, true)));
    if ((done?.n ?? 0) > 0) return false;
    const library = await tx
      .select()
      .from(projects)
      .where(
        and(
          eq(projects.tenantId, tenantId),
          eq(projects.synthetic, true),
          inArray(projects.state, ['approved', 'concluded']),
        ),
      )
      .orderBy(asc(projects.level), sql`${projects.brandId} is null`, asc(projects.id));
    if (!library.length) return false;
    await linkResults(tx, tenantId, library);
    await lastYearRound(tx, tenantId, now, library);
    return true;
  });
}

type Project = typeof projects.$inferSelect;

async function linkResults(tx: Db, tenantId: string, library: Project[]) {
  const acts = await tx
    .select({ id: activities.id, organisationId: activities.organisationId })
    .from(activities)
    .where(eq(activities.tenantId, tenantId))
    // By title first: the seeded menu items' and activities' ids are random, and the links must not be.
    .orderBy(asc(activities.title), asc(activities.id));
  const byOrg = new Map<string, Project[]>();
  for (const p of library) byOrg.set(p.organisationId, [...(byOrg.get(p.organisationId) ?? []), p]);
  const seen = new Map<string, number>();
  const activityRows = acts.flatMap((a) => {
    const mine = a.organisationId ? byOrg.get(a.organisationId) : undefined;
    if (!mine?.length) return [];
    const k = seen.get(a.organisationId as string) ?? 0;
    seen.set(a.organisationId as string, k + 1);
    return [{ tenantId, projectId: (mine[k % mine.length] as Project).id, activityId: a.id }];
  });
  const items = await tx
    .select({ id: menuItems.id })
    .from(menuItems)
    .where(eq(menuItems.tenantId, tenantId))
    .orderBy(asc(menuItems.title), asc(menuItems.id));
  const itemRows = items.map((item, i) => ({
    tenantId,
    projectId: (library[i % library.length] as Project).id,
    menuItemId: item.id,
  }));
  if (activityRows.length) await tx.insert(projectActivities).values(activityRows).onConflictDoNothing();
  if (itemRows.length) await tx.insert(projectMenuItems).values(itemRows).onConflictDoNothing();
}

/** Last year's district round, published: concluded projects, three judges, scores, awards. */
async function lastYearRound(tx: Db, tenantId: string, now: Date, library: Project[]) {
  const rnd = generator(20251220);
  const year = now.getUTCFullYear() - 1;
  const judges: string[] = [];
  for (const phone of JUDGES) {
    const user = await userByPhone(tx, tenantId, phone);
    if (user) judges.push(user.id);
  }
  if (!judges.length) return;
  // No judge may score a project of their own organisation.
  const own = new Set(
    (
      await tx
        .select({ organisationId: organisationMembers.organisationId })
        .from(organisationMembers)
        .where(and(eq(organisationMembers.tenantId, tenantId), inArray(organisationMembers.userId, judges)))
    ).map((m) => m.organisationId),
  );
  // The projects of the round: district projects with the most to show from the records.
  const candidates = library.filter((p) => p.level === 'district' && !own.has(p.organisationId));
  const figures = await computeResultsEach(
    tx,
    tenantId,
    candidates.map((p) => p.id),
  );
  const weight = (p: Project) => {
    const r = figures.get(p.id);
    return r ? r.minutesServed + r.ordersCompleted * 60 : 0;
  };
  const picks = candidates
    .filter((p) => weight(p) > 0)
    .sort((a, b) => weight(b) - weight(a) || a.id.localeCompare(b.id))
    .slice(0, ROUND_PROJECTS);
  if (!picks.length) return;

  const closesAt = new Date(Date.UTC(year, 2, 31, 16));
  const [call] = await tx
    .insert(projectCalls)
    .values({
      tenantId,
      id: rnd.uuid(),
      title: `${year}年度环翠区志愿服务项目征集（演示）`,
      description: '上一年度的项目征集。合成演示数据。',
      level: 'district',
      regionCode: '371002',
      year,
      opensAt: new Date(Date.UTC(year, 0, 14, 16)),
      closesAt,
      createdAt: new Date(Date.UTC(year, 0, 10)),
      synthetic: true,
    })
    .returning();
  if (!call) throw new Error('insert failed');
  // Last year's runs of this year's projects: the same team, brand and linked records, concluded.
  const entries = picks.map((p) => ({
    ...p,
    id: rnd.uuid(),
    callId: call.id,
    state: 'concluded' as const,
    year,
    reviewRegionCode: null,
    createdAt: new Date(Date.UTC(year, 1, 1)),
    submittedAt: new Date(Date.UTC(year, 1, 20)),
    decidedAt: new Date(Date.UTC(year, 11, 1)),
    updatedAt: new Date(Date.UTC(year, 11, 1)),
  }));
  await tx.insert(projects).values(entries);
  const copyOf = (projectId: string) =>
    (entries[picks.findIndex((p) => p.id === projectId)] as (typeof entries)[number]).id;
  const pickIds = picks.map((p) => p.id);
  const items = await tx
    .select()
    .from(projectMenuItems)
    .where(and(eq(projectMenuItems.tenantId, tenantId), inArray(projectMenuItems.projectId, pickIds)));
  if (items.length)
    await tx
      .insert(projectMenuItems)
      .values(items.map((l) => ({ tenantId, projectId: copyOf(l.projectId), menuItemId: l.menuItemId })));
  const acts = await tx
    .select()
    .from(projectActivities)
    .where(and(eq(projectActivities.tenantId, tenantId), inArray(projectActivities.projectId, pickIds)));
  if (acts.length)
    await tx
      .insert(projectActivities)
      .values(acts.map((l) => ({ tenantId, projectId: copyOf(l.projectId), activityId: l.activityId })));

  const closedAt = new Date(Date.UTC(year, 11, 20, 8));
  const [round] = await tx
    .insert(evaluationRounds)
    .values({
      tenantId,
      id: rnd.uuid(),
      title: `${year}年度环翠区优秀志愿服务项目评选（演示）`,
      level: 'district',
      year,
      regionCode: '371002',
      state: 'published',
      version: 3,
      budgetFen: 20_000_000,
      createdAt: new Date(closedAt.getTime() - 30 * DAY),
      closedAt,
      publishedAt: new Date(closedAt.getTime() + 5 * DAY),
      synthetic: true,
    })
    .returning();
  if (!round) throw new Error('insert failed');
  const criteria = [
    { name: '创新性', weight: 30, maxScore: 10, metric: null },
    { name: '实效与影响', weight: 40, maxScore: 10, metric: null },
    { name: '服务时长', weight: 20, maxScore: 10, metric: 'minutesServed' as const },
    { name: '群众满意度', weight: 10, maxScore: 10, metric: 'averageStars' as const },
  ].map((c, i) => ({ ...c, tenantId, id: rnd.uuid(), roundId: round.id, sortOrder: i }));
  await tx.insert(evaluationCriteria).values(criteria);
  const assignedAt = new Date(closedAt.getTime() - 25 * DAY);
  await tx
    .insert(evaluationAssignments)
    .values(
      entries.flatMap((e) =>
        judges.map((judgeUserId) => ({ tenantId, roundId: round.id, projectId: e.id, judgeUserId, assignedAt })),
      ),
    );
  const scores = entries.flatMap((e) =>
    judges.flatMap((judgeUserId) =>
      criteria
        .filter((c) => !c.metric)
        .map((c) => ({
          tenantId,
          roundId: round.id,
          projectId: e.id,
          judgeUserId,
          criterionId: c.id,
          score: rnd.int(5, 10),
          scoredAt: new Date(closedAt.getTime() - rnd.int(1, 20) * DAY),
        })),
    ),
  );
  await tx.insert(evaluationScores).values(scores);
  const results = await computeResultsEach(
    tx,
    tenantId,
    entries.map((e) => e.id),
  );
  const ranked = rankProjects(
    criteria,
    entries.map((e) => ({ id: e.id, name: e.name, results: results.get(e.id) ?? noneYet })),
    scores,
    new Map(entries.map((e) => [e.id, judges.length])),
  );
  await tx.insert(evaluationAwards).values(
    ranked.slice(0, AWARDS.length).map((r, i) => ({
      tenantId,
      roundId: round.id,
      projectId: r.projectId,
      ...(AWARDS[i] as (typeof AWARDS)[number]),
      awardedAt: new Date(closedAt.getTime() + DAY),
    })),
  );
}

const noneYet = { minutesServed: 0, volunteers: 0, ordersCompleted: 0, ratedOrders: 0, averageStars: null };
