import { and, asc, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import { AppError } from '../../platform/errors.js';
import { presentPartner } from './queries.js';
import { academyPartners } from './schema.js';

/** The academy's partner institutions (anyone may read them). */
export async function listPartners(ctx: Ctx) {
  const rows = await ctx.db
    .select()
    .from(academyPartners)
    .where(eq(academyPartners.tenantId, ctx.tenantId))
    .orderBy(asc(academyPartners.name));
  return { items: rows.map(presentPartner) };
}

export async function createPartner(
  ctx: Ctx,
  input: { name: string; kind: (typeof academyPartners.$inferInsert)['kind']; description: string },
) {
  const actor = requireActor(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(academyPartners)
        .values({ tenantId: actor.tenantId, ...input })
        .returning();
      if (!row) throw new Error('insert failed');
      await writeAudit(tx, auditContext(ctx), {
        action: 'academy.partner.create',
        entityType: 'academy_partner',
        entityId: row.id,
        detail: { name: row.name },
      });
      return presentPartner(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT');
    throw err;
  }
}

export async function partnerExists(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ id: academyPartners.id })
    .from(academyPartners)
    .where(and(eq(academyPartners.tenantId, ctx.tenantId), eq(academyPartners.id, id)));
  return Boolean(row);
}
