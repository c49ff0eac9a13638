import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { certificateSequences } from './schema.js';

/** `ZM` + the year + a six-digit sequence per tenant and year: ZM2026000001. */
export function formatCertificateNumber(year: number, sequence: number): string {
  return `ZM${year}${String(sequence).padStart(6, '0')}`;
}

/** The next number of the tenant's year; call it in the transaction that issues the certificate. */
export async function nextCertificateNumber(tx: Db, tenantId: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(certificateSequences)
    .values({ tenantId, year, last: 1 })
    .onConflictDoUpdate({
      target: [certificateSequences.tenantId, certificateSequences.year],
      set: { last: sql`${certificateSequences.last} + 1` },
    })
    .returning({ last: certificateSequences.last });
  if (!row) throw new Error('certificate sequence upsert returned nothing');
  return formatCertificateNumber(year, row.last);
}
