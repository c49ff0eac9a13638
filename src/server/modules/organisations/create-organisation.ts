import { and, eq } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { countPhoneLookup, findUserByPhone } from '../accounts/index.js';
import { notify } from '../notifications/index.js';
import { regions } from '../regions/index.js';
import { organisationMembers } from './members-schema.js';
import { assertValidParent } from './parent-checks.js';
import { type JoinMode, type OrganisationKind, organisations } from './schema.js';

export interface CreateOrganisationInput {
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  parentId?: string | null;
  description?: string | null;
  contactPhone?: string | null;
  joinMode: JoinMode;
  leaderPhone?: string;
}

/** Staff create an organisation in their scope, optionally naming its first leader. Audited. */
export async function createOrganisation(ctx: Ctx, input: CreateOrganisationInput): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  assertInScope(actor, input.regionCode);
  if (input.leaderPhone) await countPhoneLookup(ctx);
  return ctx.db.transaction(async (tx) => {
    const [region] = await tx
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.tenantId, actor.tenantId), eq(regions.code, input.regionCode)));
    if (!region) throw new AppError('NOT_FOUND');
    if (input.parentId) await assertValidParent(tx, actor.tenantId, null, input.parentId);
    const leader = input.leaderPhone ? await findUserByPhone(tx, actor.tenantId, input.leaderPhone) : null;
    const [org] = await tx
      .insert(organisations)
      .values({
        tenantId: actor.tenantId,
        kind: input.kind,
        name: input.name,
        regionCode: input.regionCode,
        parentId: input.parentId ?? null,
        description: input.description ?? null,
        contactPhone: input.contactPhone ?? null,
        joinMode: input.joinMode,
      })
      .returning({ id: organisations.id });
    if (!org) throw new Error('insert failed');
    if (leader) {
      await tx
        .insert(organisationMembers)
        .values({ tenantId: actor.tenantId, organisationId: org.id, userId: leader.id, role: 'leader' });
      await notify(tx, {
        tenantId: actor.tenantId,
        userId: leader.id,
        kind: 'organisation.appointed_leader',
        title: `您已成为「${input.name}」的队长`,
        link: `/h5/teams/${org.id}`,
        data: { organisationId: org.id, params: { team: input.name } },
      });
    }
    await writeAudit(tx, auditContext(ctx), {
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: org.id,
      regionCode: input.regionCode,
      detail: { kind: input.kind, name: input.name, parentId: input.parentId ?? null, leaderId: leader?.id ?? null },
    });
    return { id: org.id };
  });
}
