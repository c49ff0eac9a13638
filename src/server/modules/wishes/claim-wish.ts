import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/access.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { keeperIds, users } from '../accounts/index.js';
import { organisations } from '../organisations/index.js';
import { consoleLink, h5Link, residentIds, tell } from './parties.js';
import { openClaimStates, wishes } from './schema.js';
import { findWish, takeEvent } from './transition.js';
import { readWishSettings } from './wish-settings.js';

/**
 * 认领: an active volunteer claims a wish for themself, or a manager of an organisation (a caring
 * merchant…) claims it in the organisation's name. Of two claiming at once exactly one wins; the other
 * gets WISH_ALREADY_CLAIMED. The claimer's open claims are counted against the tenant's limit (wish
 * settings) under a lock on the claimer's row (the account, or the organisation), so two claims of
 * different wishes at once cannot both pass the limit.
 */
export async function claimWish(ctx: Ctx, id: string, input: { organisationId?: string }) {
  const actor = requireActor(ctx);
  try {
    return await takeEvent(ctx, id, {
      event: 'claim',
      check: (_wish, facts) => {
        if (input.organisationId) {
          if (!facts.organisations.some((o) => o.id === input.organisationId))
            throw fieldError('body.organisationId', '您不是该组织的管理员', 'You do not manage this organisation');
        } else if (!facts.volunteerActive) throw new AppError('WISH_CLAIMER_NOT_ELIGIBLE');
      },
      prepare: (_wish, _facts, now) => ({
        claimerUserId: actor.userId,
        claimerOrganisationId: input.organisationId ?? null,
        claimedAt: now,
      }),
      data: input.organisationId ? { organisationId: input.organisationId } : undefined,
      before: (tx) => assertUnderLimit(tx, actor, input.organisationId),
      notify: async (tx, _before, after) => {
        await tell(tx, after, residentIds(after), {
          kind: 'wish.claimed',
          title: '您的微心愿已被认领',
          link: h5Link(after.id),
          except: actor.userId,
        });
        await tell(tx, after, await keeperIds(tx, after.tenantId, after.regionCode), {
          kind: 'wish.claimed',
          title: '微心愿已被认领',
          link: consoleLink(after.id),
          params: { context: 'staff' },
          except: actor.userId,
        });
      },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'ILLEGAL_TRANSITION') {
      const now = await findWish(ctx.db, actor.tenantId, id);
      if (now && ['claimed', 'delivered', 'confirmed', 'thanked'].includes(now.state))
        throw new AppError('WISH_ALREADY_CLAIMED');
    }
    throw err;
  }
}

async function assertUnderLimit(tx: Db, actor: Actor, organisationId: string | undefined) {
  // The lock: concurrent claims by the same claimer wait here, then count what the first committed.
  if (organisationId)
    await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.tenantId, actor.tenantId), eq(organisations.id, organisationId)))
      .for('update');
  else
    await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)))
      .for('update');
  const [open] = await tx
    .select({ n: count() })
    .from(wishes)
    .where(
      and(
        eq(wishes.tenantId, actor.tenantId),
        inArray(wishes.state, [...openClaimStates]),
        organisationId
          ? eq(wishes.claimerOrganisationId, organisationId)
          : and(eq(wishes.claimerUserId, actor.userId), isNull(wishes.claimerOrganisationId)),
      ),
    );
  const limits = await readWishSettings(tx, actor.tenantId);
  const limit = organisationId ? limits.organisationClaimLimit : limits.personClaimLimit;
  if ((open?.n ?? 0) >= limit)
    throw new AppError('WISH_CLAIM_LIMIT', undefined, {
      message: `认领且尚未完成的心愿最多${limit}个，请先完成后再认领`,
      messageEn: `At most ${limit} open claims; fulfil one first`,
    });
}
