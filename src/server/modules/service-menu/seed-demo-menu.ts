import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { organisations } from '../organisations/index.js';
import { seedServiceCategories } from './default-categories.js';
import { menuItems } from './schema.js';

const DISTRICT = '371002';
const JINGYUAN = '371002002';

/** The default categories and a menu of a dozen services, one offered by 鲸园蓝志愿服务队. */
export async function seedDemoMenu(db: Db, tenantId: string) {
  await seedServiceCategories(db, tenantId);
  const [team] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.name, '鲸园蓝志愿服务队')));
  const byTeam = { providerKind: 'team' as const, organisationId: team?.id ?? null, regionCode: JINGYUAN };
  const byProject = (projectName: string) => ({
    providerKind: 'project' as const,
    organisationId: null,
    projectName,
    regionCode: DISTRICT,
  });
  const items = [
    {
      ...byTeam,
      categoryCode: 'elderly_disabled',
      title: '助老服务 · 上门理发',
      description: '为行动不便的老年人上门理发、修面，自带工具，约一小时。',
      requiredSkills: ['elderly_disabled'],
      areaCodes: [JINGYUAN],
      durationMinutes: 60,
      capacity: 5,
    },
    {
      ...byTeam,
      categoryCode: 'environment',
      title: '楼道清理 · 小广告清除',
      description: '“蓝色周六”环境整治：清理楼道杂物、铲除小广告。',
      requiredSkills: ['environment'],
      areaCodes: [JINGYUAN],
      durationMinutes: 120,
      capacity: 3,
    },
    {
      ...byTeam,
      categoryCode: 'elderly_disabled',
      title: '助老服务 · 陪同就医',
      description: '陪同独居老人到医院挂号、就诊、取药。',
      requiredSkills: ['elderly_disabled'],
      areaCodes: [JINGYUAN],
      durationMinutes: 180,
      capacity: 2,
    },
    {
      ...byProject('志愿环翠大讲堂'),
      categoryCode: 'policy',
      title: '政策宣讲进社区',
      description: '宣讲员到社区、小区、楼院讲解惠民政策，可按需定制主题。',
      requiredSkills: ['theory'],
      areaCodes: [DISTRICT],
      durationMinutes: 90,
      capacity: 3,
    },
    {
      ...byProject('健康环翠'),
      categoryCode: 'health',
      title: '义诊 · 量血压测血糖',
      description: '医护志愿者上门或在站点为居民测量血压、血糖，提供健康咨询。',
      requiredSkills: ['health'],
      areaCodes: [DISTRICT],
      durationMinutes: 60,
      capacity: 10,
    },
    {
      ...byProject('法润环翠'),
      categoryCode: 'legal',
      title: '法律咨询 · 婚姻家庭与赡养',
      description: '律师志愿者一对一解答婚姻家庭、赡养继承、邻里纠纷等法律问题。',
      requiredSkills: ['legal'],
      areaCodes: [DISTRICT],
      durationMinutes: 45,
      capacity: 5,
    },
    {
      ...byProject('四点半课堂'),
      categoryCode: 'tutoring',
      title: '四点半课堂 · 作业辅导',
      description: '放学后为双职工家庭的孩子辅导作业、陪伴阅读。',
      requiredSkills: ['tutoring'],
      areaCodes: [DISTRICT],
      durationMinutes: 90,
      capacity: 8,
    },
    {
      ...byProject('便民维修队'),
      categoryCode: 'convenience',
      title: '家电维修 · 水电小修',
      description: '上门维修小家电、更换灯泡水龙头等简单水电维修，材料费自理。',
      requiredSkills: ['repair'],
      areaCodes: [DISTRICT],
      durationMinutes: 60,
      capacity: 6,
    },
    {
      ...byProject('心灵驿站'),
      categoryCode: 'psychology',
      title: '心理关爱 · 一对一倾听',
      description: '心理咨询师志愿者为独居老人、困境儿童提供倾听与疏导。',
      requiredSkills: ['psychology'],
      areaCodes: [DISTRICT],
      durationMinutes: 60,
      capacity: 4,
    },
    {
      ...byProject('翰墨环翠'),
      categoryCode: 'culture',
      title: '书法进社区 · 写春联',
      description: '书法志愿者到社区教写毛笔字，节前为居民写春联、福字。',
      requiredSkills: ['culture'],
      areaCodes: [DISTRICT],
      durationMinutes: 120,
      capacity: 3,
    },
    {
      ...byProject('科普环翠'),
      categoryCode: 'science',
      title: '防诈骗科普讲座',
      description: '讲解常见电信网络诈骗手法，教老年人识骗防骗。',
      requiredSkills: ['science'],
      areaCodes: [DISTRICT],
      durationMinutes: 60,
      capacity: 5,
    },
    {
      ...byProject('暖心帮扶'),
      categoryCode: 'poverty',
      title: '困难家庭走访慰问',
      description: '走访困难家庭，了解需求，对接帮扶资源。',
      requiredSkills: [],
      areaCodes: [DISTRICT],
      durationMinutes: 60,
      capacity: 5,
    },
  ];
  return db
    .insert(menuItems)
    .values(items.map((i) => ({ tenantId, ...i })))
    .returning({ id: menuItems.id, title: menuItems.title });
}
