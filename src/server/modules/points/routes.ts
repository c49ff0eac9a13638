import { staffRoles } from '../../platform/access.js';
import { defineRoute, routes } from '../../platform/route.js';
import { decideAdjustment, listAdjustments, requestAdjustment } from './adjustments.js';
import {
  adjustmentBody,
  adjustmentPage,
  adjustmentsQuery,
  adjustmentView,
  decisionBody,
  idParams,
  myPointsView,
  settingsBody,
  settingsView,
  statementQuery,
  summaryView,
} from './contract.js';
import { getMyPoints } from './my-points.js';
import { getPointsSettings, updatePointsSettings } from './settings.js';
import { getPointsSummary } from './summary.js';

export const pointsRoutes = routes('points', [
  defineRoute({
    method: 'GET',
    url: '/me/points',
    operationId: 'getMyPoints',
    summary: '我的积分：余额与积分明细（每笔的原因、来源和变动后余额）',
    query: statementQuery,
    response: myPointsView,
    handler: (ctx, { query }) => getMyPoints(ctx, query),
  }),

  defineRoute({
    method: 'GET',
    url: '/points/settings',
    operationId: 'getPointsSettings',
    summary: '积分规则（每小时服务积分、完成活动积分、五星好评奖励、有效期）',
    roles: staffRoles,
    response: settingsView,
    handler: (ctx) => getPointsSettings(ctx),
  }),

  defineRoute({
    method: 'PUT',
    url: '/points/settings',
    operationId: 'updatePointsSettings',
    summary: '修改积分规则（中心管理员；只影响此后获得的积分）',
    roles: ['centre_admin'],
    body: settingsBody,
    response: settingsView,
    conflict: true,
    handler: (ctx, { body }) => updatePointsSettings(ctx, body),
  }),

  defineRoute({
    method: 'GET',
    url: '/points/summary',
    operationId: 'getPointsSummary',
    summary: '管辖范围内的积分发放、兑换、过期合计',
    roles: staffRoles,
    response: summaryView,
    handler: (ctx) => getPointsSummary(ctx),
  }),

  defineRoute({
    method: 'POST',
    url: '/points/adjustments',
    operationId: 'requestPointsAdjustment',
    summary: '申请人工奖励或扣减积分（须填写理由，由另一名工作人员审批）',
    description: 'Send an Idempotency-Key header: a retried request returns the same adjustment.',
    roles: staffRoles,
    idempotent: true,
    body: adjustmentBody,
    response: adjustmentView,
    status: 201,
    conflict: true,
    handler: (ctx, { body }) => requestAdjustment(ctx, body),
  }),

  defineRoute({
    method: 'GET',
    url: '/points/adjustments',
    operationId: 'listPointsAdjustments',
    summary: '管辖范围内的积分奖励与扣减申请（默认待审批）',
    roles: staffRoles,
    query: adjustmentsQuery,
    response: adjustmentPage,
    handler: (ctx, { query }) => listAdjustments(ctx, query),
  }),

  ...(['approve', 'reject'] as const).map((decision) =>
    defineRoute({
      method: 'POST',
      url: `/points/adjustments/:id/${decision}`,
      operationId: decision === 'approve' ? 'approvePointsAdjustment' : 'rejectPointsAdjustment',
      summary: decision === 'approve' ? '批准积分奖励或扣减：记入积分账本' : '驳回积分奖励或扣减申请',
      roles: staffRoles,
      idempotent: true,
      params: idParams,
      body: decisionBody,
      response: adjustmentView,
      conflict: true,
      handler: (ctx, { params, body }) => decideAdjustment(ctx, params.id, decision, body),
    }),
  ),
]);
