import { and, asc, desc, eq, gte, lt, lte, or } from 'drizzle-orm';
import { maskIdNumber } from '../../../shared/id-card.js';
import { assertInScope, scopeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { piiFor } from '../../platform/pii.js';
import { organisations } from '../organisations/index.js';
import { volunteers } from '../volunteers/index.js';
import { nextCertificateNumber } from './certificate-number.js';
import type { CertificateContent } from './certificate-pdf.js';
import { signContent } from './certificate-signing.js';
import { certificates, serviceRecords } from './schema.js';

type CertificateRow = typeof certificates.$inferSelect;
export const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10); // Asia/Shanghai date

export function presentCertificate(row: CertificateRow) {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    periodFrom: row.periodFrom?.toISOString() ?? null,
    periodTo: row.periodTo?.toISOString() ?? null,
    requestedAt: row.requestedAt.toISOString(),
    issuedAt: row.issuedAt?.toISOString() ?? null,
    volunteerName: ((row.content as CertificateContent | null)?.volunteer.name ?? null) as string | null,
    totalMinutes: ((row.content as CertificateContent | null)?.service.totalMinutes ?? null) as number | null,
    purpose: row.purpose,
    reason: row.state === 'refused' ? row.refuseReason : row.state === 'revoked' ? row.revokeReason : null,
  };
}

async function volunteerOf(ctx: Ctx, userId: string) {
  const [v] = await ctx.db
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, ctx.tenantId), eq(volunteers.userId, userId)));
  return v ?? null;
}

/** A volunteer asks for a certificate of a period (or of all service); staff of their community issue it. */
export async function requestCertificate(
  ctx: Ctx,
  input: { from?: string | undefined; to?: string | undefined; purpose?: string | undefined },
) {
  const actor = requireActor(ctx);
  const volunteer = await volunteerOf(ctx, actor.userId);
  if (!volunteer) throw new AppError('NOT_A_VOLUNTEER');
  const from = input.from ? new Date(`${input.from}T00:00:00+08:00`) : null;
  const to = input.to ? new Date(`${input.to}T23:59:59.999+08:00`) : null;
  if (from && to && to < from) throw fieldError('body.to', '结束日期早于开始日期', 'The end is before the start');
  const [row] = await ctx.db
    .insert(certificates)
    .values({
      tenantId: actor.tenantId,
      volunteerUserId: actor.userId,
      regionCode: volunteer.regionCode,
      periodFrom: from,
      periodTo: to,
      purpose: input.purpose ?? null,
    })
    .returning();
  if (!row) throw new Error('certificate insert returned nothing');
  return presentCertificate(row);
}

export async function listMyCertificates(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select()
    .from(certificates)
    .where(and(eq(certificates.tenantId, actor.tenantId), eq(certificates.volunteerUserId, actor.userId)))
    .orderBy(desc(certificates.requestedAt))
    .limit(100);
  return { items: rows.map(presentCertificate) };
}

const certificatesCursor = cursorCodec(cursorPart.timestamp, cursorPart.uuid);

/** Staff: certificate requests (or issued, refused, revoked certificates) of volunteers in their scope, newest first. */
export async function listCertificates(
  ctx: Ctx,
  input: { state: CertificateRow['state']; limit: number; cursor?: string | undefined },
) {
  const actor = requireActor(ctx);
  const after = certificatesCursor.decode(input.cursor);
  const rows = await ctx.db
    .select({ c: certificates, name: volunteers.name })
    .from(certificates)
    .innerJoin(
      volunteers,
      and(eq(volunteers.tenantId, certificates.tenantId), eq(volunteers.userId, certificates.volunteerUserId)),
    )
    .where(
      and(
        eq(certificates.tenantId, actor.tenantId),
        scopeCondition(actor, certificates.regionCode),
        eq(certificates.state, input.state),
        after
          ? or(
              lt(certificates.requestedAt, new Date(after[0])),
              and(eq(certificates.requestedAt, new Date(after[0])), lt(certificates.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(certificates.requestedAt), desc(certificates.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1)?.c;
  return {
    items: page.map((r) => ({ ...presentCertificate(r.c), volunteerName: r.name })),
    nextCursor:
      rows.length > input.limit && last ? certificatesCursor.encode([last.requestedAt.toISOString(), last.id]) : null,
  };
}

export interface IssueInput {
  organisation: string;
  personInCharge: string;
  contact: string;
}

/**
 * Staff issue a requested certificate: the confirmed records of the period are summed (corrected
 * and pending ones do not count), the content is fixed, numbered and signed. Free of charge.
 */
export async function issueCertificate(ctx: Ctx, id: string, input: IssueInput) {
  const actor = requireActor(ctx);
  const [row] = await ctx.db
    .select()
    .from(certificates)
    .where(and(eq(certificates.tenantId, actor.tenantId), eq(certificates.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(actor, row.regionCode);
  if (row.state !== 'requested') throw new AppError('REQUEST_NOT_PENDING');
  const volunteer = await volunteerOf(ctx, row.volunteerUserId);
  if (!volunteer) throw new AppError('NOT_FOUND');
  const records = await ctx.db
    .select({ r: serviceRecords, org: organisations.name })
    .from(serviceRecords)
    .leftJoin(
      organisations,
      and(eq(organisations.tenantId, serviceRecords.tenantId), eq(organisations.id, serviceRecords.organisationId)),
    )
    .where(
      and(
        eq(serviceRecords.tenantId, actor.tenantId),
        eq(serviceRecords.volunteerUserId, row.volunteerUserId),
        eq(serviceRecords.status, 'confirmed'),
        row.periodFrom ? gte(serviceRecords.recordedAt, row.periodFrom) : undefined,
        row.periodTo ? lte(serviceRecords.recordedAt, row.periodTo) : undefined,
      ),
    )
    .orderBy(asc(serviceRecords.recordedAt));
  if (!records.length) throw new AppError('NO_CONFIRMED_HOURS');
  const now = new Date();
  const issuedOn = day(now);
  const issued = await ctx.db.transaction(async (tx) => {
    const number = await nextCertificateNumber(tx, actor.tenantId, Number(issuedOn.slice(0, 4)));
    const content: CertificateContent = {
      number,
      issuedOn,
      volunteer: {
        name: volunteer.name,
        idType: '居民身份证',
        idNumberMasked: maskIdNumber(piiFor(ctx.config).decrypt(volunteer.idNumberSealed, actor.tenantId)),
        volunteerNumber: volunteer.number,
      },
      service: {
        totalMinutes: records.reduce((sum, x) => sum + x.r.minutes, 0),
        periodFrom: row.periodFrom ? day(row.periodFrom) : null,
        periodTo: row.periodTo ? day(row.periodTo) : null,
        recordCount: records.length,
        items: records.slice(-40).map((x) => ({
          date: day(x.r.startedAt ?? x.r.recordedAt),
          content: x.r.content,
          minutes: x.r.minutes,
          organisation: x.org ?? '',
        })),
      },
      issuer: {
        organisation: input.organisation,
        personInCharge: input.personInCharge,
        handler: actor.displayName,
        contact: input.contact,
      },
      verifyPath: `/verify/${number}`,
    };
    const signature = signContent(ctx.config, content);
    const [updated] = await tx
      .update(certificates)
      .set({ state: 'issued', number, issuedBy: actor.userId, issuedAt: now, content: content as never, signature })
      .where(
        and(eq(certificates.tenantId, actor.tenantId), eq(certificates.id, id), eq(certificates.state, 'requested')),
      )
      .returning();
    if (!updated) throw new AppError('REQUEST_NOT_PENDING');
    await writeAudit(tx, auditContext(ctx), {
      action: 'certificate.issue',
      entityType: 'certificate',
      entityId: id,
      regionCode: row.regionCode,
      detail: { number, totalMinutes: content.service.totalMinutes },
    });
    return updated;
  });
  return presentCertificate(issued);
}

/** The owner or staff in scope: the issued certificate's content, for the PDF. */
export async function loadIssuedCertificate(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const [row] = await ctx.db
    .select()
    .from(certificates)
    .where(and(eq(certificates.tenantId, actor.tenantId), eq(certificates.id, id)));
  if (!row || row.state === 'requested' || !row.content) throw new AppError('NOT_FOUND');
  if (row.volunteerUserId !== actor.userId) assertInScope(actor, row.regionCode);
  return row.content as unknown as CertificateContent;
}
