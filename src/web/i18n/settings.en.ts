import type { notifySettingsZhCN } from './settings.zh-CN.js';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Notification settings (English). Same keys as `settings.zh-CN.ts`. */
export const notifySettingsEn: Strings<typeof notifySettingsZhCN> = {
  entry: 'Notification settings',
  title: 'Notification settings',
  intro: 'In-app messages always arrive; choose text or WeChat reminders for each kind of message',
  topics: {
    order: 'Orders',
    wish: 'Micro-wishes',
    organisation: 'Teams',
    family: 'Family',
    other: 'Other',
  },
  topicsHeader: 'Reminders by kind of message',
  sms: 'Text',
  wechat: 'WeChat',
  smsUnavailable: 'Text reminders are not enabled on this platform',
  wechatNeedsBinding: 'Bind WeChat to choose WeChat reminders',
  wechatHeader: 'WeChat',
  bound: 'WeChat bound',
  boundAt: 'Bound on {{at}}',
  notBound: 'WeChat not bound',
  bind: 'Bind WeChat',
  unbind: 'Unbind',
  unbindConfirm: 'You will no longer get WeChat reminders. Unbind?',
  unbound: 'WeChat unbound',
  binding: 'Binding WeChat…',
  boundNow: 'WeChat bound',
  demo: 'Demo WeChat: try binding without a real WeChat',
  wechatUnavailable: 'WeChat reminders are not enabled on this platform',
  saved: 'Saved',
};
