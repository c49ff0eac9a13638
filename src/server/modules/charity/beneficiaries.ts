/**
 * Beneficiaries (帮扶对象), registered by staff with the person's consent. Name and phone are sealed
 * with the PII key (the tenant bound in); staff whose scope holds the community read them in full,
 * every reading is audited, and everyone else only ever sees the masked name and the community.
 */
import { and, eq } from 'drizzle-orm';
import { assertInScope, scopeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { piiFor } from '../../platform/pii.js';
import { maskName } from '../organisations/index.js';
import type { beneficiaryBody } from './contract.js';
import { byTime, type Page, pageOf } from './paging.js';
import { charityBeneficiaries } from './schema.js';

type BeneficiaryRow = typeof charityBeneficiaries.$inferSelect;

function present(ctx: Ctx, row: BeneficiaryRow) {
  const pii = piiFor(ctx.config);
  return {
    id: row.id,
    name: pii.decrypt(row.nameSealed, row.tenantId),
    maskedName: row.maskedName,
    phone: row.phoneSealed ? pii.decrypt(row.phoneSealed, row.tenantId) : null,
    regionCode: row.regionCode,
    situation: row.situation,
    consentAt: row.consentAt.toISOString(),
  };
}

export interface NewBeneficiary {
  tenantId: string;
  name: string;
  phone?: string | null;
  regionCode: string;
  situation: string;
  registeredBy: string | null;
  synthetic?: boolean;
}

/** Seals and inserts one beneficiary (the registration use case and the demo seed). */
export async function insertBeneficiary(db: Db, ctx: Pick<Ctx, 'config'>, input: NewBeneficiary) {
  const pii = piiFor(ctx.config);
  const [row] = await db
    .insert(charityBeneficiaries)
    .values({
      tenantId: input.tenantId,
      regionCode: input.regionCode,
      nameSealed: pii.encrypt(input.name, input.tenantId),
      maskedName: maskName(input.name),
      phoneSealed: input.phone ? pii.encrypt(input.phone, input.tenantId) : null,
      situation: input.situation,
      consentAt: new Date(),
      registeredBy: input.registeredBy,
      synthetic: input.synthetic ?? false,
    })
    .returning();
  if (!row) throw new Error('beneficiary insert returned nothing');
  return row;
}

export async function registerBeneficiary(ctx: Ctx, input: typeof beneficiaryBody._output) {
  const actor = requireActor(ctx);
  assertInScope(actor, input.regionCode);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertBeneficiary(tx, ctx, {
      tenantId: actor.tenantId,
      name: input.name,
      phone: input.phone ?? null,
      regionCode: input.regionCode,
      situation: input.situation,
      registeredBy: actor.userId,
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'charity.beneficiary_registered',
      entityType: 'charity_beneficiary',
      entityId: created.id,
      regionCode: created.regionCode,
      detail: { maskedName: created.maskedName, consent: true },
    });
    return created;
  });
  return present(ctx, row);
}

export async function findBeneficiary(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(charityBeneficiaries)
    .where(and(eq(charityBeneficiaries.tenantId, tenantId), eq(charityBeneficiaries.id, id)));
  return row ?? null;
}

/** The beneficiaries of the caller's scope, by masked name: the full name is one audited read each. */
export async function listBeneficiaries(ctx: Ctx, query: Page) {
  const actor = requireActor(ctx);
  const keys = byTime(charityBeneficiaries.createdAt, charityBeneficiaries.id, query);
  const rows = await ctx.db
    .select({ row: charityBeneficiaries, sortAt: keys.sortAt })
    .from(charityBeneficiaries)
    .where(
      and(
        eq(charityBeneficiaries.tenantId, actor.tenantId),
        scopeCondition(actor, charityBeneficiaries.regionCode),
        keys.after,
      ),
    )
    .orderBy(...keys.order)
    .limit(query.limit + 1);
  const page = pageOf(
    rows.map((r) => ({ ...r.row, sortAt: r.sortAt })),
    query,
  );
  return {
    items: page.items.map((r) => ({
      id: r.id,
      maskedName: r.maskedName,
      hasPhone: r.phoneSealed !== null,
      regionCode: r.regionCode,
      situation: r.situation,
      consentAt: r.consentAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

export async function getBeneficiary(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const row = await findBeneficiary(ctx.db, actor.tenantId, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(actor, row.regionCode);
  await writeAudit(ctx.db, auditContext(ctx), {
    action: 'charity.beneficiary_read',
    entityType: 'charity_beneficiary',
    entityId: row.id,
    regionCode: row.regionCode,
  });
  return present(ctx, row);
}
