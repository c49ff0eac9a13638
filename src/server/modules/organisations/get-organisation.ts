import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { organisationAccess } from './access.js';
import { assertMayJoin } from './assert-may-join.js';
import { membershipRequests } from './members-schema.js';
import { organisations } from './schema.js';
import { presentSummary, selectSummaries } from './summaries.js';

/** One organisation: public fields for everyone, the full contact phone and abilities for those who manage it. */
export async function getOrganisation(ctx: Ctx, id: string) {
  const [row] = await selectSummaries(ctx.db, ctx.tenantId, eq(organisations.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const access = await organisationAccess(ctx.db, ctx.actor, row);
  const [pending] = ctx.actor
    ? await ctx.db
        .select({ id: membershipRequests.id, kind: membershipRequests.kind })
        .from(membershipRequests)
        .where(
          and(
            eq(membershipRequests.tenantId, ctx.tenantId),
            eq(membershipRequests.organisationId, id),
            eq(membershipRequests.userId, ctx.actor.userId),
            eq(membershipRequests.status, 'pending'),
          ),
        )
    : [];
  const manage = access.level !== 'none';
  const mayJoin =
    !!ctx.actor &&
    row.status === 'active' &&
    !access.memberRole &&
    !pending &&
    row.joinMode !== 'invitation' &&
    (row.kind !== 'team' || (await passes(assertMayJoin(ctx, ctx.actor.userId))));
  return {
    ...presentSummary(row, manage),
    my: { role: access.memberRole, pending: pending ?? null },
    can: {
      join: mayJoin,
      manage,
      edit: manage,
      administer: access.staffInScope,
    },
  };
}

async function passes(check: Promise<void>): Promise<boolean> {
  try {
    await check;
    return true;
  } catch (err) {
    if (err instanceof AppError && (err.code === 'NOT_A_VOLUNTEER' || err.code === 'VOLUNTEER_NOT_ACTIVE'))
      return false;
    throw err;
  }
}
