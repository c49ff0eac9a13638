import { z } from 'zod';
import { named, okResponse, pageQuery } from '../../platform/contract.js';
import { defineRoute, routes } from '../../platform/route.js';
import { bindWechat, startWechatBinding, unbindWechat } from './bind-wechat.js';
import { listMyNotifications } from './list-my-notifications.js';
import { markAllNotificationsRead, markNotificationRead } from './mark-notifications-read.js';
import { getMyNotificationPreferences, updateMyNotificationPreferences } from './preferences.js';
import { notificationTopics } from './schema.js';

const notificationOut = z.object({
  id: z.string().uuid(),
  kind: z.string().describe('Event name, e.g. organisation.join_approved'),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('In-app path to open'),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string().datetime({ offset: true }),
  readAt: z.string().datetime({ offset: true }).nullable(),
});

const topicPreference = named(
  'NotificationTopicPreference',
  z.object({
    topic: z.enum(notificationTopics).describe('order 订单, wish 微心愿, organisation 服务队, family 家庭, other 其他'),
    sms: z.boolean(),
    wechat: z.boolean(),
  }),
);

const preferencesOut = named(
  'NotificationPreferences',
  z.object({
    topics: z
      .array(topicPreference)
      .describe('The in-app inbox always gets every message; these are the other channels'),
    sms: z.object({ available: z.boolean() }),
    wechat: z.object({
      available: z.boolean(),
      demo: z.boolean().describe('The demo WeChat: binding needs no real WeChat'),
      bound: z.boolean(),
      boundAt: z.string().datetime({ offset: true }).nullable(),
    }),
  }),
);

export const notificationsRoutes = routes('notifications', [
  defineRoute({
    method: 'GET',
    url: '/me/notification-preferences',
    operationId: 'getMyNotificationPreferences',
    summary: '我的通知设置：各类消息是否发短信、微信（站内信始终接收）',
    response: preferencesOut,
    handler: (ctx) => getMyNotificationPreferences(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/me/notification-preferences',
    operationId: 'updateMyNotificationPreferences',
    summary: '修改我的通知设置',
    body: z.object({ topics: z.array(topicPreference).min(1).max(notificationTopics.length) }),
    response: preferencesOut,
    handler: (ctx, { body }) => updateMyNotificationPreferences(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/me/wechat/authorize',
    operationId: 'startWechatBinding',
    summary: '绑定微信：获取微信网页授权地址（授权后带 code 与 state 回到 returnPath）',
    body: z.object({
      returnPath: z
        .string()
        .regex(/^\/h5\/[\w/-]*$/)
        .default('/h5/settings/notifications')
        .describe('In-app page WeChat returns to'),
    }),
    response: z.object({ url: z.string() }),
    conflict: true,
    handler: (ctx, req) => {
      const origin = ctx.config.PUBLIC_URL ?? `${req.protocol}://${req.host}`;
      return startWechatBinding(ctx, { returnTo: new URL(req.body.returnPath, origin).toString() });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/me/wechat',
    operationId: 'bindWechat',
    summary: '绑定微信：用微信授权回传的 code 换取 openid 并加密保存',
    body: z.object({ code: z.string().min(1).max(128), state: z.string().min(1).max(200) }),
    response: z.object({ bound: z.literal(true), boundAt: z.string().datetime({ offset: true }) }),
    conflict: true,
    handler: (ctx, { body }) => bindWechat(ctx, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/me/wechat',
    operationId: 'unbindWechat',
    summary: '解除微信绑定',
    response: okResponse,
    handler: (ctx) => unbindWechat(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/me/notifications',
    operationId: 'listMyNotifications',
    summary: '我的消息（站内信），最新在前，含未读数',
    query: pageQuery.extend({
      unread: z
        .enum(['true', 'false'])
        .optional()
        .transform((v) => v === 'true')
        .describe('Only unread messages'),
    }),
    response: z.object({
      items: z.array(notificationOut),
      unreadCount: z.number().int(),
      nextCursor: z.string().nullable(),
    }),
    handler: (ctx, { query }) => listMyNotifications(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/me/notifications/:id/read',
    operationId: 'markNotificationRead',
    summary: '标记一条消息为已读',
    params: z.object({ id: z.string().uuid() }),
    response: okResponse,
    handler: (ctx, { params }) => markNotificationRead(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/me/notifications/read-all',
    operationId: 'markAllNotificationsRead',
    summary: '全部标记为已读',
    response: z.object({ updated: z.number().int() }),
    handler: (ctx) => markAllNotificationsRead(ctx),
  }),
]);
