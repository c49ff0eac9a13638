import { and, eq } from 'drizzle-orm';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import type { WechatRecipientResolver } from '../../platform/outbox/wechat.js';
import { piiFor } from '../../platform/pii.js';
import { wechatBindings } from './schema.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The openid bound to a user, opened from its sealed form; null when none is bound. */
export async function wechatOpenidOf(db: Db, config: Config, tenantId: string, userId: string) {
  const [row] = await db
    .select({ sealed: wechatBindings.openidSealed })
    .from(wechatBindings)
    .where(and(eq(wechatBindings.tenantId, tenantId), eq(wechatBindings.userId, userId)));
  return row ? piiFor(config).decrypt(row.sealed, `${tenantId}:wechat`) : null;
}

/** What the outbox's WeChat provider asks when it delivers to `user:<id>`. */
export function wechatRecipientResolver(config: Config): WechatRecipientResolver {
  return async (db, tenantId, recipient) => {
    const userId = recipient.startsWith('user:') ? recipient.slice(5) : '';
    return uuid.test(userId) ? wechatOpenidOf(db, config, tenantId, userId) : null;
  };
}

export const sealOpenid = (config: Config, tenantId: string, openid: string) =>
  piiFor(config).encrypt(openid, `${tenantId}:wechat`);
