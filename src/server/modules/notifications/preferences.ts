import { and, eq } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../platform/context.js';
import { type NotificationTopic, notificationPreferences, notificationTopics, wechatBindings } from './schema.js';
import { defaultPreference } from './topics.js';

export interface TopicPreference {
  topic: NotificationTopic;
  sms: boolean;
  wechat: boolean;
}

/** The caller's channels per topic (defaults where unset), and what each channel can do here. */
export async function getMyNotificationPreferences(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.tenantId, actor.tenantId), eq(notificationPreferences.userId, actor.userId)));
  const [binding] = await ctx.db
    .select({ boundAt: wechatBindings.boundAt })
    .from(wechatBindings)
    .where(and(eq(wechatBindings.tenantId, actor.tenantId), eq(wechatBindings.userId, actor.userId)));
  return {
    topics: notificationTopics.map((topic): TopicPreference => {
      const row = rows.find((r) => r.topic === topic);
      return { topic, sms: row?.sms ?? defaultPreference.sms, wechat: row?.wechat ?? defaultPreference.wechat };
    }),
    sms: { available: ctx.config.smsProvider !== 'none' },
    wechat: {
      available: ctx.config.wechatProvider !== 'none',
      demo: ctx.config.wechatProvider === 'demo',
      bound: Boolean(binding),
      boundAt: binding?.boundAt.toISOString() ?? null,
    },
  };
}

/** Sets the caller's channels for the topics given (the others keep theirs). */
export async function updateMyNotificationPreferences(ctx: Ctx, input: { topics: TopicPreference[] }) {
  const actor = requireActor(ctx);
  const now = new Date();
  for (const p of input.topics) {
    await ctx.db
      .insert(notificationPreferences)
      .values({ tenantId: actor.tenantId, userId: actor.userId, topic: p.topic, sms: p.sms, wechat: p.wechat })
      .onConflictDoUpdate({
        target: [notificationPreferences.tenantId, notificationPreferences.userId, notificationPreferences.topic],
        set: { sms: p.sms, wechat: p.wechat, updatedAt: now },
      });
  }
  return getMyNotificationPreferences(ctx);
}
