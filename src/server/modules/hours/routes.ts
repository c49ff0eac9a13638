import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { responses } from '../../platform/contract.js';
import { renderCertificatePdf } from './certificate-pdf.js';
import {
  issueCertificate,
  listCertificates,
  listMyCertificates,
  loadIssuedCertificate,
  requestCertificate,
  verifyCertificate,
} from './certificates.js';
import { confirmServiceRecords } from './confirm-service-records.js';
import {
  certificateRequestBody,
  certificatesQuery,
  certificateView,
  confirmBody,
  confirmResult,
  correctionBody,
  correctionsQuery,
  correctionView,
  decisionBody,
  hoursSummaryView,
  idParams,
  issueBody,
  myRecordsQuery,
  numberParams,
  page,
  recordsQuery,
  rejectBody,
  serviceRecordView,
  verification,
  writeResponses,
} from './contract.js';
import { decideCorrection } from './decide-correction.js';
import { getMyHours, getVolunteerHours } from './get-hours-summary.js';
import { listCorrections } from './list-corrections.js';
import { listMyServiceRecords } from './list-my-service-records.js';
import { listServiceRecords } from './list-service-records.js';
import { rejectServiceRecord } from './reject-service-record.js';
import { requestCorrection } from './request-correction.js';

const tags = ['hours'];
const staff = { roles: staffRoles };
const staffRetryable = { roles: staffRoles, idempotent: true };

export const hoursRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/hours',
    {
      schema: {
        operationId: 'getMyHours',
        tags,
        summary: '我的服务时长：累计已确认时长、星级与距下一星级的进度',
        response: responses({ 200: hoursSummaryView }),
      },
    },
    async (req) => getMyHours(req.ctx()),
  );

  app.get(
    '/me/service-records',
    {
      schema: {
        operationId: 'listMyServiceRecords',
        tags,
        summary: '我的服务记录（待确认、已确认、已更正）',
        querystring: myRecordsQuery,
        response: responses({ 200: page(serviceRecordView) }),
      },
    },
    async (req) => listMyServiceRecords(req.ctx(), req.query),
  );

  app.get(
    '/service-records',
    {
      config: staff,
      schema: {
        operationId: 'listServiceRecords',
        tags,
        summary: '管辖范围内的服务记录（默认待确认）',
        querystring: recordsQuery,
        response: responses({ 200: page(serviceRecordView) }),
      },
    },
    async (req) => listServiceRecords(req.ctx(), req.query),
  );

  app.post(
    '/service-records/confirm',
    {
      config: staffRetryable,
      schema: {
        operationId: 'confirmServiceRecords',
        tags,
        summary: '确认服务时长（可批量）；确认后记入时长账本',
        body: confirmBody,
        response: writeResponses({ 200: confirmResult }),
      },
    },
    async (req) => confirmServiceRecords(req.ctx(), req.body),
  );

  app.post(
    '/service-records/:id/reject',
    {
      config: staff,
      schema: {
        operationId: 'rejectServiceRecord',
        tags,
        summary: '驳回待确认的服务记录（须填写理由，通知志愿者，不计时长）',
        params: idParams,
        body: rejectBody,
        response: writeResponses({ 200: serviceRecordView }),
      },
    },
    async (req) => rejectServiceRecord(req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/service-records/:id/corrections',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'requestHoursCorrection',
        tags,
        summary: '申请更正已确认的服务时长（需填写理由，由他人审批）',
        params: idParams,
        body: correctionBody,
        response: writeResponses({ 201: correctionView }),
      },
    },
    async (req, reply) => reply.status(201).send(await requestCorrection(req.ctx(), req.params.id, req.body)),
  );

  app.get(
    '/hours-corrections',
    {
      config: staff,
      schema: {
        operationId: 'listHoursCorrections',
        tags,
        summary: '管辖范围内的时长更正申请',
        querystring: correctionsQuery,
        response: responses({ 200: page(correctionView) }),
      },
    },
    async (req) => listCorrections(req.ctx(), req.query),
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/hours-corrections/:id/${decision}`,
      {
        config: staffRetryable,
        schema: {
          operationId: decision === 'approve' ? 'approveHoursCorrection' : 'rejectHoursCorrection',
          tags,
          summary: decision === 'approve' ? '批准更正：冲正原记账并按更正后的时长重新记账，原记录保留' : '驳回更正申请',
          params: idParams,
          body: decisionBody,
          response: writeResponses({ 200: correctionView }),
        },
      },
      async (req) => decideCorrection(req.ctx(), req.params.id, decision, req.body),
    );
  }

  app.get(
    '/volunteers/:id/hours',
    {
      config: staff,
      schema: {
        operationId: 'getVolunteerHours',
        tags,
        summary: '志愿者的服务时长与星级（按志愿者所在社区限定范围）',
        params: idParams,
        response: responses({ 200: hoursSummaryView }),
      },
    },
    async (req) => getVolunteerHours(req.ctx(), req.params.id),
  );

  // ── certificates (志愿服务记录证明) ─────────────────────────────────────────
  app.post(
    '/me/certificates',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'requestCertificate',
        tags,
        summary: '申请志愿服务记录证明（指定期间或全部服务）',
        body: certificateRequestBody,
        response: writeResponses({ 201: certificateView }),
      },
    },
    async (req, reply) => reply.status(201).send(await requestCertificate(req.ctx(), req.body)),
  );

  app.get(
    '/me/certificates',
    {
      schema: {
        operationId: 'listMyCertificates',
        tags,
        summary: '我的证明申请与已出具的证明',
        response: responses({ 200: z.object({ items: z.array(certificateView) }) }),
      },
    },
    async (req) => listMyCertificates(req.ctx()),
  );

  app.get(
    '/certificates',
    {
      config: staff,
      schema: {
        operationId: 'listCertificates',
        tags,
        summary: '管辖范围内的证明申请（默认待出具）',
        querystring: certificatesQuery,
        response: responses({ 200: z.object({ items: z.array(certificateView) }) }),
      },
    },
    async (req) => listCertificates(req.ctx(), req.query),
  );

  app.post(
    '/certificates/:id/issue',
    {
      config: staffRetryable,
      schema: {
        operationId: 'issueCertificate',
        tags,
        summary: '出具证明：汇总期间内已确认的时长，编号登记并电子签名（免费）',
        params: idParams,
        body: issueBody,
        response: writeResponses({ 200: certificateView }),
      },
    },
    async (req) => issueCertificate(req.ctx(), req.params.id, req.body),
  );

  app.get(
    '/certificates/:id/pdf',
    {
      schema: {
        operationId: 'downloadCertificate',
        tags,
        summary: '下载证明PDF（本人或管辖范围内的工作人员）',
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const content = await loadIssuedCertificate(req.ctx(), req.params.id);
      const pdf = await renderCertificatePdf(content, `${req.protocol}://${req.host}${content.verifyPath}`);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="certificate-${content.number}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/public/certificates/:number',
    {
      config: { public: true },
      schema: {
        operationId: 'verifyCertificate',
        tags,
        summary: '核验证明（公开）：有效、已撤销、内容被篡改或编号不存在',
        params: numberParams,
        response: responses({ 200: verification }),
      },
    },
    async (req) => verifyCertificate(req.ctx(), req.params.number),
  );
};
