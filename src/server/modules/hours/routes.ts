import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffRoles } from '../../platform/access.js';
import { responses } from '../../platform/contract.js';
import { confirmServiceRecords } from './confirm-service-records.js';
import {
  confirmBody,
  confirmResult,
  correctionBody,
  correctionsQuery,
  correctionView,
  decisionBody,
  hoursSummaryView,
  idParams,
  myRecordsQuery,
  page,
  recordsQuery,
  serviceRecordView,
  writeResponses,
} from './contract.js';
import { decideCorrection } from './decide-correction.js';
import { getMyHours, getVolunteerHours } from './get-hours-summary.js';
import { listCorrections } from './list-corrections.js';
import { listMyServiceRecords } from './list-my-service-records.js';
import { listServiceRecords } from './list-service-records.js';
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
};
