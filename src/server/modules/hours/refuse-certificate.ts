import type { Ctx } from '../../platform/context.js';
import { closeCertificate } from './close-certificate.js';

/**
 * Staff in the request's scope decline to issue a requested certificate, with a reason (no
 * confirmed hours in the period, a duplicate request, …). Audited; the volunteer is told and may
 * ask again. Only a pending request can be refused (REQUEST_NOT_PENDING otherwise); one
 * conditional UPDATE, so a refusal and an issue cannot both win.
 */
export async function refuseCertificate(ctx: Ctx, id: string, input: { reason: string }) {
  const reason = input.reason.trim();
  return closeCertificate(ctx, id, {
    from: 'requested',
    refused: 'REQUEST_NOT_PENDING',
    set: (by, at) => ({ state: 'refused', refusedBy: by, refusedAt: at, refuseReason: reason }),
    action: 'certificate.refuse',
    detail: () => ({ reason }),
    message: () => ({
      kind: 'hours.certificate_refused',
      title: '志愿服务记录证明申请未获出具',
      body: `您的证明申请未获出具：${reason}`,
      params: { reason },
    }),
  });
}
