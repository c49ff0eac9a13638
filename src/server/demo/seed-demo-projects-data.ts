/** Names of the demo district's brands and the themes of its synthetic projects (合成演示数据). */
import type { projectCategories } from '../modules/projects/index.js';

type Category = (typeof projectCategories)[number];

export const DEMO_BRANDS: { name: string; description: string; category: Category; series: string[] }[] = [
  {
    name: '鲸园蓝',
    description: '鲸园街道的志愿服务品牌，以“蓝色”系列活动凝聚社区志愿力量。',
    category: 'community',
    series: ['蓝色周六', '蓝色情怀', '蓝色课堂', '蓝色守护', '蓝色港湾', '蓝色文明'],
  },
  {
    name: '金晖助老',
    description: '为辖区高龄、独居、空巢老人提供助餐、助洁、陪伴服务。',
    category: 'elderly',
    series: [],
  },
  {
    name: '精致童年',
    description: '面向留守儿童和困境儿童的课业辅导、心理陪伴与假期托管。',
    category: 'children',
    series: [],
  },
  { name: '百姓故事会', description: '请身边人讲身边事，传播邻里互助和文明新风。', category: 'culture', series: [] },
  {
    name: '爱心馄饨',
    description: '爱心商户与志愿者为环卫工人、困难群众免费送上一碗热馄饨。',
    category: 'community',
    series: [],
  },
  {
    name: '暖心“店小二”',
    description: '为企业和群众办事提供帮办代办、政策咨询的志愿服务。',
    category: 'community',
    series: [],
  },
  {
    name: '志愿环“翠”绿满滨城',
    description: '海岸清洁、垃圾分类宣传、植树护绿等生态环保志愿服务。',
    category: 'environment',
    series: [],
  },
  { name: '有爱早市', description: '早市文明劝导、便民服务和诚信经营宣传。', category: 'community', series: [] },
];

export const THEMES: Record<Category, string[]> = {
  elderly: ['助老食堂', '银龄陪伴', '老年人智能手机课堂', '居家适老化改造', '长者生日会'],
  children: ['四点半课堂', '假期托管', '亲子阅读', '儿童安全教育', '小小志愿者'],
  environment: ['海岸清洁', '垃圾分类宣传', '植树护绿', '楼道清理', '节水节电'],
  culture: ['社区书屋', '非遗传承', '文艺进社区', '红色故事宣讲', '书法公益课'],
  community: ['邻里议事', '便民理发', '家电义修', '文明劝导', '社区巡防'],
  health: ['义诊进社区', '应急救护培训', '心理健康讲座', '慢病管理', '健康跑'],
  disability: ['助残出行', '康复陪护', '手语课堂', '残疾人就业帮扶'],
  emergency: ['防汛巡查', '消防安全宣传', '应急物资储备', '防诈骗宣传'],
  other: ['法律咨询', '就业指导', '金融知识普及'],
};

export const TEAM_SUFFIXES = ['志愿服务队', '志愿者协会', '公益服务中心', '党员先锋队', '青年志愿队'];
