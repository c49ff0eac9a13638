import { and, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { assertInScope, scopeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { timeIdCursor } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { attachFiles } from '../../platform/files.js';
import { skills, volunteers } from '../volunteers/index.js';
import { presentQualifications } from './queries.js';
import { academyQualifications, type QualificationStatus } from './schema.js';

/**
 * The qualification codes each user holds validly at `now`: verified, and not expired. With
 * `through` (an order's service end), also still valid then: one expiring before the service does
 * not count. Dispatch treats them as skills; activities that require a qualification ask the same.
 */
export async function validQualificationCodes(
  db: Db,
  tenantId: string,
  userIds: string[],
  now: Date,
  through?: Date,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!userIds.length) return out;
  const until = through && through > now ? through : now;
  const rows = await db
    .selectDistinct({ userId: academyQualifications.userId, code: academyQualifications.skillCode })
    .from(academyQualifications)
    .where(
      and(
        eq(academyQualifications.tenantId, tenantId),
        inArray(academyQualifications.userId, userIds),
        eq(academyQualifications.status, 'valid'),
        or(isNull(academyQualifications.expiresAt), gt(academyQualifications.expiresAt, until)),
      ),
    );
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.code]);
  return out;
}

export async function listMyQualifications(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select()
    .from(academyQualifications)
    .where(and(eq(academyQualifications.tenantId, actor.tenantId), eq(academyQualifications.userId, actor.userId)))
    .orderBy(desc(academyQualifications.issuedAt));
  return { items: await presentQualifications(ctx.db, ctx.config, actor.tenantId, rows, new Date(), false) };
}

/** One user's verified qualifications unexpired at `now`, with their expiry (null: none). */
export function validQualificationSpans(db: Db, tenantId: string, userId: string, now: Date) {
  return db
    .select({ code: academyQualifications.skillCode, expiresAt: academyQualifications.expiresAt })
    .from(academyQualifications)
    .where(
      and(
        eq(academyQualifications.tenantId, tenantId),
        eq(academyQualifications.userId, userId),
        eq(academyQualifications.status, 'valid'),
        or(isNull(academyQualifications.expiresAt), gt(academyQualifications.expiresAt, now)),
      ),
    );
}

/** Qualifications of holders in the caller's scope (default: pending verification), newest first, by keyset pages. */
export async function listQualifications(
  ctx: Ctx,
  query: { status?: QualificationStatus; limit: number; cursor?: string },
) {
  const actor = requireActor(ctx);
  const after = timeIdCursor.decode(query.cursor);
  const rows = await ctx.db
    .select({ q: academyQualifications, sortAt: sql<string>`(${academyQualifications.createdAt})::text` })
    .from(academyQualifications)
    .where(
      and(
        eq(academyQualifications.tenantId, actor.tenantId),
        eq(academyQualifications.status, query.status ?? 'pending'),
        scopeCondition(actor, academyQualifications.regionCode),
        after
          ? sql`(${academyQualifications.createdAt}, ${academyQualifications.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(academyQualifications.createdAt), desc(academyQualifications.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items = page.map((r) => r.q);
  return {
    items: await presentQualifications(ctx.db, ctx.config, actor.tenantId, items, new Date(), true),
    nextCursor: rows.length > query.limit && last ? timeIdCursor.encode([last.sortAt, last.q.id]) : null,
  };
}

/**
 * Staff record a qualification a volunteer of their scope obtained elsewhere, with a scan of its
 * proof (their own upload). It counts only after another staff member verifies it.
 */
export async function recordExternalQualification(
  ctx: Ctx,
  input: {
    volunteerId: string;
    skillCode: string;
    issuer: string;
    certificateNo?: string;
    issuedAt: string;
    expiresAt: string | null;
    proofFileId: string;
  },
) {
  const actor = requireActor(ctx);
  const [volunteer] = await ctx.db
    .select({ userId: volunteers.userId, regionCode: volunteers.regionCode })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, actor.tenantId), eq(volunteers.id, input.volunteerId)));
  if (!volunteer) throw new AppError('NOT_FOUND');
  assertInScope(actor, volunteer.regionCode);
  const [skill] = await ctx.db
    .select({ code: skills.code })
    .from(skills)
    .where(and(eq(skills.tenantId, actor.tenantId), eq(skills.code, input.skillCode)));
  if (!skill) throw fieldError('body.skillCode', '资质代码不在本区技能目录中', 'Not a code of the skills taxonomy');
  if (input.expiresAt && Date.parse(input.expiresAt) <= Date.parse(input.issuedAt))
    throw fieldError('body.expiresAt', '有效期须晚于发证日期', 'The expiry must be after the issue date');
  const row = await ctx.db.transaction(async (tx) => {
    const [q] = await tx
      .insert(academyQualifications)
      .values({
        tenantId: actor.tenantId,
        userId: volunteer.userId,
        regionCode: volunteer.regionCode,
        skillCode: input.skillCode,
        source: 'external',
        issuer: input.issuer,
        certificateNo: input.certificateNo ?? null,
        issuedAt: new Date(input.issuedAt),
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        status: 'pending',
        proofFileId: input.proofFileId,
        recordedBy: actor.userId,
      })
      .returning();
    if (!q) throw new Error('insert failed');
    await attachFiles(tx, {
      tenantId: actor.tenantId,
      ids: [input.proofFileId],
      ownerId: actor.userId,
      purpose: 'attachment',
      regionCode: volunteer.regionCode,
      field: 'body.proofFileId',
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'academy.qualification.record',
      entityType: 'academy_qualification',
      entityId: q.id,
      regionCode: volunteer.regionCode,
      detail: { skillCode: input.skillCode, issuer: input.issuer },
    });
    return q;
  });
  const [view] = await presentQualifications(ctx.db, ctx.config, actor.tenantId, [row], new Date(), true);
  return view as NonNullable<typeof view>;
}
