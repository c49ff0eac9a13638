import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { maskName } from '../organisations/index.js';
import type { CertificateContent } from './certificate-pdf.js';
import { verifyContent } from './certificate-signing.js';
import { day } from './certificates.js';
import { certificates } from './schema.js';

/**
 * Public: what the register says about a number: valid (with what it proves), revoked (the same,
 * with the day), altered (the stored content no longer matches its signature) or unknown. Whoever
 * holds the paper already sees the full name; someone who only types a number sees it masked, and
 * nothing that is not on the certificate.
 */
export async function verifyCertificate(ctx: Ctx, number: string) {
  const [row] = await ctx.db
    .select()
    .from(certificates)
    .where(and(eq(certificates.tenantId, ctx.tenantId), eq(certificates.number, number)));
  if (!row?.content || !row.signature) return { number, status: 'unknown' as const, content: null };
  if (!verifyContent(ctx.config, row.content, row.signature))
    return { number, status: 'altered' as const, content: null };
  const content = row.content as unknown as CertificateContent;
  return {
    number,
    status: row.state === 'revoked' ? ('revoked' as const) : ('valid' as const),
    content: {
      issuedOn: content.issuedOn,
      volunteerName: maskName(content.volunteer.name),
      idNumberMasked: content.volunteer.idNumberMasked,
      volunteerNumber: content.volunteer.volunteerNumber,
      totalMinutes: content.service.totalMinutes,
      recordCount: content.service.recordCount,
      periodFrom: content.service.periodFrom,
      periodTo: content.service.periodTo,
      issuer: content.issuer.organisation,
      revokedOn: row.state === 'revoked' && row.revokedAt ? day(row.revokedAt) : null,
    },
  };
}
