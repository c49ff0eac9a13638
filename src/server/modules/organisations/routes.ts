import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { errorResponse, okResponse, responses } from '../../platform/contract.js';
import {
  changeRoleBody,
  createOrganisationBody,
  declineBody,
  invitationOut,
  inviteBody,
  joinBody,
  joinResponse,
  listOrganisationsQuery,
  listRequestsQuery,
  memberOut,
  memberParams,
  membershipRequestOut,
  myOrganisationOut,
  organisationDetail,
  organisationIdParams,
  organisationPage,
  requestParams,
  updateOrganisationBody,
} from './contract.js';
import { createOrganisation } from './create-organisation.js';
import { approveJoinRequest, declineJoinRequest, withdrawJoinRequest } from './decide-join-request.js';
import { getOrganisation } from './get-organisation.js';
import { inviteMember } from './invite-member.js';
import { joinOrganisation } from './join-organisation.js';
import { listOrganisations } from './list-organisations.js';
import { listJoinRequests, listMyInvitations } from './list-requests.js';
import { changeMemberRole, listMembers, listMyOrganisations, removeMember } from './members.js';
import { acceptInvitation, declineInvitation, revokeInvitation } from './respond-to-invitation.js';
import { updateOrganisation } from './update-organisation.js';

const tags = ['organisations'];
const withConflict = <T extends Record<number, z.ZodType>>(ok: T) => responses({ ...ok, 409: errorResponse });
const idOut = z.object({ id: z.string().uuid() });
const invitationParams = z.object({ invitationId: z.string().uuid() });

export const organisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organisations',
    {
      config: { public: true },
      schema: {
        operationId: 'listOrganisations',
        tags,
        summary: '志愿服务队与组织名录（公开字段）',
        querystring: listOrganisationsQuery,
        response: responses({ 200: organisationPage }),
      },
    },
    async (req) => listOrganisations(req.ctx(), req.query),
  );

  app.get(
    '/organisations/:id',
    {
      config: { public: true },
      schema: {
        operationId: 'getOrganisation',
        tags,
        summary: '组织详情（管理者可见完整联系电话与操作权限）',
        params: organisationIdParams,
        response: responses({ 200: organisationDetail }),
      },
    },
    async (req) => getOrganisation(req.ctx(), req.params.id),
  );

  app.post(
    '/organisations',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'createOrganisation',
        tags,
        summary: '新建组织（管辖范围内的工作人员）',
        body: createOrganisationBody,
        response: withConflict({ 201: idOut }),
      },
    },
    async (req, reply) => reply.status(201).send(await createOrganisation(req.ctx(), req.body)),
  );

  app.patch(
    '/organisations/:id',
    {
      schema: {
        operationId: 'updateOrganisation',
        tags,
        summary: '修改组织信息（类别、区域、上级、状态仅限工作人员）',
        params: organisationIdParams,
        body: updateOrganisationBody,
        response: withConflict({ 200: idOut }),
      },
    },
    async (req) => updateOrganisation(req.ctx(), req.params.id, req.body),
  );

  app.get(
    '/me/organisations',
    {
      schema: {
        operationId: 'listMyOrganisations',
        tags,
        summary: '我加入的队伍与组织',
        response: responses({ 200: z.object({ items: z.array(myOrganisationOut) }) }),
      },
    },
    async (req) => listMyOrganisations(req.ctx()),
  );

  app.post(
    '/organisations/:id/join',
    {
      schema: {
        operationId: 'joinOrganisation',
        tags,
        summary: '申请加入（开放加入的直接成为成员）',
        params: organisationIdParams,
        body: joinBody,
        response: withConflict({ 200: joinResponse }),
      },
    },
    async (req) => joinOrganisation(req.ctx(), req.params.id, req.body),
  );

  app.get(
    '/organisations/:id/join-requests',
    {
      schema: {
        operationId: 'listJoinRequests',
        tags,
        summary: '入队申请与邀请列表（队长、管理员）',
        params: organisationIdParams,
        querystring: listRequestsQuery,
        response: responses({
          200: z.object({ items: z.array(membershipRequestOut), nextCursor: z.string().nullable() }),
        }),
      },
    },
    async (req) => listJoinRequests(req.ctx(), req.params.id, req.query),
  );

  app.post(
    '/organisations/:id/join-requests/:requestId/approve',
    {
      schema: {
        operationId: 'approveJoinRequest',
        tags,
        summary: '通过入队申请',
        params: requestParams,
        response: withConflict({ 200: okResponse }),
      },
    },
    async (req) => approveJoinRequest(req.ctx(), req.params.id, req.params.requestId),
  );

  app.post(
    '/organisations/:id/join-requests/:requestId/decline',
    {
      schema: {
        operationId: 'declineJoinRequest',
        tags,
        summary: '拒绝入队申请（可填写原因）',
        params: requestParams,
        body: declineBody,
        response: withConflict({ 200: okResponse }),
      },
    },
    async (req) => declineJoinRequest(req.ctx(), req.params.id, req.params.requestId, req.body.reason),
  );

  app.post(
    '/organisations/:id/join-requests/:requestId/withdraw',
    {
      schema: {
        operationId: 'withdrawJoinRequest',
        tags,
        summary: '撤回自己的入队申请',
        params: requestParams,
        response: withConflict({ 200: okResponse }),
      },
    },
    async (req) => withdrawJoinRequest(req.ctx(), req.params.id, req.params.requestId),
  );

  app.post(
    '/organisations/:id/invitations',
    {
      schema: {
        operationId: 'inviteMember',
        tags,
        summary: '按手机号邀请加入（队长、管理员）',
        params: organisationIdParams,
        body: inviteBody,
        response: withConflict({ 201: idOut }),
      },
    },
    async (req, reply) => reply.status(201).send(await inviteMember(req.ctx(), req.params.id, req.body)),
  );

  app.post(
    '/organisations/:id/invitations/:requestId/revoke',
    {
      schema: {
        operationId: 'revokeInvitation',
        tags,
        summary: '撤回邀请',
        params: requestParams,
        response: withConflict({ 200: okResponse }),
      },
    },
    async (req) => revokeInvitation(req.ctx(), req.params.id, req.params.requestId),
  );

  app.get(
    '/me/invitations',
    {
      schema: {
        operationId: 'listMyInvitations',
        tags,
        summary: '待我答复的入队邀请',
        response: responses({ 200: z.object({ items: z.array(invitationOut) }) }),
      },
    },
    async (req) => listMyInvitations(req.ctx()),
  );

  app.post(
    '/me/invitations/:invitationId/accept',
    {
      schema: {
        operationId: 'acceptInvitation',
        tags,
        summary: '接受入队邀请',
        params: invitationParams,
        response: withConflict({ 200: okResponse }),
      },
    },
    async (req) => acceptInvitation(req.ctx(), req.params.invitationId),
  );

  app.post(
    '/me/invitations/:invitationId/decline',
    {
      schema: {
        operationId: 'declineInvitation',
        tags,
        summary: '谢绝入队邀请',
        params: invitationParams,
        response: withConflict({ 200: okResponse }),
      },
    },
    async (req) => declineInvitation(req.ctx(), req.params.invitationId),
  );

  app.get(
    '/organisations/:id/members',
    {
      schema: {
        operationId: 'listOrganisationMembers',
        tags,
        summary: '成员列表（成员与管理者可见，手机号脱敏）',
        params: organisationIdParams,
        response: responses({ 200: z.object({ items: z.array(memberOut) }) }),
      },
    },
    async (req) => listMembers(req.ctx(), req.params.id),
  );

  app.patch(
    '/organisations/:id/members/:userId',
    {
      schema: {
        operationId: 'changeMemberRole',
        tags,
        summary: '调整成员角色（队长 / 管理员 / 队员）',
        params: memberParams,
        body: changeRoleBody,
        response: withConflict({ 200: okResponse }),
      },
    },
    async (req) => changeMemberRole(req.ctx(), req.params.id, req.params.userId, req.body.role),
  );

  app.delete(
    '/organisations/:id/members/:userId',
    {
      schema: {
        operationId: 'removeMember',
        tags,
        summary: '移除成员；userId 为本人时即退出',
        params: memberParams,
        response: withConflict({ 200: okResponse }),
      },
    },
    async (req) => removeMember(req.ctx(), req.params.id, req.params.userId),
  );
};
