/** The pure part of the synthetic volunteer profiles (合成演示数据): ID numbers, skills, weekly hours, intros. */
import { checkCharacter } from '../../shared/id-card.js';
import type { generator } from './synthetic.js';

type Random = ReturnType<typeof generator>;

/**
 * The issuing-region part of every synthetic ID number: Shandong-looking, but no prefecture of
 * Shandong has the code 99, so no real person's number can be among them.
 */
export const SYNTHETIC_ID_REGION = '379900';

const FEMALE = ['秀英', '桂英', '海燕', '丽华', '芳', '静', '敏', '艳', '娟', '红', '霞', '玉兰', '淑珍', '春梅'];
export const isFemaleName = (name: string) => FEMALE.some((g) => name.endsWith(g));

/**
 * A valid (GB 11643 check character), made-up ID number: born in `birthYear`, sequence odd for men and
 * even for women. `taken` keeps them unique; the same generator state gives the same number.
 */
export function syntheticIdNumber(rnd: Random, birthYear: number, female: boolean, taken: Set<string>): string {
  for (;;) {
    const month = rnd.int(1, 12);
    const day = rnd.int(1, 28);
    const seq = rnd.int(0, 499) * 2 + (female ? 0 : 1);
    const first17 = `${SYNTHETIC_ID_REGION}${birthYear}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
    const number = `${first17}${checkCharacter(first17)}`;
    if (!taken.has(number)) return taken.add(number) && number;
  }
}

/** Ages skewed as in a community's volunteers: many retirees, students, working people in between. */
export function birthYearOf(rnd: Random, thisYear: number): number {
  const r = rnd.next();
  const age = r < 0.4 ? rnd.int(55, 72) : r < 0.65 ? rnd.int(18, 24) : rnd.int(25, 54);
  return thisYear - age;
}

/** Skills wanted most in a community (助老, 维修, 社区, 环保) come up more often. */
const COMMON = new Set(['elderly_disabled', 'repair', 'community', 'environment']);

/** One to three different skills among `codes` (declarable ones only; qualifications are earned at the academy). */
export function skillsOf(rnd: Random, codes: readonly string[]): string[] {
  const weighted = codes.flatMap((c) => (COMMON.has(c) ? [c, c, c] : [c]));
  const out = new Set<string>();
  const n = rnd.int(1, 3);
  while (out.size < Math.min(n, codes.length)) out.add(rnd.pick(weighted));
  return [...out].sort();
}

export interface Slot {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

const h = (hour: number, minute = 0) => hour * 60 + minute;
/** Weekly patterns (weekday 1 = Monday … 7 = Sunday): retirees by day, working people evenings and weekends. */
const PATTERNS: Slot[][] = [
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: h(8, 30), endMinute: h(11, 30) })),
  [1, 3, 5].map((weekday) => ({ weekday, startMinute: h(14), endMinute: h(17) })),
  [2, 4].map((weekday) => ({ weekday, startMinute: h(8), endMinute: h(17) })),
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: h(18, 30), endMinute: h(20, 30) })),
  [6, 7].map((weekday) => ({ weekday, startMinute: h(9), endMinute: h(12) })),
  [6, 7].map((weekday) => ({ weekday, startMinute: h(14), endMinute: h(17, 30) })),
  [{ weekday: 6, startMinute: h(8), endMinute: h(18) }],
];

/** One or two weekly patterns, merged into slots without duplicates (same weekday and start). */
export function availabilityOf(rnd: Random): Slot[] {
  const picked = new Set([rnd.pick(PATTERNS), ...(rnd.next() < 0.5 ? [rnd.pick(PATTERNS)] : [])]);
  const byKey = new Map<string, Slot>();
  for (const slot of [...picked].flat()) {
    const key = `${slot.weekday} ${slot.startMinute}`;
    const had = byKey.get(key);
    byKey.set(key, had && had.endMinute >= slot.endMinute ? had : slot);
  }
  return [...byKey.values()].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
}

const INTROS = [
  '退休职工，热心社区事务。',
  '退休教师，愿意给孩子们辅导功课。',
  '在校大学生，周末有空。',
  '上班族，晚上和周末可以服务。',
  '会修理小家电，乐意上门帮忙。',
  '喜欢和老人聊天，常去敬老院。',
  '社区网格员，熟悉楼栋情况。',
  '爱好摄影，可以帮活动拍照。',
];

/** The volunteer's own words, marked synthetic like every synthetic row. */
export const introOf = (rnd: Random) => `${rnd.pick(INTROS)}（合成演示数据）`;
