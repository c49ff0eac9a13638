import { type NotificationTopic, notificationTopics } from './schema.js';

/** Text messages cost money and interrupt: off unless asked for. WeChat is on once bound (binding is the opt-in). */
export const defaultPreference = { sms: false, wechat: true } as const;

/** The topic of a notification kind: its first segment when that is a topic (`order.dispatched` → order). */
export function topicOf(kind: string): NotificationTopic {
  const first = kind.split('.')[0] as NotificationTopic;
  return notificationTopics.includes(first) ? first : 'other';
}
