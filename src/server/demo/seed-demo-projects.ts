/**
 * The project library of the demo district (合成演示数据): one call for projects opened on 15 January
 * of the demo year, 194 district-level and 182 subdistrict/community-level projects of synthetic
 * teams in every state with a review history that follows the region tree, and the district's named
 * brands (鲸园蓝 with its six themed series, 金晖助老, 精致童年…). The projects keep the level they
 * were filed at (one call takes both levels). Deterministic; inserted in batches.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { userByPhone } from '../modules/accounts/index.js';
import { organisations } from '../modules/organisations/index.js';
import {
  brandSeries,
  brands,
  type ProjectLevel,
  type ProjectState,
  projectCalls,
  projectCategories,
  projectReviews,
  projects,
  reviewChain,
} from '../modules/projects/index.js';
import { regions } from '../modules/regions/index.js';
import type { Db } from '../platform/db.js';
import { DEMO_BRANDS, TEAM_SUFFIXES, THEMES } from './seed-demo-projects-data.js';
import { DAY, generator } from './synthetic.js';

export const DEMO_PROJECT_COUNTS = { district: 194, subdistrict: 182 } as const;
const TEAMS = 48;
/** Contact numbers of the synthetic projects (not accounts: nobody signs in with them). */
const CONTACT_BLOCK = '1709970';

async function hasProjects(db: Db, tenantId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(projectCalls)
    .where(and(eq(projectCalls.tenantId, tenantId), eq(projectCalls.synthetic, true)));
  return (row?.n ?? 0) > 0;
}

export async function seedDemoProjects(
  db: Db,
  tenantId: string,
  now: Date = new Date(),
  counts: { district: number; subdistrict: number } = DEMO_PROJECT_COUNTS,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(371002, 13)`);
    if (await hasProjects(tx, tenantId)) return false;
    await insertLibrary(tx, tenantId, now, counts);
    return true;
  });
}

/** Which state a project has reached, by how far through the year its review is. */
function stateFor(r: number): ProjectState {
  return r < 0.62 ? 'approved' : r < 0.74 ? 'concluded' : r < 0.84 ? 'submitted' : r < 0.91 ? 'returned' : 'rejected';
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 250) await insert(rows.slice(i, i + 250));
}

async function insertLibrary(tx: Db, tenantId: string, now: Date, counts: { district: number; subdistrict: number }) {
  const rnd = generator(20260115);
  const year = now.getUTCFullYear();
  const opensAt = new Date(Date.UTC(year, 0, 14, 16)); // 15 January, 00:00 China time
  const places = await tx
    .select({ code: regions.code, shortName: regions.shortName, level: regions.level })
    .from(regions)
    .where(eq(regions.tenantId, tenantId))
    .orderBy(regions.code);
  const local = places.filter((p) => p.level !== 'district');
  if (!local.length) throw new Error('seed the demo district first');
  const [demoTeam] = await tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.name, '鲸园蓝志愿服务队')));

  const [call] = await tx
    .insert(projectCalls)
    .values({
      tenantId,
      id: rnd.uuid(),
      title: `${year}年度环翠区志愿服务项目征集（演示）`,
      description: '面向全区志愿服务队伍和社会组织征集区级、街道/社区级志愿服务项目。合成演示数据。',
      level: 'district',
      regionCode: '371002',
      year,
      opensAt,
      closesAt: new Date(opensAt.getTime() + 75 * DAY),
      requiredFields: ['objectives', 'beneficiaries', 'plan', 'budget'],
      requiredAttachments: ['项目申报书', '项目预算表'],
      createdAt: opensAt,
      synthetic: true,
    })
    .returning();
  if (!call) throw new Error('insert failed');

  const applicant = await userByPhone(tx, tenantId, '13800000004');
  if (!applicant) throw new Error('seed the demo district first');
  const taken = new Set<string>();
  const teams = Array.from({ length: TEAMS }, (_, i) => {
    const place = local[(i * 7) % local.length] as (typeof local)[number];
    let name = `${place.shortName}${TEAM_SUFFIXES[i % TEAM_SUFFIXES.length]}（演示）`;
    if (taken.has(name)) name = `${place.shortName}${TEAM_SUFFIXES[i % TEAM_SUFFIXES.length]}${i}（演示）`;
    taken.add(name);
    return {
      tenantId,
      id: rnd.uuid(),
      kind: i % 4 === 3 ? ('social_org' as const) : ('team' as const),
      name,
      regionCode: place.code,
      description: '合成演示数据',
    };
  });
  await tx.insert(organisations).values(teams);

  const brandRows = DEMO_BRANDS.map((b, i) => {
    const owner = b.name === '鲸园蓝' && demoTeam ? demoTeam : (teams[i * 5] as (typeof teams)[number]);
    return {
      tenantId,
      id: rnd.uuid(),
      name: b.name,
      description: b.description,
      organisationId: owner.id,
      regionCode: owner.regionCode,
      createdAt: new Date(opensAt.getTime() - (365 + i * 90) * DAY),
      synthetic: true,
    };
  });
  await tx.insert(brands).values(brandRows);
  const seriesRows = DEMO_BRANDS.flatMap((b, i) =>
    b.series.map((name, k) => ({
      tenantId,
      id: rnd.uuid(),
      brandId: (brandRows[i] as (typeof brandRows)[number]).id,
      name,
      description: `${b.name}主题系列：${name}`,
      sortOrder: k,
    })),
  );
  if (seriesRows.length) await tx.insert(brandSeries).values(seriesRows);

  const projectRows: (typeof projects.$inferInsert)[] = [];
  const reviewRows: (typeof projectReviews.$inferInsert)[] = [];
  const levels: ProjectLevel[] = [
    ...Array<ProjectLevel>(counts.district).fill('district'),
    ...Array<ProjectLevel>(counts.subdistrict).fill('subdistrict'),
  ];
  levels.forEach((level, i) => {
    const branded = rnd.next() < 0.3 ? (rnd.int(0, DEMO_BRANDS.length - 1) as number) : null;
    const brand = branded === null ? null : DEMO_BRANDS[branded];
    const brandRow = branded === null ? null : brandRows[branded];
    const org =
      brandRow && rnd.next() < 0.6
        ? (teams.find((t) => t.id === brandRow.organisationId) ?? demoTeam ?? teams[0])
        : teams[rnd.int(0, teams.length - 1)];
    if (!org) return;
    const category = brand?.category ?? (rnd.pick(projectCategories) as (typeof projectCategories)[number]);
    const series = brand?.series.length ? seriesRows.filter((s) => s.brandId === brandRow?.id) : [];
    const seriesRow = series.length ? rnd.pick(series) : null;
    const theme = rnd.pick(THEMES[category]);
    const place = places.find((p) => p.code === org.regionCode)?.shortName ?? '环翠';
    const name = seriesRow
      ? `${brand?.name}·${seriesRow.name}${theme}`
      : brand
        ? `${brand.name}·${place}${theme}`
        : `${place}${theme}${i % 3 === 0 ? '行动' : '项目'}`;
    const state = stateFor(rnd.next());
    const submittedAt = new Date(opensAt.getTime() + rnd.int(3, 70) * DAY + rnd.int(0, 600) * 60_000);
    const chain = reviewChain(org.regionCode, level);
    const id = rnd.uuid();
    let at = submittedAt.getTime();
    const review = (
      decision: string,
      from: ProjectState,
      to: ProjectState,
      regionCode: string | null,
      comment: string | null,
    ) => {
      at += rnd.int(1, 9) * DAY;
      reviewRows.push({
        tenantId,
        id: rnd.uuid(),
        projectId: id,
        decision: decision as (typeof projectReviews.$inferInsert)['decision'],
        regionCode,
        fromState: from,
        toState: to,
        comment,
        actorName: regionCode ? `${places.find((p) => p.code === regionCode)?.shortName ?? ''}审核员` : '项目负责人',
        at: new Date(at),
      });
    };
    review('submit', 'draft', 'submitted', null, null);
    at = submittedAt.getTime();
    // How far up the chain it got: all the way for decided projects, part way for those still in review.
    const reached = state === 'submitted' ? rnd.int(0, chain.length - 1) : chain.length - 1;
    for (let k = 0; k < reached; k++) review('pass', 'submitted', 'submitted', chain[k] as string, '同意，报上级审核');
    const at_ = chain[reached] as string;
    if (state === 'approved' || state === 'concluded') review('approve', 'submitted', 'approved', at_, '同意入库');
    if (state === 'concluded')
      review('conclude', 'approved', 'concluded', chain[chain.length - 1] as string, '按计划完成');
    if (state === 'returned') review('return', 'submitted', 'returned', at_, '请细化实施计划和预算明细');
    if (state === 'rejected') review('reject', 'submitted', 'rejected', at_, '与已有项目内容重复');
    const budgetFen = rnd.int(level === 'district' ? 20 : 3, level === 'district' ? 200 : 30) * 100_000;
    projectRows.push({
      tenantId,
      id,
      callId: call.id,
      state,
      name,
      brandId: brandRow?.id ?? null,
      seriesId: seriesRow?.id ?? null,
      category,
      objectives: `围绕${theme}，常态化开展志愿服务，每月不少于两次。`,
      beneficiaries: rnd.pick(['辖区老年人', '留守儿童及家长', '社区居民', '环卫工人和户外劳动者', '困难家庭']),
      organisationId: org.id,
      contactName: '项目负责人（演示）',
      contactPhone: `${CONTACT_BLOCK}${String(i + 1).padStart(4, '0')}`,
      regionsServed: [org.regionCode],
      plan: '一季度组建队伍、开展培训；二、三季度常态化服务；四季度总结评估。',
      budgetFen,
      expectedOutputs: `服务${rnd.int(200, 3000)}人次，形成可复制的服务模式。`,
      year,
      level,
      regionCode: org.regionCode,
      reviewRegionCode: state === 'submitted' ? at_ : null,
      createdBy: applicant.id,
      createdAt: new Date(submittedAt.getTime() - rnd.int(1, 10) * DAY),
      submittedAt,
      decidedAt: ['approved', 'concluded', 'rejected'].includes(state) ? new Date(at) : null,
      synthetic: true,
      updatedAt: new Date(at),
    });
  });
  await insertInChunks(projectRows, (chunk) => tx.insert(projects).values(chunk));
  await insertInChunks(reviewRows, (chunk) => tx.insert(projectReviews).values(chunk));
}
