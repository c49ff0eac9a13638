/** What the synthetic year of activities is made of: the district's recurring activities and the reasons people give. */
import type { activities } from '../modules/activities/index.js';
import { DAY } from './synthetic.js';

export interface Template {
  series: string | null;
  title: string;
  category: string;
  rrule: string;
  hour: number;
  minute: number;
  minutes: number;
  description: string;
}

export const TEMPLATES: Template[] = [
  {
    series: '蓝色周六',
    title: '海滨环境清洁',
    category: 'environment',
    rrule: 'FREQ=WEEKLY;BYDAY=SA',
    hour: 9,
    minute: 0,
    minutes: 120,
    description: '沿海岸线捡拾垃圾、清理礁石缝隙里的塑料，守护美丽海滨。',
  },
  {
    series: null,
    title: '助老陪伴·读报聊天',
    category: 'elderly_disabled',
    rrule: 'FREQ=WEEKLY;BYDAY=WE',
    hour: 15,
    minute: 0,
    minutes: 90,
    description: '走进独居老人家中读报、聊天，了解老人的生活需求。',
  },
  {
    series: null,
    title: '四点半课堂',
    category: 'tutoring',
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    hour: 16,
    minute: 30,
    minutes: 90,
    description: '放学后陪伴社区孩子完成作业，开展阅读和手工活动。',
  },
  {
    series: null,
    title: '理论政策微宣讲',
    category: 'policy',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
    hour: 9,
    minute: 30,
    minutes: 90,
    description: '用群众听得懂的话宣讲惠民政策，现场答疑。',
  },
  {
    series: '蓝色周六',
    title: '文明交通劝导',
    category: 'convenience',
    rrule: 'FREQ=WEEKLY;BYDAY=SA',
    hour: 14,
    minute: 30,
    minutes: 120,
    description: '在路口劝导行人和非机动车文明出行。',
  },
  {
    series: null,
    title: '健康义诊进社区',
    category: 'health',
    rrule: 'FREQ=WEEKLY;INTERVAL=4;BYDAY=SU',
    hour: 9,
    minute: 0,
    minutes: 180,
    description: '测血压、测血糖、健康咨询，为老人建立健康档案。',
  },
  {
    series: null,
    title: '法律咨询服务',
    category: 'legal',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
    hour: 14,
    minute: 0,
    minutes: 120,
    description: '律师志愿者解答婚姻家庭、邻里纠纷、劳动报酬等法律问题。',
  },
  {
    series: null,
    title: '便民维修服务日',
    category: 'convenience',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SU',
    hour: 9,
    minute: 0,
    minutes: 150,
    description: '义务修理小家电、自行车，磨剪子、理发。',
  },
  {
    series: null,
    title: '科普小讲堂',
    category: 'science',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA',
    hour: 10,
    minute: 0,
    minutes: 90,
    description: '防诈骗、防火、垃圾分类等科普知识讲解。',
  },
  {
    series: null,
    title: '文艺进社区',
    category: 'culture',
    rrule: 'FREQ=WEEKLY;INTERVAL=4;BYDAY=FR',
    hour: 19,
    minute: 0,
    minutes: 120,
    description: '社区文艺队演出，丰富居民文化生活。',
  },
];

export const REJECT_REASONS = ['签到后提前离开，未实际参加服务', '同一时段已有其他服务记录', '签到地点与活动地点不符'];
export const MANUAL_REASONS = ['手机没电，队长代为签到', '老年志愿者不会扫码，队长代签', '定位信号弱，现场核实后代签'];
export const CORRECTION_REASONS = [
  '签退时忘记操作，实际服务至活动结束',
  '提前到场布置场地，补记准备时间',
  '中途离开处理急事，核减时长',
];

/** The row of one synthetic recurring activity from its template (published ten days before it starts). */
export function syntheticActivity(
  template: Template,
  a: {
    tenantId: string;
    id: string;
    team: { id: string };
    place: { id: string; name: string; regionCode: string; lng: number | null; lat: number | null };
    startsAt: Date;
    endsAt: Date;
    quota: number;
    staff: string | null;
    horizon: Date;
  },
): typeof activities.$inferInsert {
  const { tenantId, id, team, place, startsAt, endsAt, quota, staff, horizon } = a;
  return {
    tenantId,
    id,
    state: 'published',
    title: template.title,
    description: `${template.description}（合成演示数据）`,
    categoryCode: template.category,
    organisationId: team.id,
    series: template.series,
    regionCode: place.regionCode,
    siteId: place.id,
    address: `威海市环翠区${place.name}`,
    lng: place.lng as number,
    lat: place.lat as number,
    radiusM: 300,
    startsAt,
    endsAt,
    rrule: template.rrule,
    timeZone: 'Asia/Shanghai',
    quota,
    requiredSkills: [],
    signupOpensHours: 24 * 14,
    signupClosesMinutes: 0,
    cancelDeadlineMinutes: 120,
    approvalMode: 'auto',
    contactName: '活动联系人',
    contactPhone: '13800000004',
    createdBy: staff,
    publishedAt: new Date(startsAt.getTime() - 10 * DAY),
    materialisedUntil: horizon,
    version: 1,
    synthetic: true,
    createdAt: new Date(startsAt.getTime() - 12 * DAY),
    updatedAt: new Date(startsAt.getTime() - 10 * DAY),
  };
}
