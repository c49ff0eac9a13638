import { z } from 'zod';
import { named } from '../../platform/contract.js';
import { defineRoute } from '../../platform/route.js';
import { blockVolunteer, getVolunteerBlock, unblockVolunteer } from './block-volunteer.js';
import { orderParams } from './contract.js';

const blockView = named(
  'VolunteerBlock',
  z.object({
    volunteerName: z.string(),
    blocked: z.boolean().describe('The volunteer is never suggested or sent to the caller’s orders'),
  }),
);

export const blockRoutes = [
  defineRoute({
    method: 'GET',
    url: '/orders/:id/volunteer-block',
    operationId: 'getVolunteerBlock',
    summary: '居民：是否已屏蔽为此订单服务的志愿者',
    params: orderParams,
    response: blockView,
    conflict: true,
    handler: (ctx, { params }) => getVolunteerBlock(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/orders/:id/volunteer-block',
    operationId: 'blockVolunteer',
    summary: '居民：服务完成后屏蔽为其服务的志愿者（今后不再推荐或派给本人的订单）',
    params: orderParams,
    response: blockView,
    conflict: true,
    handler: (ctx, { params }) => blockVolunteer(ctx, params.id),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/orders/:id/volunteer-block',
    operationId: 'unblockVolunteer',
    summary: '居民：撤销屏蔽',
    params: orderParams,
    response: blockView,
    conflict: true,
    handler: (ctx, { params }) => unblockVolunteer(ctx, params.id),
  }),
];
