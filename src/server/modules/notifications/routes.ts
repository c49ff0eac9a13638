import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponse, pageQuery, responses } from '../../platform/contract.js';
import { listMyNotifications } from './list-my-notifications.js';
import { markAllNotificationsRead, markNotificationRead } from './mark-notifications-read.js';

const tags = ['notifications'];

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

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/notifications',
    {
      schema: {
        operationId: 'listMyNotifications',
        tags,
        summary: '我的消息（站内信），最新在前，含未读数',
        querystring: pageQuery.extend({
          unread: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true')
            .describe('Only unread messages'),
        }),
        response: responses({
          200: z.object({
            items: z.array(notificationOut),
            unreadCount: z.number().int(),
            nextCursor: z.string().nullable(),
          }),
        }),
      },
    },
    async (req) => listMyNotifications(req.ctx(), req.query),
  );

  app.post(
    '/me/notifications/:id/read',
    {
      schema: {
        operationId: 'markNotificationRead',
        tags,
        summary: '标记一条消息为已读',
        params: z.object({ id: z.string().uuid() }),
        response: responses({ 200: okResponse }),
      },
    },
    async (req) => markNotificationRead(req.ctx(), req.params.id),
  );

  app.post(
    '/me/notifications/read-all',
    {
      schema: {
        operationId: 'markAllNotificationsRead',
        tags,
        summary: '全部标记为已读',
        response: responses({ 200: z.object({ updated: z.number().int() }) }),
      },
    },
    async (req) => markAllNotificationsRead(req.ctx()),
  );
};
