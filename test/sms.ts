/** Reading what the demo SMS provider delivered, after the outbox has run. */
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { demoSmsMessages } from '../src/server/platform/outbox/schema.js';
import { anonymous } from './server.js';

/** Delivers whatever the outbox holds, then answers the newest text to `phone` (undefined when none). */
export async function lastSmsTo(app: FastifyInstance, phone: string): Promise<string | undefined> {
  await app.jobs.runDue();
  const [sms] = await app.database.db
    .select({ text: demoSmsMessages.text })
    .from(demoSmsMessages)
    .where(and(eq(demoSmsMessages.tenantId, app.config.DEFAULT_TENANT), eq(demoSmsMessages.phone, phone)))
    .orderBy(desc(demoSmsMessages.id))
    .limit(1);
  return sms?.text;
}

/** The verification code in the newest text to `phone`. */
export async function lastCodeTo(app: FastifyInstance, phone: string): Promise<string | undefined> {
  return (await lastSmsTo(app, phone))?.match(/验证码为(\d{6})/)?.[1];
}

/**
 * A registration body with the code for its phone: asks for one (as the register page does) and
 * reads it from the demo phone; a phone that gets no code (registered, malformed) gets 000000.
 */
export async function withRegistrationCode<T extends { phone: string }>(
  app: FastifyInstance,
  body: T,
): Promise<T & { code: string }> {
  await anonymous(app).post('/api/v1/volunteer-registrations/code', { phone: body.phone });
  return { ...body, code: (await lastCodeTo(app, body.phone)) ?? '000000' };
}
