import { staffRoles } from '../../platform/access.js';
import { defineRoute, routes } from '../../platform/route.js';
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
import { blockRoutes } from './routes-blocks.js';
import { kioskRoutes } from './routes-kiosk.js';
import { getOrderSettings, updateOrderSettings } from './settings.js';
import { takeOverOrder } from './take-over-order.js';

export const ordersRoutes = routes('orders', [
  defineRoute({
    method: 'POST',
    url: '/orders',
    operationId: 'placeOrder',
    summary: '点单：从服务菜单下单或提交自由需求；工作人员可代居民下单（电话、上门、自助终端）',
    description: 'Send an Idempotency-Key header: a retried request returns the same order.',
    idempotent: true,
    body: placeOrderBody,
    response: orderDetail,
    status: 201,
    conflict: true,
    handler: (ctx, { body }) => placeOrder(ctx, body),
  }),

  defineRoute({
    method: 'GET',
    url: '/orders',
    operationId: 'listOrders',
    summary: '管辖范围内的订单；queue=mine 为本级待办（按截止时间排序）',
    roles: staffRoles,
    query: staffOrdersQuery,
    response: orderPage,
    handler: (ctx, { query }) => listOrders(ctx, query),
  }),

  defineRoute({
    method: 'GET',
    url: '/orders/mine',
    operationId: 'listMyOrders',
    summary: '我的订单（居民）',
    query: myOrdersQuery,
    response: orderPage,
    handler: (ctx, { query }) => listMyOrders(ctx, query),
  }),

  defineRoute({
    method: 'GET',
    url: '/orders/tasks',
    operationId: 'listMyTasks',
    summary: '志愿者的服务任务：我接的单、派给我的单、可抢的单',
    query: tasksQuery,
    response: orderPage,
    handler: (ctx, { query }) => listMyTasks(ctx, query),
  }),

  defineRoute({
    method: 'GET',
    url: '/orders/metrics',
    operationId: 'getOrderMetrics',
    summary: '服务质量指标：按站点、所或服务队统计订单数、接单时长中位数、接单率、完成率、满意度',
    roles: staffRoles,
    query: metricsQuery,
    response: metricsView,
    handler: (ctx, { query }) => orderMetrics(ctx, query),
  }),

  defineRoute({
    method: 'GET',
    url: '/order-settings',
    operationId: 'getOrderSettings',
    summary: '订单时限设置（审核时限、接单时限）',
    roles: staffRoles,
    response: settingsView,
    handler: (ctx) => getOrderSettings(ctx),
  }),

  defineRoute({
    method: 'PUT',
    url: '/order-settings',
    operationId: 'updateOrderSettings',
    summary: '修改订单时限（中心管理员）',
    roles: ['centre_admin'],
    body: settingsBody,
    response: settingsView,
    conflict: true,
    handler: (ctx, { body }) => updateOrderSettings(ctx, body),
  }),

  defineRoute({
    method: 'GET',
    url: '/orders/:id',
    operationId: 'getOrder',
    summary: '订单详情，含时间线、照片和当前可执行的操作',
    params: orderParams,
    response: orderDetail,
    handler: (ctx, { params }) => getOrder(ctx, params.id),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/dispatch/batch',
    operationId: 'batchDispatchOrders',
    summary: '批量派单：预览本级待派订单的整体最优分配，确认后逐单派出',
    roles: staffRoles,
    body: batchBody,
    response: batchView,
    conflict: true,
    handler: (ctx, { body }) => batchDispatch(ctx, body),
  }),

  defineRoute({
    method: 'GET',
    url: '/orders/:id/candidates',
    operationId: 'getOrderCandidates',
    summary: '精准派单：该订单的推荐志愿者（按距离、技能、评分、近期负荷排序，附推荐理由）',
    roles: staffRoles,
    params: orderParams,
    query: candidatesQuery,
    response: candidatesView,
    handler: (ctx, { params, query }) => getCandidates(ctx, params.id, query.k),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/:id/review',
    operationId: 'reviewOrder',
    summary: '审单：审核通过',
    params: orderParams,
    response: orderDetail,
    conflict: true,
    handler: (ctx, { params }) => reviewOrder(ctx, params.id),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/:id/reject',
    operationId: 'rejectOrder',
    summary: '审单：驳回（需填写原因）',
    params: orderParams,
    body: reasonBody,
    response: orderDetail,
    conflict: true,
    handler: (ctx, { params, body }) => rejectOrder(ctx, params.id, body.reason),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/:id/dispatch',
    operationId: 'dispatchOrder',
    summary: '派单：派给志愿者、服务队、下一级，或开放抢单',
    params: orderParams,
    body: dispatchBody,
    response: orderDetail,
    conflict: true,
    handler: (ctx, { params, body }) => dispatchOrder(ctx, params.id, body),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/:id/recall',
    operationId: 'recallOrder',
    summary: '撤回派单（以便重新派单）',
    params: orderParams,
    body: optionalReasonBody,
    response: orderDetail,
    conflict: true,
    handler: (ctx, { params, body }) => recallOrder(ctx, params.id, body.reason),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/:id/take-over',
    operationId: 'takeOverOrder',
    summary: '层层派单：下级接收上级派来的订单',
    params: orderParams,
    response: orderDetail,
    conflict: true,
    handler: (ctx, { params }) => takeOverOrder(ctx, params.id),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/:id/accept',
    operationId: 'acceptOrder',
    summary: '接单或抢单（多人同时抢单只有一人成功）',
    params: orderParams,
    response: orderDetail,
    conflict: true,
    handler: (ctx, { params }) => acceptOrder(ctx, params.id),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/:id/decline',
    operationId: 'declineOrder',
    summary: '拒单：退回派单人（需填写原因）',
    params: orderParams,
    body: reasonBody,
    response: orderDetail,
    conflict: true,
    handler: (ctx, { params, body }) => declineOrder(ctx, params.id, body.reason),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/:id/check-in',
    operationId: 'checkInOrder',
    summary: '签到开始服务（记录时间和位置）',
    params: orderParams,
    body: checkInBody,
    response: orderDetail,
    conflict: true,
    handler: (ctx, { params, body }) => checkInOrder(ctx, params.id, body),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/:id/complete',
    operationId: 'completeOrder',
    summary: '完成服务（服务小结和照片）',
    params: orderParams,
    body: completeBody,
    response: orderDetail,
    conflict: true,
    handler: (ctx, { params, body }) => completeOrder(ctx, params.id, body),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/:id/rate',
    operationId: 'rateOrder',
    summary: '评单：居民评价（1–5星和评语）',
    params: orderParams,
    body: rateBody,
    response: orderDetail,
    conflict: true,
    handler: (ctx, { params, body }) => rateOrder(ctx, params.id, body),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/:id/close',
    operationId: 'closeOrder',
    summary: '办结订单（工作人员）',
    params: orderParams,
    response: orderDetail,
    conflict: true,
    handler: (ctx, { params }) => closeOrder(ctx, params.id),
  }),

  defineRoute({
    method: 'POST',
    url: '/orders/:id/cancel',
    operationId: 'cancelOrder',
    summary: '取消订单（服务开始前，居民或代下单人）',
    params: orderParams,
    body: optionalReasonBody,
    response: orderDetail,
    conflict: true,
    handler: (ctx, { params, body }) => cancelOrder(ctx, params.id, body.reason),
  }),
  ...kioskRoutes,
  ...blockRoutes,
]);
