/**
 * Inbox messages read in the reader's language: each kind the server sends with parameters has a
 * Chinese and an English text, the Chinese one says what the server stored, the English one has no
 * Chinese left, and a `context` parameter picks the variant for that reader (staff, a team…).
 */
import { describe, expect, it, vi } from 'vitest';
import { notificationsEn } from '../i18n/notifications.en.js';
import { notificationsZhCN } from '../i18n/notifications.zh-CN.js';

vi.mock('../i18n/index.js', async () => {
  const { default: i18next } = await import('i18next');
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: notificationsZhCN }, en: { translation: notificationsEn } },
    interpolation: { escapeValue: false },
  });
  return { i18n };
});

const { i18n } = (await import('../i18n/index.js')) as unknown as { i18n: import('i18next').i18n };
const { notificationText } = await import('./notification-text.js');

const order = { title: '帮忙换灯泡', number: 'D20261202AB12CD' };
const stored = `${order.title}（${order.number}）`;
interface Stored {
  kind: string;
  title: string;
  body: string;
  params: Record<string, string | number>;
}
/** Messages as the server stores them: its Chinese text and the parameters. */
const samples: Stored[] = [
  { kind: 'order.placed', title: '新的紧急订单待审核', body: stored, params: { ...order, context: 'urgent' } },
  { kind: 'order.placed', title: '新订单待审核', body: stored, params: order },
  { kind: 'order.accepted', title: '志愿者李志愿已接单', body: stored, params: { ...order, name: '李志愿' } },
  { kind: 'order.accepted', title: '订单已被接单', body: stored, params: { ...order, context: 'staff' } },
  {
    kind: 'order.dispatched',
    title: '上级派来一张订单，请接收并派单',
    body: stored,
    params: { ...order, context: 'level' },
  },
  {
    kind: 'order.escalated',
    title: '订单超时未接单，已上报到本级',
    body: `${stored}：超时未接单，已上报鲸园街道`,
    params: { ...order, place: '鲸园街道', context: 'accept' },
  },
  {
    kind: 'order.rated',
    title: '居民给您的服务评了5星',
    body: '谢谢小李',
    params: { ...order, stars: 5, comment: '谢谢小李', context: 'comment' },
  },
  { kind: 'order.rated', title: '居民给您的服务评了4星', body: stored, params: { ...order, stars: 4 } },
  {
    kind: 'order.declined',
    title: '订单被退回，请重新派单',
    body: `${stored}：今天不在家`,
    params: { ...order, reason: '今天不在家' },
  },
  {
    kind: 'order.rejected',
    title: '您的订单未通过审核',
    body: `${order.title}：重复下单`,
    params: { ...order, reason: '重复下单' },
  },
  {
    kind: 'activity.promoted',
    title: '候补成功：您已报名「清洁海滩」',
    body: '',
    params: { activity: '清洁海滩', context: 'confirmed' },
  },
  {
    kind: 'activity.signup_reject',
    title: '报名未通过：「清洁海滩」',
    body: '名额已满',
    params: { activity: '清洁海滩', reason: '名额已满' },
  },
  {
    kind: 'activity.signup_approve',
    title: '报名已通过：「清洁海滩」',
    body: '',
    params: { activity: '清洁海滩', reason: '' },
  },
  {
    kind: 'family.invited',
    title: '王户主 邀请您以配偶身份加入志愿服务家庭「王家」',
    body: '',
    params: { name: '王户主', family: '王家', relation: '配偶', relationEn: 'spouse' },
  },
  { kind: 'family.member_removed', title: '您已被移出志愿服务家庭「王家」', body: '', params: { family: '王家' } },
];

const read = (language: string, s: Stored) => {
  i18n.changeLanguage(language);
  return notificationText({ kind: s.kind, title: s.title, body: s.body, data: { params: s.params } });
};
const withoutParams = (text: string, params: Record<string, unknown>) =>
  Object.values(params).reduce<string>((t, v) => t.replaceAll(String(v), ''), text);

describe('inbox texts from a kind and parameters', () => {
  it.each(samples.map((s) => [`${s.kind} ${s.params.context ?? ''}`, s] as const))('%s', (_name, s) => {
    expect(read('zh-CN', s)).toEqual({ title: s.title, body: s.body });
    const en = read('en', s);
    expect(en.title).not.toBe(s.title);
    expect(withoutParams(`${en.title} ${en.body}`, s.params)).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]|\{\{/);
    expect(en.body === '').toBe(s.body === '');
  });

  it('has an English text for every Chinese one, and no Chinese in the English texts', () => {
    const walk = (zh: object, en: Record<string, unknown>, path: string): string[] =>
      Object.entries(zh).flatMap(([key, value]) => {
        const other = en[key];
        if (typeof value === 'object') return walk(value, (other ?? {}) as Record<string, unknown>, `${path}.${key}`);
        if (typeof other !== 'string') return [`${path}.${key} missing`];
        return /[\u3000-\u9fff\uff00-\uffef]/.test(other) ? [`${path}.${key} is Chinese`] : [];
      });
    expect(walk(notificationsZhCN, notificationsEn as unknown as Record<string, unknown>, '')).toEqual([]);
  });

  it('shows the stored text of a kind without parameters or strings', () => {
    const message = { kind: 'order.unknown', title: '存储的标题', body: '存储的正文', data: { params: order } };
    i18n.changeLanguage('en');
    expect(notificationText(message)).toEqual({ title: '存储的标题', body: '存储的正文' });
    expect(notificationText({ ...message, kind: 'order.placed', data: {} })).toEqual({
      title: '存储的标题',
      body: '存储的正文',
    });
  });
});
