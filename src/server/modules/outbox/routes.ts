import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { errorResponse, okResponse, pageQuery, phoneSchema, responses } from '../../platform/contract.js';
import { outboxChannels, outboxStatuses } from '../../platform/outbox/schema.js';
import { listDemoSms } from './list-demo-sms.js';
import { listOutboxMessages } from './list-outbox-messages.js';
import { retryOutboxMessage } from './retry-outbox-message.js';

const tags = ['outbox'];
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

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/outbox/messages',
    {
      config: { roles: ['centre_admin'] },
      schema: {
        operationId: 'listOutboxMessages',
        tags,
        summary: '外发消息（短信、微信等）：待发、已发、发送失败',
        querystring: pageQuery.extend({ status: z.enum(outboxStatuses).optional() }),
        response: responses({
          200: z.object({ items: z.array(outboxMessageOut), nextCursor: z.string().nullable() }),
        }),
      },
    },
    async (req) => listOutboxMessages(req.ctx(), req.query),
  );

  app.post(
    '/outbox/messages/:id/retry',
    {
      config: { roles: ['centre_admin'] },
      schema: {
        operationId: 'retryOutboxMessage',
        tags,
        summary: '重发一条发送失败的消息',
        params: z.object({ id: z.string().uuid() }),
        response: { ...responses({ 200: okResponse }), 409: errorResponse },
      },
    },
    async (req) => retryOutboxMessage(req.ctx(), req.params.id),
  );

  app.get(
    '/demo/sms',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'listDemoSms',
        tags,
        summary: '演示短信箱：演示环境中“发出”的短信（仅 SMS_PROVIDER=demo 时可用）',
        querystring: z.object({ phone: phoneSchema.optional() }),
        response: responses({
          200: z.object({
            items: z.array(z.object({ id: z.number().int(), phone: z.string(), text: z.string(), createdAt: time })),
          }),
        }),
      },
    },
    async (req) => listDemoSms(req.ctx(), req.query),
  );
};
