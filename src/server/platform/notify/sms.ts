/**
 * The SMS adapter. Use cases depend on the `Sms` interface only; the deployment picks the
 * implementation. The outbox adapter (development, tests, demos) records each message in
 * `sms_outbox` inside the caller's transaction; a real provider (Aliyun, Tencent Cloud, …)
 * implements the same interface with templates registered at the provider.
 */
import type { Db } from '../db.js';
import { smsOutbox } from './schema.js';

export type SmsTemplate = 'verification_code' | 'volunteer_welcome';

export interface SmsMessage {
  tenantId: string;
  phone: string;
  template: SmsTemplate;
  params: Record<string, string>;
}

export interface Sms {
  send(db: Db, message: SmsMessage): Promise<void>;
}

const templates: Record<SmsTemplate, (p: Record<string, string>) => string> = {
  verification_code: (p) => `【志愿环翠】您的验证码为${p.code}，${p.minutes}分钟内有效。如非本人操作，请忽略本短信。`,
  volunteer_welcome: (p) => `【志愿环翠】${p.name}，您已成为志愿者，编号${p.number}。`,
};

export const renderSms = (template: SmsTemplate, params: Record<string, string>) => templates[template](params);

export const outboxSms: Sms = {
  async send(db, message) {
    await db.insert(smsOutbox).values({ ...message, text: renderSms(message.template, message.params) });
  },
};

/** The adapter in use; only the outbox exists so far (a provider adapter is configured here when added). */
export function smsFor(_config: unknown): Sms {
  return outboxSms;
}
