import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx } from '../../platform/context.js';
import { getSite } from './get-site.js';
import { type SiteZone, sites } from './schema.js';
import { loadSiteInScope, type SiteRecord } from './site-queries.js';

export interface UpdateSiteInput {
  name?: string;
  address?: string | null;
  openingHours?: string | null;
  description?: string | null;
  zones?: SiteZone[];
}

const editable = ['name', 'address', 'openingHours', 'description', 'zones'] as const;

const blankToNull = (v: string | null | undefined) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** Staff in scope edit a site's name, address, opening hours, description and zones; the changed fields are audited. */
export async function updateSite(ctx: Ctx, id: string, input: UpdateSiteInput) {
  const site = await loadSiteInScope(ctx, id);
  const wanted: UpdateSiteInput = {
    ...input,
    address: blankToNull(input.address),
    openingHours: blankToNull(input.openingHours),
    description: blankToNull(input.description),
  };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of editable) {
    const value = wanted[key];
    if (value === undefined) continue;
    const old = site[key as keyof SiteRecord];
    if (JSON.stringify(old) === JSON.stringify(value)) continue;
    before[key] = old;
    after[key] = value;
  }
  if (Object.keys(after).length > 0) {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(sites)
        .set({ ...after, updatedAt: new Date() })
        .where(and(eq(sites.tenantId, site.tenantId), eq(sites.id, site.id)));
      await writeAudit(tx, auditContext(ctx), {
        action: 'site.update',
        entityType: 'site',
        entityId: site.id,
        regionCode: site.regionCode,
        detail: { before, after },
      });
    });
  }
  return getSite(ctx, id);
}
