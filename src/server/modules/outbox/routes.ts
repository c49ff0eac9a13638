import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { okResponse, pageQuery, phoneSchema } from '../../platform/contract.js';
import { outboxChannels, outboxStatuses } from '../../platform/outbox/schema.js';
import { defineRoute, routes } from '../../platform/route.js';
import { listDemoSms } from './list-demo-sms.js';
import { listOutboxMessages } from './list-outbox-messages.js';
import { retryOutboxMessage } from './retry-outbox-message.js';

const time = z.string().datetime({ offset: true });

const outboxMessageOut = z.object({
  id: z.string().uuid(),
  channel: z.enum(outboxChannels),
  recipient: z.string().describe('Masked phone, or the kind of recipient'),
  template: z.string(),
  reference: z.string().nullable().describe('What produced the message, e.g. notification:<id>'),
  status: z.enum(outboxStatuses),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: time,
  updatedAt: time,
  sentAt: time.nullable(),
  can: z.object({ retry: z.boolean() }),
});

export const outboxRoutes = routes('outbox', [
  defineRoute({
    method: 'GET',
    url: '/outbox/messages',
    operationId: 'listOutboxMessages',
    summary: '外发消息（短信、微信等）：待发、已发、发送失败',
    roles: ['centre_admin'],
    query: pageQuery.extend({ status: z.enum(outboxStatuses).optional() }),
    response: z.object({ items: z.array(outboxMessageOut), nextCursor: z.string().nullable() }),
    handler: (ctx, { query }) => listOutboxMessages(ctx, query),
  }),

  defineRoute({
    method: 'POST',
    url: '/outbox/messages/:id/retry',
    operationId: 'retryOutboxMessage',
    summary: '重发一条发送失败的消息',
    roles: ['centre_admin'],
    params: z.object({ id: z.string().uuid() }),
    response: okResponse,
    conflict: true,
    handler: (ctx, { params }) => retryOutboxMessage(ctx, params.id),
  }),

  defineRoute({
    method: 'GET',
    url: '/demo/sms',
    operationId: 'listDemoSms',
    summary: '演示短信箱：演示环境中“发出”的短信（仅 SMS_PROVIDER=demo 时可用）',
    roles: staffRoles,
    query: z.object({ phone: phoneSchema.optional() }),
    response: z.object({
      items: z.array(z.object({ id: z.number().int(), phone: z.string(), text: z.string(), createdAt: time })),
    }),
    handler: (ctx, { query }) => listDemoSms(ctx, query),
  }),
]);
