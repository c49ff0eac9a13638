import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { okResponse } from '../../platform/contract.js';
import { defineRoute, routes } from '../../platform/route.js';
import {
  addFamilyMemberBody,
  createFamilyBody,
  familyDetail,
  familyIdParams,
  familyMemberParams,
  familySummary,
  listFamiliesQuery,
  myFamilyResponse,
} from './contract.js';
import { createFamily } from './create-family.js';
import {
  acceptFamilyInvitation,
  addFamilyMember,
  declineFamilyInvitation,
  removeFamilyMember,
} from './family-members.js';
import { getFamily, getMyFamily } from './get-family.js';
import { listFamilies } from './list-families.js';

export const familiesRoutes = routes('families', [
  defineRoute({
    method: 'POST',
    url: '/families',
    operationId: 'createFamily',
    summary: '创建志愿服务家庭（本人为户主；工作人员可代为登记）',
    body: createFamilyBody,
    response: z.object({ id: z.string().uuid() }),
    status: 201,
    conflict: true,
    handler: (ctx, { body }) => createFamily(ctx, body),
  }),

  defineRoute({
    method: 'GET',
    url: '/families',
    operationId: 'listFamilies',
    summary: '管辖社区内的志愿服务家庭',
    roles: staffRoles,
    query: listFamiliesQuery,
    response: z.object({ items: z.array(familySummary), nextCursor: z.string().nullable() }),
    handler: (ctx, { query }) => listFamilies(ctx, query),
  }),

  defineRoute({
    method: 'GET',
    url: '/me/family',
    operationId: 'getMyFamily',
    summary: '我的志愿服务家庭与待答复的邀请',
    response: myFamilyResponse,
    handler: (ctx) => getMyFamily(ctx),
  }),

  defineRoute({
    method: 'GET',
    url: '/families/:id',
    operationId: 'getFamily',
    summary: '家庭详情（家庭成员、受邀者与管辖范围内的工作人员可见）',
    params: familyIdParams,
    response: familyDetail,
    handler: (ctx, { params }) => getFamily(ctx, params.id),
  }),

  defineRoute({
    method: 'POST',
    url: '/families/:id/members',
    operationId: 'addFamilyMember',
    summary: '添加家庭成员（户主发出邀请，工作人员现场登记直接生效）',
    params: familyIdParams,
    body: addFamilyMemberBody,
    response: z.object({ status: z.enum(['invited', 'active']) }),
    conflict: true,
    handler: (ctx, { params, body }) => addFamilyMember(ctx, params.id, body),
  }),

  defineRoute({
    method: 'DELETE',
    url: '/families/:id/members/:userId',
    operationId: 'removeFamilyMember',
    summary: '移出家庭成员或撤回邀请；userId 为本人时即退出',
    params: familyMemberParams,
    response: okResponse,
    conflict: true,
    handler: (ctx, { params }) => removeFamilyMember(ctx, params.id, params.userId),
  }),

  defineRoute({
    method: 'POST',
    url: '/families/:id/invitation/accept',
    operationId: 'acceptFamilyInvitation',
    summary: '接受家庭邀请',
    params: familyIdParams,
    response: okResponse,
    conflict: true,
    handler: (ctx, { params }) => acceptFamilyInvitation(ctx, params.id),
  }),

  defineRoute({
    method: 'POST',
    url: '/families/:id/invitation/decline',
    operationId: 'declineFamilyInvitation',
    summary: '谢绝家庭邀请',
    params: familyIdParams,
    response: okResponse,
    conflict: true,
    handler: (ctx, { params }) => declineFamilyInvitation(ctx, params.id),
  }),
]);
