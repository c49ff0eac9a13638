import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { okResponse } from '../../platform/contract.js';
import { defineRoute, routes } from '../../platform/route.js';
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

const idOut = z.object({ id: z.string().uuid() });
const invitationParams = z.object({ invitationId: z.string().uuid() });

export const organisationsRoutes = routes('organisations', [
  defineRoute({
    method: 'GET',
    url: '/organisations',
    operationId: 'listOrganisations',
    summary: '志愿服务队与组织名录（公开字段）',
    public: true,
    query: listOrganisationsQuery,
    response: organisationPage,
    handler: (ctx, { query }) => listOrganisations(ctx, query),
  }),

  defineRoute({
    method: 'GET',
    url: '/organisations/:id',
    operationId: 'getOrganisation',
    summary: '组织详情（管理者可见完整联系电话与操作权限）',
    public: true,
    params: organisationIdParams,
    response: organisationDetail,
    handler: (ctx, { params }) => getOrganisation(ctx, params.id),
  }),

  defineRoute({
    method: 'POST',
    url: '/organisations',
    operationId: 'createOrganisation',
    summary: '新建组织（管辖范围内的工作人员）',
    roles: staffRoles,
    body: createOrganisationBody,
    response: idOut,
    status: 201,
    conflict: true,
    handler: (ctx, { body }) => createOrganisation(ctx, body),
  }),

  defineRoute({
    method: 'PATCH',
    url: '/organisations/:id',
    operationId: 'updateOrganisation',
    summary: '修改组织信息（类别、区域、上级、状态仅限工作人员）',
    params: organisationIdParams,
    body: updateOrganisationBody,
    response: idOut,
    conflict: true,
    handler: (ctx, { params, body }) => updateOrganisation(ctx, params.id, body),
  }),

  defineRoute({
    method: 'GET',
    url: '/me/organisations',
    operationId: 'listMyOrganisations',
    summary: '我加入的队伍与组织',
    response: z.object({ items: z.array(myOrganisationOut) }),
    handler: (ctx) => listMyOrganisations(ctx),
  }),

  defineRoute({
    method: 'POST',
    url: '/organisations/:id/join',
    operationId: 'joinOrganisation',
    summary: '申请加入（开放加入的直接成为成员）',
    params: organisationIdParams,
    body: joinBody,
    response: joinResponse,
    conflict: true,
    handler: (ctx, { params, body }) => joinOrganisation(ctx, params.id, body),
  }),

  defineRoute({
    method: 'GET',
    url: '/organisations/:id/join-requests',
    operationId: 'listJoinRequests',
    summary: '入队申请与邀请列表（队长、管理员）',
    params: organisationIdParams,
    query: listRequestsQuery,
    response: z.object({ items: z.array(membershipRequestOut), nextCursor: z.string().nullable() }),
    handler: (ctx, { params, query }) => listJoinRequests(ctx, params.id, query),
  }),

  defineRoute({
    method: 'POST',
    url: '/organisations/:id/join-requests/:requestId/approve',
    operationId: 'approveJoinRequest',
    summary: '通过入队申请',
    params: requestParams,
    response: okResponse,
    conflict: true,
    handler: (ctx, { params }) => approveJoinRequest(ctx, params.id, params.requestId),
  }),

  defineRoute({
    method: 'POST',
    url: '/organisations/:id/join-requests/:requestId/decline',
    operationId: 'declineJoinRequest',
    summary: '拒绝入队申请（可填写原因）',
    params: requestParams,
    body: declineBody,
    response: okResponse,
    conflict: true,
    handler: (ctx, { params, body }) => declineJoinRequest(ctx, params.id, params.requestId, body.reason),
  }),

  defineRoute({
    method: 'POST',
    url: '/organisations/:id/join-requests/:requestId/withdraw',
    operationId: 'withdrawJoinRequest',
    summary: '撤回自己的入队申请',
    params: requestParams,
    response: okResponse,
    conflict: true,
    handler: (ctx, { params }) => withdrawJoinRequest(ctx, params.id, params.requestId),
  }),

  defineRoute({
    method: 'POST',
    url: '/organisations/:id/invitations',
    operationId: 'inviteMember',
    summary: '按手机号邀请加入（队长、管理员）',
    params: organisationIdParams,
    body: inviteBody,
    response: idOut,
    status: 201,
    conflict: true,
    handler: (ctx, { params, body }) => inviteMember(ctx, params.id, body),
  }),

  defineRoute({
    method: 'POST',
    url: '/organisations/:id/invitations/:requestId/revoke',
    operationId: 'revokeInvitation',
    summary: '撤回邀请',
    params: requestParams,
    response: okResponse,
    conflict: true,
    handler: (ctx, { params }) => revokeInvitation(ctx, params.id, params.requestId),
  }),

  defineRoute({
    method: 'GET',
    url: '/me/invitations',
    operationId: 'listMyInvitations',
    summary: '待我答复的入队邀请',
    response: z.object({ items: z.array(invitationOut) }),
    handler: (ctx) => listMyInvitations(ctx),
  }),

  defineRoute({
    method: 'POST',
    url: '/me/invitations/:invitationId/accept',
    operationId: 'acceptInvitation',
    summary: '接受入队邀请',
    params: invitationParams,
    response: okResponse,
    conflict: true,
    handler: (ctx, { params }) => acceptInvitation(ctx, params.invitationId),
  }),

  defineRoute({
    method: 'POST',
    url: '/me/invitations/:invitationId/decline',
    operationId: 'declineInvitation',
    summary: '谢绝入队邀请',
    params: invitationParams,
    response: okResponse,
    conflict: true,
    handler: (ctx, { params }) => declineInvitation(ctx, params.invitationId),
  }),

  defineRoute({
    method: 'GET',
    url: '/organisations/:id/members',
    operationId: 'listOrganisationMembers',
    summary: '成员列表（成员与管理者可见，手机号脱敏）',
    params: organisationIdParams,
    response: z.object({ items: z.array(memberOut) }),
    handler: (ctx, { params }) => listMembers(ctx, params.id),
  }),

  defineRoute({
    method: 'PATCH',
    url: '/organisations/:id/members/:userId',
    operationId: 'changeMemberRole',
    summary: '调整成员角色（队长 / 管理员 / 队员）',
    params: memberParams,
    body: changeRoleBody,
    response: okResponse,
    conflict: true,
    handler: (ctx, { params, body }) => changeMemberRole(ctx, params.id, params.userId, body.role),
  }),

  defineRoute({
    method: 'DELETE',
    url: '/organisations/:id/members/:userId',
    operationId: 'removeMember',
    summary: '移除成员；userId 为本人时即退出',
    params: memberParams,
    response: okResponse,
    conflict: true,
    handler: (ctx, { params }) => removeMember(ctx, params.id, params.userId),
  }),
]);
