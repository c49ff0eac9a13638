import { defineRoute } from '../../platform/route.js';
import { kioskOrderBody, kioskParams, kioskReceipt } from './kiosk-contract.js';
import { placeKioskOrder } from './place-kiosk-order.js';

export const kioskRoutes = [
  defineRoute({
    method: 'POST',
    url: '/public/kiosk/:siteId/orders',
    operationId: 'placeKioskOrder',
    summary: '自助终端点单（公开，无需登录）：在站点的触屏终端上从服务菜单下单，由站点审核',
    description:
      'Limited per network address (10 in 10 minutes), per kiosk (KIOSK_ORDERS_PER_HOUR) and per phone (3 a day). Send an Idempotency-Key header: a retried request returns the same receipt.',
    public: true,
    idempotent: true,
    // A kiosk stands at one address: this keeps a script on the same network from flooding the queue.
    config: { rateLimit: { max: 10, timeWindow: '10 minutes' } },
    params: kioskParams,
    body: kioskOrderBody,
    response: kioskReceipt,
    status: 201,
    conflict: true,
    handler: (ctx, { params, body }) => placeKioskOrder(ctx, params.siteId, body),
  }),
];
