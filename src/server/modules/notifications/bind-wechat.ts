/**
 * Binding a WeChat to the caller's account through WeChat's web authorisation (snsapi_base):
 * 1. `startWechatBinding` answers the URL to send the browser to, with a `state` that only this
 *    user can use, for ten minutes (so nobody can bind their own WeChat to someone else's account by
 *    making that person's browser open a crafted callback);
 * 2. WeChat sends the browser back to our page with `?code=…&state=…`;
 * 3. `bindWechat` checks the state, exchanges the code for the openid (outside any transaction) and
 *    stores it sealed. The demo WeChat skips step 2's real WeChat: its URL comes straight back.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { wechatApiFor } from '../../platform/outbox/wechat.js';
import { WechatApiError } from '../../platform/outbox/wechat-api.js';
import { piiFor } from '../../platform/pii.js';
import { wechatBindings } from './schema.js';
import { sealOpenid } from './wechat-openid.js';

const STATE_TTL_SECONDS = 600;

function mac(ctx: Ctx, userId: string, expires: string, nonce: string) {
  return piiFor(ctx.config).blindIndex(`wechat-bind|${userId}|${expires}|${nonce}`, ctx.tenantId).slice(0, 32);
}

function available(ctx: Ctx) {
  if (ctx.config.wechatProvider === 'none') throw new AppError('WECHAT_NOT_AVAILABLE');
}

/** The address that starts the binding; WeChat (or the demo) comes back to `returnTo` with code and state. */
export function startWechatBinding(ctx: Ctx, input: { returnTo: string }) {
  const actor = requireActor(ctx);
  available(ctx);
  const expires = String(Math.floor(Date.now() / 1000) + STATE_TTL_SECONDS);
  const nonce = randomBytes(8).toString('hex');
  const state = `${expires}.${nonce}.${mac(ctx, actor.userId, expires, nonce)}`;
  if (ctx.config.wechatProvider === 'demo') {
    const back = new URL(input.returnTo);
    back.searchParams.set('code', `DEMO_${nonce}`);
    back.searchParams.set('state', state);
    return { url: back.toString() };
  }
  const url = new URL(ctx.config.WECHAT_OAUTH_AUTHORIZE_URL);
  url.searchParams.set('appid', ctx.config.WECHAT_APP_ID ?? '');
  url.searchParams.set('redirect_uri', input.returnTo);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'snsapi_base');
  url.searchParams.set('state', state);
  return { url: `${url.toString()}#wechat_redirect` };
}

function checkState(ctx: Ctx, userId: string, state: string) {
  const [expires = '', nonce = '', given = ''] = state.split('.');
  const expected = mac(ctx, userId, expires, nonce);
  const fresh = Number(expires) * 1000 > Date.now();
  const same = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!fresh || !same) throw new AppError('WECHAT_STATE_INVALID');
}

async function openidFor(ctx: Ctx, userId: string, code: string): Promise<string> {
  if (ctx.config.wechatProvider === 'demo') {
    if (!code.startsWith('DEMO_')) throw new AppError('WECHAT_CODE_INVALID');
    // A stable made-up openid per demo account, shaped like a real one (28 characters).
    return `oDEMO${createHash('sha256').update(`${ctx.tenantId}:${userId}`).digest('base64url').slice(0, 23)}`;
  }
  const api = wechatApiFor(ctx.config);
  if (!api) throw new AppError('WECHAT_NOT_AVAILABLE');
  try {
    return (await api.openidFromCode(code)).openid;
  } catch (err) {
    if (err instanceof WechatApiError && (err.errcode === 40029 || err.errcode === 40163)) {
      throw new AppError('WECHAT_CODE_INVALID');
    }
    if (err instanceof WechatApiError) throw new AppError('WECHAT_UNREACHABLE');
    throw err;
  }
}

export async function bindWechat(ctx: Ctx, input: { code: string; state: string }) {
  const actor = requireActor(ctx);
  available(ctx);
  checkState(ctx, actor.userId, input.state);
  const openid = await openidFor(ctx, actor.userId, input.code);
  const sealed = sealOpenid(ctx.config, actor.tenantId, openid);
  const boundAt = new Date();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(wechatBindings)
      .values({ tenantId: actor.tenantId, userId: actor.userId, openidSealed: sealed, boundAt })
      .onConflictDoUpdate({
        target: [wechatBindings.tenantId, wechatBindings.userId],
        set: { openidSealed: sealed, boundAt },
      });
    await writeAudit(tx, auditContext(ctx), { action: 'wechat.bind', entityType: 'user', entityId: actor.userId });
  });
  return { bound: true as const, boundAt: boundAt.toISOString() };
}

export async function unbindWechat(ctx: Ctx) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(wechatBindings)
      .where(and(eq(wechatBindings.tenantId, actor.tenantId), eq(wechatBindings.userId, actor.userId)))
      .returning({ userId: wechatBindings.userId });
    if (gone.length) {
      await writeAudit(tx, auditContext(ctx), { action: 'wechat.unbind', entityType: 'user', entityId: actor.userId });
    }
  });
  return { ok: true as const };
}
