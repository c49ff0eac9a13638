import { and, eq } from 'drizzle-orm';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { regions } from '../regions/index.js';
import { loadOrganisation, requireManager } from './access.js';
import { assertValidParent } from './parent-checks.js';
import { type JoinMode, type OrganisationKind, type OrganisationStatus, organisations } from './schema.js';

export interface UpdateOrganisationInput {
  name?: string;
  description?: string | null;
  contactPhone?: string | null;
  joinMode?: JoinMode;
  kind?: OrganisationKind;
  regionCode?: string;
  parentId?: string | null;
  status?: OrganisationStatus;
}

/** Fields only staff in scope may change; the rest its leaders and admins may change too. */
const staffOnly = ['kind', 'regionCode', 'parentId', 'status'] as const;

/** Edits an organisation. Audited with the fields before and after. */
export async function updateOrganisation(ctx: Ctx, id: string, input: UpdateOrganisationInput) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrganisation(tx, actor.tenantId, id);
    const access = await requireManager(tx, actor, org);
    const changes = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && v !== org[k as keyof typeof org]),
    ) as UpdateOrganisationInput;
    if (staffOnly.some((k) => k in changes) && !access.staffInScope) throw new AppError('FORBIDDEN');
    if (changes.regionCode !== undefined) {
      assertInScope(actor, changes.regionCode);
      const [region] = await tx
        .select({ code: regions.code })
        .from(regions)
        .where(and(eq(regions.tenantId, actor.tenantId), eq(regions.code, changes.regionCode)));
      if (!region) throw new AppError('NOT_FOUND');
    }
    if (changes.parentId) await assertValidParent(tx, actor.tenantId, org.id, changes.parentId);
    if (Object.keys(changes).length === 0) return { id };
    await tx
      .update(organisations)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(organisations.tenantId, actor.tenantId), eq(organisations.id, id)));
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, org[k as keyof typeof org]]));
    await writeAudit(tx, auditContext(ctx), {
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: id,
      regionCode: changes.regionCode ?? org.regionCode,
      detail: { before, after: changes },
    });
    return { id };
  });
}
