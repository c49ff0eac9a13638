import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffRoles } from '../../platform/access.js';
import { responses } from '../../platform/contract.js';
import { acceptOrder } from './accept-order.js';
import { batchDispatch } from './batch-dispatch.js';
import { cancelOrder } from './cancel-order.js';
import { checkInOrder } from './check-in-order.js';
import { closeOrder } from './close-order.js';
import { completeOrder } from './complete-order.js';
import {
  batchBody,
  batchView,
  candidatesQuery,
  candidatesView,
  checkInBody,
  completeBody,
  dispatchBody,
  metricsQuery,
  metricsView,
  myOrdersQuery,
  optionalReasonBody,
  orderDetail,
  orderPage,
  orderParams,
  placeOrderBody,
  rateBody,
  reasonBody,
  settingsBody,
  settingsView,
  staffOrdersQuery,
  tasksQuery,
  writeResponses,
} from './contract.js';
import { declineOrder } from './decline-order.js';
import { dispatchOrder } from './dispatch-order.js';
import { getCandidates } from './get-candidates.js';
import { getOrder } from './get-order.js';
import { listMyOrders } from './list-my-orders.js';
import { listMyTasks } from './list-my-tasks.js';
import { listOrders } from './list-orders.js';
import { orderMetrics } from './order-metrics.js';
import { placeOrder } from './place-order.js';
import { rateOrder } from './rate-order.js';
import { recallOrder } from './recall-order.js';
import { rejectOrder } from './reject-order.js';
import { reviewOrder } from './review-order.js';
import { getOrderSettings, updateOrderSettings } from './settings.js';
import { takeOverOrder } from './take-over-order.js';

const tags = ['orders'];
const staff = { roles: staffRoles };

export const ordersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/orders',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'placeOrder',
        tags,
        summary: '点单：从服务菜单下单或提交自由需求；工作人员可代居民下单（电话、上门、自助终端）',
        description: 'Send an Idempotency-Key header: a retried request returns the same order.',
        body: placeOrderBody,
        response: writeResponses({ 201: orderDetail }),
      },
    },
    async (req, reply) => reply.status(201).send(await placeOrder(req.ctx(), req.body)),
  );

  app.get(
    '/orders',
    {
      config: staff,
      schema: {
        operationId: 'listOrders',
        tags,
        summary: '管辖范围内的订单；queue=mine 为本级待办（按截止时间排序）',
        querystring: staffOrdersQuery,
        response: responses({ 200: orderPage }),
      },
    },
    async (req) => listOrders(req.ctx(), req.query),
  );

  app.get(
    '/orders/mine',
    {
      schema: {
        operationId: 'listMyOrders',
        tags,
        summary: '我的订单（居民）',
        querystring: myOrdersQuery,
        response: responses({ 200: orderPage }),
      },
    },
    async (req) => listMyOrders(req.ctx(), req.query),
  );

  app.get(
    '/orders/tasks',
    {
      schema: {
        operationId: 'listMyTasks',
        tags,
        summary: '志愿者的服务任务：我接的单、派给我的单、可抢的单',
        querystring: tasksQuery,
        response: responses({ 200: orderPage }),
      },
    },
    async (req) => listMyTasks(req.ctx(), req.query),
  );

  app.get(
    '/orders/metrics',
    {
      config: staff,
      schema: {
        operationId: 'getOrderMetrics',
        tags,
        summary: '服务质量指标：按站点、所或服务队统计订单数、接单时长中位数、接单率、完成率、满意度',
        querystring: metricsQuery,
        response: responses({ 200: metricsView }),
      },
    },
    async (req) => orderMetrics(req.ctx(), req.query),
  );

  app.get(
    '/order-settings',
    {
      config: staff,
      schema: {
        operationId: 'getOrderSettings',
        tags,
        summary: '订单时限设置（审核时限、接单时限）',
        response: responses({ 200: settingsView }),
      },
    },
    async (req) => getOrderSettings(req.ctx()),
  );

  app.put(
    '/order-settings',
    {
      config: { roles: ['centre_admin'] },
      schema: {
        operationId: 'updateOrderSettings',
        tags,
        summary: '修改订单时限（中心管理员）',
        body: settingsBody,
        response: writeResponses({ 200: settingsView }),
      },
    },
    async (req) => updateOrderSettings(req.ctx(), req.body),
  );

  app.get(
    '/orders/:id',
    {
      schema: {
        operationId: 'getOrder',
        tags,
        summary: '订单详情，含时间线、照片和当前可执行的操作',
        params: orderParams,
        response: responses({ 200: orderDetail }),
      },
    },
    async (req) => getOrder(req.ctx(), req.params.id),
  );

  app.post(
    '/orders/dispatch/batch',
    {
      config: staff,
      schema: {
        operationId: 'batchDispatchOrders',
        tags,
        summary: '批量派单：预览本级待派订单的整体最优分配，确认后逐单派出',
        body: batchBody,
        response: writeResponses({ 200: batchView }),
      },
    },
    async (req) => batchDispatch(req.ctx(), req.body),
  );

  app.get(
    '/orders/:id/candidates',
    {
      config: staff,
      schema: {
        operationId: 'getOrderCandidates',
        tags,
        summary: '精准派单：该订单的推荐志愿者（按距离、技能、评分、近期负荷排序，附推荐理由）',
        params: orderParams,
        querystring: candidatesQuery,
        response: responses({ 200: candidatesView }),
      },
    },
    async (req) => getCandidates(req.ctx(), req.params.id, req.query.k),
  );

  app.post(
    '/orders/:id/review',
    {
      schema: {
        operationId: 'reviewOrder',
        tags,
        summary: '审单：审核通过',
        params: orderParams,
        response: writeResponses({ 200: orderDetail }),
      },
    },
    async (req) => reviewOrder(req.ctx(), req.params.id),
  );

  app.post(
    '/orders/:id/reject',
    {
      schema: {
        operationId: 'rejectOrder',
        tags,
        summary: '审单：驳回（需填写原因）',
        params: orderParams,
        body: reasonBody,
        response: writeResponses({ 200: orderDetail }),
      },
    },
    async (req) => rejectOrder(req.ctx(), req.params.id, req.body.reason),
  );

  app.post(
    '/orders/:id/dispatch',
    {
      schema: {
        operationId: 'dispatchOrder',
        tags,
        summary: '派单：派给志愿者、服务队、下一级，或开放抢单',
        params: orderParams,
        body: dispatchBody,
        response: writeResponses({ 200: orderDetail }),
      },
    },
    async (req) => dispatchOrder(req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/orders/:id/recall',
    {
      schema: {
        operationId: 'recallOrder',
        tags,
        summary: '撤回派单（以便重新派单）',
        params: orderParams,
        body: optionalReasonBody,
        response: writeResponses({ 200: orderDetail }),
      },
    },
    async (req) => recallOrder(req.ctx(), req.params.id, req.body.reason),
  );

  app.post(
    '/orders/:id/take-over',
    {
      schema: {
        operationId: 'takeOverOrder',
        tags,
        summary: '层层派单：下级接收上级派来的订单',
        params: orderParams,
        response: writeResponses({ 200: orderDetail }),
      },
    },
    async (req) => takeOverOrder(req.ctx(), req.params.id),
  );

  app.post(
    '/orders/:id/accept',
    {
      schema: {
        operationId: 'acceptOrder',
        tags,
        summary: '接单或抢单（多人同时抢单只有一人成功）',
        params: orderParams,
        response: writeResponses({ 200: orderDetail }),
      },
    },
    async (req) => acceptOrder(req.ctx(), req.params.id),
  );

  app.post(
    '/orders/:id/decline',
    {
      schema: {
        operationId: 'declineOrder',
        tags,
        summary: '拒单：退回派单人（需填写原因）',
        params: orderParams,
        body: reasonBody,
        response: writeResponses({ 200: orderDetail }),
      },
    },
    async (req) => declineOrder(req.ctx(), req.params.id, req.body.reason),
  );

  app.post(
    '/orders/:id/check-in',
    {
      schema: {
        operationId: 'checkInOrder',
        tags,
        summary: '签到开始服务（记录时间和位置）',
        params: orderParams,
        body: checkInBody,
        response: writeResponses({ 200: orderDetail }),
      },
    },
    async (req) => checkInOrder(req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/orders/:id/complete',
    {
      schema: {
        operationId: 'completeOrder',
        tags,
        summary: '完成服务（服务小结和照片）',
        params: orderParams,
        body: completeBody,
        response: writeResponses({ 200: orderDetail }),
      },
    },
    async (req) => completeOrder(req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/orders/:id/rate',
    {
      schema: {
        operationId: 'rateOrder',
        tags,
        summary: '评单：居民评价（1–5星和评语）',
        params: orderParams,
        body: rateBody,
        response: writeResponses({ 200: orderDetail }),
      },
    },
    async (req) => rateOrder(req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/orders/:id/close',
    {
      schema: {
        operationId: 'closeOrder',
        tags,
        summary: '办结订单（工作人员）',
        params: orderParams,
        response: writeResponses({ 200: orderDetail }),
      },
    },
    async (req) => closeOrder(req.ctx(), req.params.id),
  );

  app.post(
    '/orders/:id/cancel',
    {
      schema: {
        operationId: 'cancelOrder',
        tags,
        summary: '取消订单（服务开始前，居民或代下单人）',
        params: orderParams,
        body: optionalReasonBody,
        response: writeResponses({ 200: orderDetail }),
      },
    },
    async (req) => cancelOrder(req.ctx(), req.params.id, req.body.reason),
  );
};
