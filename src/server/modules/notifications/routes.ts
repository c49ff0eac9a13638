import { z } from 'zod';
import { okResponse, pageQuery } from '../../platform/contract.js';
import { defineRoute, routes } from '../../platform/route.js';
import { listMyNotifications } from './list-my-notifications.js';
import { markAllNotificationsRead, markNotificationRead } from './mark-notifications-read.js';

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

export const notificationsRoutes = routes('notifications', [
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
