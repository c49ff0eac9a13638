/**
 * WeChat official-account template messages through the outbox. A message is queued for `user:<id>`,
 * never for an openid: the provider looks the openid up when it delivers (through the resolver the
 * app hands it, since the binding belongs to a module), so no openid is copied into the outbox and an
 * unbinding takes effect for messages already queued.
 *
 * Providers (WECHAT_PROVIDER): `mp`, the WeChat API; `demo`, a demo WeChat staff read in the console;
 * none, and the messages go dead until one is configured.
 */
import { lt } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../db.js';
import { type Deliverer, DeliveryError, enqueueMessage } from './outbox.js';
import { demoWechatMessages } from './schema.js';
import { isPermanentWechatError, WechatApi, WechatApiError } from './wechat-api.js';

export type WechatTemplate = 'notification';

/** The openid bound to an outbox recipient (`user:<id>`), or null when that user has none. */
export type WechatRecipientResolver = (db: Db, tenantId: string, recipient: string) => Promise<string | null>;

export const wechatRecipient = (userId: string) => `user:${userId}`;

export interface WechatMessage {
  tenantId: string;
  userId: string;
  template: WechatTemplate;
  /** title, body, time (ISO-8601), kind, link (an in-app path). */
  params: Record<string, string>;
  reference?: string;
}

/** Queues a template message in the caller's transaction. */
export function sendWechat(tx: Db, message: WechatMessage): Promise<string> {
  return enqueueMessage(tx, {
    tenantId: message.tenantId,
    channel: 'wechat',
    recipient: wechatRecipient(message.userId),
    template: message.template,
    params: message.params,
    text: message.params.body ? `${message.params.title}\n${message.params.body}` : (message.params.title ?? ''),
    reference: message.reference,
  });
}

const shanghaiTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** WeChat's `thing` fields hold at most 20 characters; longer values are refused with 47003. */
const THING_MAX = 20;

/** The template's fields from a message's parameters, per the configured `field=part` pairs. */
export function templateData(fields: Record<string, string>, params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([field, part]) => {
      let value = params[part] ?? '';
      if (part === 'time' && value) value = shanghaiTime.format(new Date(value));
      const chars = Array.from(value);
      if (field.startsWith('thing') && chars.length > THING_MAX) value = `${chars.slice(0, THING_MAX - 1).join('')}…`;
      return [field, value];
    }),
  );
}

export interface WechatMpOptions {
  templates: Partial<Record<string, { id?: string; fields: Record<string, string> }>>;
  resolveOpenid: WechatRecipientResolver;
  /** The web app's public address: a tapped message opens `publicUrl + link`. */
  publicUrl?: string;
}

export function wechatMp(api: WechatApi, options: WechatMpOptions): Deliverer {
  return {
    async deliver(message, { db }) {
      const template = options.templates[message.template];
      if (!template?.id) throw new DeliveryError(`no WeChat template is configured for ${message.template}`, true);
      const openid = await options.resolveOpenid(db, message.tenantId, message.recipient);
      if (!openid) throw new DeliveryError('the recipient has no WeChat bound', true);
      const link = message.params.link;
      try {
        const { msgid } = await api.sendTemplate({
          openid,
          templateId: template.id,
          data: templateData(template.fields, message.params),
          url: options.publicUrl && link ? new URL(link, options.publicUrl).toString() : undefined,
        });
        return { providerRef: msgid || null };
      } catch (err) {
        if (!(err instanceof WechatApiError)) throw err;
        throw new DeliveryError(err.message, isPermanentWechatError(err.errcode));
      }
    },
  };
}

/** The demo provider: "delivers" to the demo WeChat, a table staff can read in the console. */
export function demoWechat(resolveOpenid: WechatRecipientResolver): Deliverer {
  return {
    async deliver(message, { db }) {
      const openid = await resolveOpenid(db, message.tenantId, message.recipient);
      if (!openid) throw new DeliveryError('the recipient has no WeChat bound', true);
      await db.insert(demoWechatMessages).values({ tenantId: message.tenantId, openid, text: message.text });
      return {};
    },
  };
}

/** The WeChat API client of a configuration (null unless WECHAT_PROVIDER=mp). */
export function wechatApiFor(config: Config, clock?: () => number): WechatApi | null {
  if (config.wechatProvider !== 'mp') return null;
  return new WechatApi(
    { apiBase: config.WECHAT_API_BASE, appId: config.WECHAT_APP_ID ?? '', appSecret: config.WECHAT_APP_SECRET ?? '' },
    { clock },
  );
}

/** The WeChat provider this deployment uses; undefined when none is configured. */
export function wechatDelivererFor(
  config: Config,
  api: WechatApi | null,
  resolveOpenid: WechatRecipientResolver,
): Deliverer | undefined {
  if (config.wechatProvider === 'demo') return demoWechat(resolveOpenid);
  if (config.wechatProvider === 'mp' && api) {
    return wechatMp(api, {
      templates: {
        notification: { id: config.WECHAT_TEMPLATE_NOTIFICATION, fields: config.WECHAT_TEMPLATE_NOTIFICATION_FIELDS },
      },
      resolveOpenid,
      publicUrl: config.PUBLIC_URL,
    });
  }
  return undefined;
}

export async function deleteOldDemoWechat(db: Db, now = new Date()) {
  await db.delete(demoWechatMessages).where(lt(demoWechatMessages.createdAt, new Date(now.getTime() - 86_400_000)));
}
