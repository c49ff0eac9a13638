/**
 * Codes sent by SMS to prove someone holds a phone (a password reset, a new sign-in phone):
 * six digits, stored only as a hash bound to the request's id, valid 10 minutes, 5 attempts,
 * at most one code a minute per user. Each use keeps its own table with the columns below.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Ctx } from './context.js';
import type { Db } from './db.js';
import { fieldError } from './errors.js';
import { type SmsTemplate, sendSms } from './outbox/sms.js';

export const SMS_CODE_MINUTES = 10;
const MAX_ATTEMPTS = 5;
const RESEND_SECONDS = 60;

export type SmsCodeTable = PgTable & {
  tenantId: PgColumn;
  id: PgColumn;
  attempts: PgColumn;
  createdAt: PgColumn;
};

export interface SmsCodeRow {
  id: string;
  codeHash: string;
  expiresAt: Date;
}

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const wrongCode = () => fieldError('body.code', '验证码不正确或已过期', 'Wrong or expired code');

/** Whether `userId` was sent a code of this kind within the last minute. */
export async function smsCodeSentRecently(
  db: Db,
  table: SmsCodeTable & { userId: PgColumn },
  tenantId: string,
  userId: string,
) {
  return sentRecently(db, table, tenantId, eq(table.userId, userId));
}

/** Whether a code of this kind went to `who` (a user, a phone: the condition) within the last minute. */
export async function sentRecently(db: Db, table: SmsCodeTable, tenantId: string, who: SQL) {
  const since = new Date(Date.now() - RESEND_SECONDS * 1000);
  const recent = await db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(eq(table.tenantId, tenantId), who, gt(table.createdAt, since)))
    .limit(1);
  return recent.length > 0;
}

/**
 * Makes a code, lets `store` insert its row, and queues the SMS in the same transaction. With
 * `instead`, the phone gets that message and never the code (the row is kept, so that answers,
 * resend limits and attempts look the same, but nobody can ever use it).
 */
export async function sendSmsCode(
  ctx: Ctx,
  phone: string,
  store: (tx: Db, row: SmsCodeRow) => Promise<unknown>,
  instead?: { template: SmsTemplate; params: Record<string, string> },
): Promise<SmsCodeRow> {
  const id = crypto.randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = { id, codeHash: hashCode(id, code), expiresAt: new Date(Date.now() + SMS_CODE_MINUTES * 60_000) };
  await ctx.db.transaction(async (tx) => {
    await store(tx, row);
    await sendSms(tx, {
      tenantId: ctx.tenantId,
      phone,
      ...(instead ?? { template: 'verification_code', params: { code, minutes: String(SMS_CODE_MINUTES) } }),
    });
  });
  return row;
}

/**
 * Counts one attempt against `row` and compares the code; throws `wrongCode()` when the row has
 * expired, its attempts are used up or the code differs. `open` says the row is not used yet.
 * The attempt is counted before comparing, in one conditional update, so that concurrent guesses
 * cannot overrun the limit.
 */
export async function checkSmsCode(
  db: Db,
  table: SmsCodeTable,
  open: SQL | undefined,
  row: SmsCodeRow & { tenantId: string },
  code: string,
): Promise<void> {
  if (row.expiresAt < new Date()) throw wrongCode();
  const counted = await db
    .update(table)
    .set({ attempts: sql`${table.attempts} + 1` } as PgUpdateSetSource<typeof table>)
    .where(and(eq(table.tenantId, row.tenantId), eq(table.id, row.id), open, lt(table.attempts, MAX_ATTEMPTS)))
    .returning({ id: table.id });
  if (counted.length === 0 || !sameHash(hashCode(row.id, code), row.codeHash)) throw wrongCode();
}
