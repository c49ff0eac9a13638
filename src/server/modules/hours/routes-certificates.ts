import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { defineRoute } from '../../platform/route.js';
import { renderCertificatePdf } from './certificate-pdf.js';
import {
  issueCertificate,
  listCertificates,
  listMyCertificates,
  loadIssuedCertificate,
  requestCertificate,
} from './certificates.js';
import {
  certificateRequestBody,
  certificatesQuery,
  certificateView,
  idParams,
  issueBody,
  numberParams,
  refuseBody,
  revokeBody,
  verification,
} from './contract.js';
import { refuseCertificate } from './refuse-certificate.js';
import { revokeCertificate } from './revoke-certificate.js';
import { verifyCertificate } from './verify-certificate.js';

const certificateList = z.object({ items: z.array(certificateView) });
const certificatePage = z.object({ items: z.array(certificateView), nextCursor: z.string().nullable() });

/** Certificates (志愿服务记录证明): request, issue, download and public verification. */
export const certificateRoutes = [
  defineRoute({
    method: 'POST',
    url: '/me/certificates',
    operationId: 'requestCertificate',
    summary: '申请志愿服务记录证明（指定期间或全部服务）',
    idempotent: true,
    body: certificateRequestBody,
    response: certificateView,
    status: 201,
    conflict: true,
    handler: (ctx, { body }) => requestCertificate(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/me/certificates',
    operationId: 'listMyCertificates',
    summary: '我的证明申请与已出具的证明',
    response: certificateList,
    handler: (ctx) => listMyCertificates(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/certificates',
    operationId: 'listCertificates',
    summary: '管辖范围内的证明申请（默认待出具），按申请时间倒序分页',
    roles: staffRoles,
    query: certificatesQuery,
    response: certificatePage,
    handler: (ctx, { query }) => listCertificates(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/certificates/:id/issue',
    operationId: 'issueCertificate',
    summary: '出具证明：汇总期间内已确认的时长，编号登记并电子签名（免费）',
    roles: staffRoles,
    idempotent: true,
    params: idParams,
    body: issueBody,
    response: certificateView,
    conflict: true,
    handler: (ctx, { params, body }) => issueCertificate(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/certificates/:id/refuse',
    operationId: 'refuseCertificate',
    summary: '不予出具证明申请（须填写理由，留痕并通知志愿者；志愿者可重新申请）',
    roles: staffRoles,
    params: idParams,
    body: refuseBody,
    response: certificateView,
    conflict: true,
    handler: (ctx, { params, body }) => refuseCertificate(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/certificates/:id/pdf',
    operationId: 'downloadCertificate',
    summary: '下载证明PDF（本人或管辖范围内的工作人员）',
    params: idParams,
    produces: ['application/pdf'],
    sharedErrors: false,
    handler: async (ctx, req, reply) => {
      const content = await loadIssuedCertificate(ctx, req.params.id);
      const pdf = await renderCertificatePdf(content, `${req.protocol}://${req.host}${content.verifyPath}`);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="certificate-${content.number}.pdf"`)
        .send(pdf);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/public/certificates/:number',
    operationId: 'verifyCertificate',
    summary: '核验证明（公开）：有效、已撤销、内容被篡改或编号不存在',
    public: true,
    // Numbers are sequential: a lookup limit per address keeps anyone from walking the register.
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    params: numberParams,
    response: verification,
    handler: (ctx, { params }) => verifyCertificate(ctx, params.number),
  }),
  defineRoute({
    method: 'POST',
    url: '/certificates/:id/revoke',
    operationId: 'revokeCertificate',
    summary: '撤销已出具的证明（须填写理由，留痕并通知志愿者）；核验页随即显示已撤销',
    roles: staffRoles,
    params: idParams,
    body: revokeBody,
    response: certificateView,
    conflict: true,
    handler: (ctx, { params, body }) => revokeCertificate(ctx, params.id, body),
  }),
];
