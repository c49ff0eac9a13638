import type { Ctx } from '../../platform/context.js';
import { closeCertificate } from './close-certificate.js';

/**
 * Staff in the certificate's scope revoke an issued certificate, with a reason: the register keeps
 * it under its number, and the public verification shows it revoked from then on. Audited; the
 * volunteer is told. A certificate that is not issued (requested, or already revoked) is
 * CERTIFICATE_NOT_ISSUED; one conditional UPDATE, so two revocations cannot both win.
 */
export async function revokeCertificate(ctx: Ctx, id: string, input: { reason: string }) {
  const reason = input.reason.trim();
  return closeCertificate(ctx, id, {
    from: 'issued',
    refused: 'CERTIFICATE_NOT_ISSUED',
    set: (_by, at) => ({ state: 'revoked', revokedAt: at, revokeReason: reason }),
    action: 'certificate.revoke',
    detail: (row) => ({ number: row.number, reason }),
    message: (row) => ({
      kind: 'hours.certificate_revoked',
      title: '志愿服务记录证明已撤销',
      body: `证明 ${row.number} 已撤销：${reason}`,
      params: { number: row.number ?? '', reason },
    }),
  });
}
