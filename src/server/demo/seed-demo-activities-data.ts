/** What the synthetic year of activities is made of: the district's recurring activities and the reasons people give. */

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

export const MANUAL_REASONS = ['手机没电，队长代为签到', '老年志愿者不会扫码，队长代签', '定位信号弱，现场核实后代签'];
export const CORRECTION_REASONS = [
  '签退时忘记操作，实际服务至活动结束',
  '提前到场布置场地，补记准备时间',
  '中途离开处理急事，核减时长',
];
