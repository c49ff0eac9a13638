/**
 * Parts of the synthetic demo data (合成演示数据) that do not depend on a capability: a seeded
 * generator (the same sequence everywhere), Chinese names and phrases, China-time helpers, and a
 * bulk insert of JSON rows.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';

/**
 * Phone blocks of the synthetic people (the 170 virtual-operator range, never a real subscriber):
 * one block of 10,000 per kind of person, so the seeds of different capabilities never collide.
 */
export const syntheticPhone = {
  orderVolunteer: '1709900',
  orderResident: '1709910',
  activityVolunteer: '1709930',
  registeredVolunteer: '1709940',
  wishGiver: '1709950',
  wishResident: '1709960',
} as const;

export const syntheticPhoneOf = (block: keyof typeof syntheticPhone, i: number) =>
  `${syntheticPhone[block]}${String(i + 1).padStart(4, '0')}`;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** mulberry32: small, fast, and the same sequence everywhere. */
export function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  /** Skewed waiting times: most short, a few long (exponential, clipped). */
  const wait = (mean: number, max: number) => Math.min(max, Math.round(-Math.log(1 - next()) * mean));
  const uuid = () => {
    const h = Array.from({ length: 4 }, () =>
      Math.floor(next() * 2 ** 32)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16] as string, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  return { next, int, pick, wait, uuid };
}

export const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
export const GIVEN = [
  '秀英',
  '桂英',
  '志强',
  '建国',
  '海燕',
  '丽华',
  '明',
  '伟',
  '芳',
  '军',
  '磊',
  '静',
  '敏',
  '洋',
  '艳',
  '勇',
  '杰',
  '娟',
  '涛',
  '超',
  '红',
  '霞',
  '平',
  '刚',
  '玉兰',
  '淑珍',
  '春梅',
  '立新',
  '文',
  '斌',
];
export const ELDER = ['大爷', '阿姨', '奶奶', '大娘', '师傅', '大叔'];
export const STREETS = [
  '新威路',
  '统一路',
  '昆明路',
  '青岛路',
  '文化西路',
  '塔山中路',
  '海港路',
  '北环海路',
  '东城路',
  '古寨西路',
];
export const GOOD = [
  '志愿者很耐心，服务很周到，谢谢！',
  '准时上门，手艺很好。',
  '非常满意，下次还找你们。',
  '小伙子很热心，帮了大忙。',
  '服务专业，讲解清楚。',
  '态度好，干活利索。',
];
export const FAIR = ['还可以，就是来得有点晚。', '服务一般，时间有点短。', '基本满意。'];
export const POOR = ['等了很久才有人接单。', '和约定的时间不一致。'];
export const REJECT = ['不属于志愿服务范围，已转物业处理', '信息不全，联系不上下单人', '重复下单'];
export const CANCEL = ['家里有事，改天再约', '问题已经解决了', '子女回来帮忙了'];
export const SUMMARY = ['服务已完成，居民满意。', '按约定完成服务，用时与预计相符。', '已完成，并约定下次回访时间。'];

const pad = (n: number) => String(n).padStart(2, '0');
/** Local (Asia/Shanghai, UTC+8, no DST) date digits for the order number. */
export const localDay = (d: Date) => {
  const l = new Date(d.getTime() + 8 * HOUR);
  return `${l.getUTCFullYear()}${pad(l.getUTCMonth() + 1)}${pad(l.getUTCDate())}`;
};
/** The instant of local hour:minute on the local day of `d`. */
export const atLocal = (d: Date, hour: number, minute = 0) => {
  const l = new Date(d.getTime() + 8 * HOUR);
  return new Date(Date.UTC(l.getUTCFullYear(), l.getUTCMonth(), l.getUTCDate(), hour, minute) - 8 * HOUR);
};

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Rows whose keys are the table's columns in camelCase; every column without a value must be nullable. */
export async function bulkInsert(tx: Db, table: string, rows: object[]) {
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [snake(k), v]))));
  await tx.execute(
    sql`insert into ${sql.identifier(table)} select * from jsonb_populate_recordset(null::${sql.identifier(table)}, ${json}::jsonb)`,
  );
}
