/**
 * Beneficiaries (帮扶对象), registered by staff with the person's consent. Name and phone are sealed
 * with the PII key (the tenant bound in); staff whose scope holds the community read them in full,
 * every reading is audited, and everyone else only ever sees the masked name and the community.
 */
import { and, asc, eq } from 'drizzle-orm';
import { assertInScope, scopeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { piiFor } from '../../platform/pii.js';
import { maskName } from '../organisations/index.js';
import type { beneficiaryBody } from './contract.js';
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

/** The beneficiaries of the caller's scope, in full; the reading is audited (personal data). */
export async function listBeneficiaries(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select()
    .from(charityBeneficiaries)
    .where(
      and(eq(charityBeneficiaries.tenantId, actor.tenantId), scopeCondition(actor, charityBeneficiaries.regionCode)),
    )
    .orderBy(asc(charityBeneficiaries.createdAt), asc(charityBeneficiaries.id))
    .limit(500);
  await writeAudit(ctx.db, auditContext(ctx), {
    action: 'charity.beneficiaries_read',
    entityType: 'charity_beneficiary',
    detail: { count: rows.length },
  });
  return { items: rows.map((r) => present(ctx, r)) };
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
