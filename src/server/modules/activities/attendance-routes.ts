import { defineRoute } from '../../platform/route.js';
import { attendanceBody, attendanceResult, checkinCodeView, handCheckInBody } from './attendance-contract.js';
import { checkIn } from './check-in.js';
import { checkOut } from './check-out.js';
import { idParams } from './contract.js';
import { getCheckinCode } from './get-checkin-code.js';
import { handCheckIn } from './hand-check-in.js';

const retried = 'Idempotent: a retried scan (or an Idempotency-Key retry) answers with the first result.';

/** Registered first, within the module's routes. */
export const attendanceRoutes = [
  defineRoute({
    method: 'GET',
    url: '/activity-sessions/:id/checkin-code',
    operationId: 'getActivityCheckinCode',
    summary: '现场屏幕（展示模式）：当前的签到二维码与6位签到码，约每10秒更新（组织者）',
    params: idParams,
    response: checkinCodeView,
    conflict: true,
    handler: (ctx, { params }) => getCheckinCode(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/activity-checkins',
    operationId: 'checkInToActivity',
    summary: '签到：扫描现场二维码、输入签到码或仅凭定位，须在活动地点的签到范围内',
    description: retried,
    idempotent: true,
    body: attendanceBody,
    response: attendanceResult,
    conflict: true,
    handler: (ctx, { body }) => checkIn(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/activity-checkouts',
    operationId: 'checkOutOfActivity',
    summary: '签退：与签到方式相同；活动时段内的服务时长记为待确认的服务记录',
    description: retried,
    idempotent: true,
    body: attendanceBody,
    response: attendanceResult,
    conflict: true,
    handler: (ctx, { body }) => checkOut(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/activity-sessions/:id/attendance',
    operationId: 'handCheckInToActivity',
    summary: '代签到：组织者为志愿者手工签到，须填写原因（记入审计日志）',
    idempotent: true,
    params: idParams,
    body: handCheckInBody,
    response: attendanceResult,
    conflict: true,
    handler: (ctx, { params, body }) => handCheckIn(ctx, params.id, body),
  }),
];
