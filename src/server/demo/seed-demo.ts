import { count, eq, sql } from 'drizzle-orm';
import { hashPassword, roleGrants, users } from '../modules/accounts/index.js';
import { seedSyntheticPopulation } from '../modules/coverage/index.js';
import { organisations } from '../modules/organisations/index.js';
import { importRegionTree, readDistrictTree } from '../modules/regions/index.js';
import { seedDemoMenu } from '../modules/service-menu/index.js';
import { createSiteSkeleton, seedPilotPosts, siteStaff } from '../modules/sites/index.js';
import { seedDemoStationServices } from '../modules/station-services/index.js';
import { CURRENT_CONSENT_VERSION, insertVolunteer, seedSkillTaxonomy } from '../modules/volunteers/index.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db.js';
import type { Role } from '../platform/identity.js';
import { tenants } from '../platform/tenants-schema.js';
import { seedDemoAcademy } from './seed-demo-academy.js';
import { seedDemoCharity } from './seed-demo-charity.js';
import { seedDemoPoints } from './seed-demo-points.js';
import { seedDemoStore } from './seed-demo-store.js';
import { seedPeopleAndPlaces } from './seed-people-and-places.js';

export const DEMO_DISTRICT = '371002';
export const DEMO_PASSWORD = 'Leifeng@2026';

export interface DemoAccount {
  role: Role;
  label: string;
  phone: string;
  displayName: string;
  regionCode?: string;
  organisation?: boolean;
}

/** One account per role. 鲸园街道 371002002 holds 北门外社区 371002002005. */
export const demoAccounts: DemoAccount[] = [
  {
    role: 'centre_admin',
    label: '中心管理员',
    phone: '13800000001',
    displayName: '环翠区中心管理员',
    regionCode: '371002',
  },
  {
    role: 'institute_admin',
    label: '所管理员（鲸园街道）',
    phone: '13800000002',
    displayName: '鲸园街道所管理员',
    regionCode: '371002002',
  },
  {
    role: 'station_keeper',
    label: '站点专管员（北门外社区）',
    phone: '13800000003',
    displayName: '北门外社区专管员',
    regionCode: '371002002005',
  },
  {
    role: 'org_admin',
    label: '队长（鲸园蓝志愿服务队）',
    phone: '13800000004',
    displayName: '鲸园蓝队长',
    organisation: true,
  },
  { role: 'volunteer', label: '志愿者', phone: '13800000005', displayName: '李志愿' },
  { role: 'resident', label: '群众', phone: '13800000006', displayName: '王大爷' },
  { role: 'judge', label: '评审专家', phone: '13800000007', displayName: '张评审', regionCode: '371002' },
];

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(tenants).where(eq(tenants.id, DEMO_DISTRICT));
  return (row?.n ?? 0) > 0;
}

/** A valid, made-up ID number (GB 11643 check digit) for the demo volunteer 李志愿 of 北门外社区. */
export const DEMO_VOLUNTEER_ID_NUMBER = '371002199003151233';

/**
 * The Huancui demo district: region tree, site skeleton, skill taxonomy, a demo team, one account
 * per role and the demo volunteer's profile. `config` supplies the PII key the profile is sealed with.
 * One transaction: a failure (no PII key, a lost connection) leaves nothing behind, and the next
 * start seeds again. Instances starting together take turns; false when another has seeded it.
 */
export async function seedDemo(db: Db, config: Config): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(371002, 1)`);
    if (await isSeeded(tx)) return false;
    const { tenantId } = await importRegionTree(tx, readDistrictTree(DEMO_DISTRICT));
    await createSiteSkeleton(tx, tenantId);
    await seedSkillTaxonomy(tx, tenantId);
    const posts = await seedPilotPosts(tx, tenantId);
    const [team] = await tx
      .insert(organisations)
      .values({ tenantId, kind: 'team', name: '鲸园蓝志愿服务队', regionCode: '371002002' })
      .returning({ id: organisations.id });
    const userIds = new Map<string, string>();
    for (const a of demoAccounts) {
      const [user] = await tx
        .insert(users)
        .values({ tenantId, phone: a.phone, displayName: a.displayName, passwordHash })
        .returning({ id: users.id });
      if (!user) throw new Error('insert failed');
      userIds.set(a.phone, user.id);
      await tx.insert(roleGrants).values({
        tenantId,
        userId: user.id,
        role: a.role,
        regionCode: a.regionCode ?? null,
        organisationId: a.organisation ? (team?.id ?? null) : null,
      });
    }
    // The 北门外社区 keeper staffs the 大世界 雷锋岗 (in 北门外社区), which has a few books and items.
    const daShiJie = posts.find((p) => p.name === '大世界雷锋岗');
    const keeperId = userIds.get('13800000003');
    if (daShiJie && keeperId) {
      await tx.insert(siteStaff).values({ tenantId, siteId: daShiJie.id, userId: keeperId, title: '专管员' });
      await seedDemoStationServices(tx, { tenantId, id: daShiJie.id, regionCode: daShiJie.regionCode });
    }
    await seedPeopleAndPlaces(tx, tenantId);
    await seedSyntheticPopulation(tx, tenantId);
    await seedDemoStore(tx, tenantId);
    await seedDemoMenu(tx, tenantId);
    const volunteerUserId = userIds.get('13800000005');
    if (!volunteerUserId) throw new Error('demo volunteer account missing');
    const ctx = { db: tx, config, tenantId, actor: null, ip: null, requestId: null };
    await insertVolunteer(tx, ctx, {
      userId: volunteerUserId,
      name: '李志愿',
      idNumber: DEMO_VOLUNTEER_ID_NUMBER,
      regionCode: '371002002005',
      status: 'active',
      channel: 'desk',
      registeredBy: null,
      consentVersion: CURRENT_CONSENT_VERSION,
      skillCodes: ['theory', 'elderly_disabled'],
      areaCodes: ['371002002005', '371002002'],
      availability: [
        { weekday: 6, startMinute: 9 * 60, endMinute: 12 * 60 },
        { weekday: 3, startMinute: 18 * 60 + 30, endMinute: 20 * 60 + 30 },
      ],
      address: '威海市环翠区北门外社区',
      intro: '退休教师，愿意为社区老人读报、讲政策。',
    });
    await seedDemoAcademy(tx, tenantId);
    await seedDemoPoints(tx, tenantId, { volunteerUserId, keeperId, approverId: userIds.get('13800000002') });
    await seedDemoCharity(tx, config, tenantId, {
      organiserId: keeperId as string,
      keeperIds: [volunteerUserId, userIds.get('13800000004') as string],
      approverIds: [userIds.get('13800000002') as string, userIds.get('13800000001') as string],
    });
    return true;
  });
}
