/**
 * Text messages. Use cases call `sendSms` in their transaction; the message leaves through the
 * outbox and the provider the deployment configures (SMS_PROVIDER): Aliyun SMS, the demo phone
 * (readable by staff in the console; never in a real deployment), or none (messages go dead until one is set).
 */
import { lt } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../db.js';
import { aliyunSms } from './aliyun-sms.js';
import { type Deliverer, enqueueMessage } from './outbox.js';
import { demoSmsMessages } from './schema.js';

export type SmsTemplate = 'verification_code' | 'already_registered' | 'volunteer_welcome' | 'notification';

export interface SmsMessage {
  tenantId: string;
  phone: string;
  template: SmsTemplate;
  params: Record<string, string>;
  reference?: string;
}

const templates: Record<SmsTemplate, (p: Record<string, string>) => string> = {
  verification_code: (p) => `【志愿环翠】您的验证码为${p.code}，${p.minutes}分钟内有效。如非本人操作，请忽略本短信。`,
  // Sent instead of a registration code to a phone that already has an account: it tells the
  // holder, and only the holder, what the person at the form cannot be told.
  already_registered: () =>
    '【志愿环翠】有人正在用本手机号注册志愿者。本号码已注册，请直接登录，忘记密码可在登录页找回。如非本人操作，请忽略本短信。',
  volunteer_welcome: (p) => `【志愿环翠】${p.name}，您已成为志愿者，编号${p.number}。`,
  notification: (p) => `【志愿环翠】${p.title}`,
};

export const renderSms = (template: SmsTemplate, params: Record<string, string>) => templates[template](params);

/** Queues a text message in the caller's transaction. */
export function sendSms(tx: Db, message: SmsMessage): Promise<string> {
  return enqueueMessage(tx, {
    tenantId: message.tenantId,
    channel: 'sms',
    recipient: message.phone,
    template: message.template,
    params: message.params,
    text: renderSms(message.template, message.params),
    reference: message.reference,
  });
}

/** The demo provider: "delivers" to the demo phone, a table staff can read in the console. */
export const demoSms: Deliverer = {
  async deliver(message, { db }) {
    await db
      .insert(demoSmsMessages)
      .values({ tenantId: message.tenantId, phone: message.recipient, text: message.text });
    return {};
  },
};

/** The SMS provider this deployment uses; undefined when none is configured. */
export function smsDelivererFor(config: Config): Deliverer | undefined {
  if (config.smsProvider === 'demo') return demoSms;
  if (config.smsProvider === 'aliyun') return aliyunSms(config.aliyunSms);
  return undefined;
}

export async function deleteOldDemoSms(db: Db, now = new Date()) {
  await db.delete(demoSmsMessages).where(lt(demoSmsMessages.createdAt, new Date(now.getTime() - 86_400_000)));
}
