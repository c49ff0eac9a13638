import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { errorResponse, okResponse, responses } from '../../platform/contract.js';
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

const tags = ['families'];
const withConflict = <T extends Record<number, z.ZodType>>(ok: T) => responses({ ...ok, 409: errorResponse });

export const familiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/families',
    {
      schema: {
        operationId: 'createFamily',
        tags,
        summary: '创建志愿服务家庭（本人为户主；工作人员可代为登记）',
        body: createFamilyBody,
        response: withConflict({ 201: z.object({ id: z.string().uuid() }) }),
      },
    },
    async (req, reply) => reply.status(201).send(await createFamily(req.ctx(), req.body)),
  );

  app.get(
    '/families',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'listFamilies',
        tags,
        summary: '管辖社区内的志愿服务家庭',
        querystring: listFamiliesQuery,
        response: responses({ 200: z.object({ items: z.array(familySummary), nextCursor: z.string().nullable() }) }),
      },
    },
    async (req) => listFamilies(req.ctx(), req.query),
  );

  app.get(
    '/me/family',
    {
      schema: {
        operationId: 'getMyFamily',
        tags,
        summary: '我的志愿服务家庭与待答复的邀请',
        response: responses({ 200: myFamilyResponse }),
      },
    },
    async (req) => getMyFamily(req.ctx()),
  );

  app.get(
    '/families/:id',
    {
      schema: {
        operationId: 'getFamily',
        tags,
        summary: '家庭详情（家庭成员、受邀者与管辖范围内的工作人员可见）',
        params: familyIdParams,
        response: responses({ 200: familyDetail }),
      },
    },
    async (req) => getFamily(req.ctx(), req.params.id),
  );

  app.post(
    '/families/:id/members',
    {
      schema: {
        operationId: 'addFamilyMember',
        tags,
        summary: '添加家庭成员（户主发出邀请，工作人员现场登记直接生效）',
        params: familyIdParams,
        body: addFamilyMemberBody,
        response: withConflict({ 200: z.object({ status: z.enum(['invited', 'active']) }) }),
      },
    },
    async (req) => addFamilyMember(req.ctx(), req.params.id, req.body),
  );

  app.delete(
    '/families/:id/members/:userId',
    {
      schema: {
        operationId: 'removeFamilyMember',
        tags,
        summary: '移出家庭成员或撤回邀请；userId 为本人时即退出',
        params: familyMemberParams,
        response: withConflict({ 200: okResponse }),
      },
    },
    async (req) => removeFamilyMember(req.ctx(), req.params.id, req.params.userId),
  );

  app.post(
    '/families/:id/invitation/accept',
    {
      schema: {
        operationId: 'acceptFamilyInvitation',
        tags,
        summary: '接受家庭邀请',
        params: familyIdParams,
        response: withConflict({ 200: okResponse }),
      },
    },
    async (req) => acceptFamilyInvitation(req.ctx(), req.params.id),
  );

  app.post(
    '/families/:id/invitation/decline',
    {
      schema: {
        operationId: 'declineFamilyInvitation',
        tags,
        summary: '谢绝家庭邀请',
        params: familyIdParams,
        response: withConflict({ 200: okResponse }),
      },
    },
    async (req) => declineFamilyInvitation(req.ctx(), req.params.id),
  );
};
