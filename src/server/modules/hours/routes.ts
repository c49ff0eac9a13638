import { staffRoles } from '../../platform/access.js';
import { defineRoute, routes } from '../../platform/route.js';
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
  rejectBody,
  serviceRecordView,
  teamRecordsQuery,
} from './contract.js';
import { decideCorrection } from './decide-correction.js';
import { getMyHours, getVolunteerHours } from './get-hours-summary.js';
import { listCorrections } from './list-corrections.js';
import { listMyServiceRecords } from './list-my-service-records.js';
import { listServiceRecords } from './list-service-records.js';
import { listTeamServiceRecords } from './list-team-service-records.js';
import { rejectServiceRecord } from './reject-service-record.js';
import { requestCorrection } from './request-correction.js';
import { certificateRoutes } from './routes-certificates.js';

const decisionRoute = (decision: 'approve' | 'reject') =>
  defineRoute({
    method: 'POST',
    url: `/hours-corrections/:id/${decision}`,
    operationId: decision === 'approve' ? 'approveHoursCorrection' : 'rejectHoursCorrection',
    summary: decision === 'approve' ? '批准更正：冲正原记账并按更正后的时长重新记账，原记录保留' : '驳回更正申请',
    roles: staffRoles,
    idempotent: true,
    params: idParams,
    body: decisionBody,
    response: correctionView,
    conflict: true,
    handler: (ctx, { params, body }) => decideCorrection(ctx, params.id, decision, body),
  });

export const hoursRoutes = routes('hours', [
  defineRoute({
    method: 'GET',
    url: '/me/hours',
    operationId: 'getMyHours',
    summary: '我的服务时长：累计已确认时长、星级与距下一星级的进度',
    response: hoursSummaryView,
    handler: (ctx) => getMyHours(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/me/service-records',
    operationId: 'listMyServiceRecords',
    summary: '我的服务记录（待确认、已确认、已更正）',
    query: myRecordsQuery,
    response: page(serviceRecordView),
    handler: (ctx, { query }) => listMyServiceRecords(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/me/team-service-records',
    operationId: 'listTeamServiceRecords',
    summary: '队长：本队志愿者的服务记录（默认待确认，不含本人的记录），可确认或驳回',
    query: teamRecordsQuery,
    response: page(serviceRecordView),
    handler: (ctx, { query }) => listTeamServiceRecords(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/service-records',
    operationId: 'listServiceRecords',
    summary: '管辖范围内的服务记录（默认待确认）',
    roles: staffRoles,
    query: recordsQuery,
    response: page(serviceRecordView),
    handler: (ctx, { query }) => listServiceRecords(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/service-records/confirm',
    operationId: 'confirmServiceRecords',
    summary:
      '确认服务时长（可批量）：工作人员确认管辖范围内的记录，队长确认本队的记录，不能确认本人的记录；确认后记入时长账本',
    idempotent: true,
    body: confirmBody,
    response: confirmResult,
    conflict: true,
    handler: (ctx, { body }) => confirmServiceRecords(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/service-records/:id/reject',
    operationId: 'rejectServiceRecord',
    summary:
      '驳回待确认的服务记录（须填写理由，通知志愿者，不计时长）：工作人员驳回管辖范围内的记录，队长驳回本队的记录，不能驳回本人的记录',
    params: idParams,
    body: rejectBody,
    response: serviceRecordView,
    conflict: true,
    handler: (ctx, { params, body }) => rejectServiceRecord(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/service-records/:id/corrections',
    operationId: 'requestHoursCorrection',
    summary: '申请更正已确认的服务时长（需填写理由，由他人审批）',
    idempotent: true,
    params: idParams,
    body: correctionBody,
    response: correctionView,
    status: 201,
    conflict: true,
    handler: (ctx, { params, body }) => requestCorrection(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/hours-corrections',
    operationId: 'listHoursCorrections',
    summary: '管辖范围内的时长更正申请',
    roles: staffRoles,
    query: correctionsQuery,
    response: page(correctionView),
    handler: (ctx, { query }) => listCorrections(ctx, query),
  }),
  decisionRoute('approve'),
  decisionRoute('reject'),
  defineRoute({
    method: 'GET',
    url: '/volunteers/:id/hours',
    operationId: 'getVolunteerHours',
    summary: '志愿者的服务时长与星级（按志愿者所在社区限定范围）',
    roles: staffRoles,
    params: idParams,
    response: hoursSummaryView,
    handler: (ctx, { params }) => getVolunteerHours(ctx, params.id),
  }),
  ...certificateRoutes,
]);
