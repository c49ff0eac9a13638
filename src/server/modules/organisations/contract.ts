import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { named, pageQuery, phoneSchema } from '../../platform/contract.js';
import { multiline } from '../../platform/input-guard.js';
import { zhEn } from '../../platform/validation-messages.js';
import { memberRoles, membershipRequestKinds, membershipRequestStatuses } from './members-schema.js';
import { joinModes, organisationKinds, organisationStatuses } from './schema.js';

const regionCode = z.string().regex(/^\d{6,12}$/, { message: zhEn('区域代码格式不正确', 'Invalid region code') });
const iso = z.string().datetime({ offset: true });
const name = z
  .string()
  .trim()
  .min(2, { message: zhEn('名称至少2个字', 'At least 2 characters') })
  .max(textLimits.organisationName);

export const organisationKind = named('OrganisationKind', z.enum(organisationKinds));
export const organisationStatus = named('OrganisationStatus', z.enum(organisationStatuses));
export const joinMode = named('JoinMode', z.enum(joinModes));
export const memberRole = named('MemberRole', z.enum(memberRoles));
export const membershipRequestKind = named('MembershipRequestKind', z.enum(membershipRequestKinds));
export const membershipRequestStatus = named('MembershipRequestStatus', z.enum(membershipRequestStatuses));

export const organisationIdParams = z.object({ id: z.string().uuid() });

export const listOrganisationsQuery = pageQuery.extend({
  kind: organisationKind.optional(),
  regionCode: regionCode.optional().describe('Only organisations whose home region lies in this subtree'),
  q: z.string().trim().max(60).optional().describe('Part of the name'),
  status: organisationStatus.default('active'),
});

const regionOut = z.object({ code: z.string(), name: z.string() });

export const organisationSummary = named(
  'OrganisationSummary',
  z.object({
    id: z.string().uuid(),
    kind: organisationKind,
    name: z.string(),
    region: regionOut,
    parent: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
    description: z.string().nullable(),
    contactPhone: z.string().nullable().describe('Masked (138****0005) unless the caller manages the organisation'),
    joinMode: joinMode,
    status: organisationStatus,
    memberCount: z.number().int(),
    createdAt: iso,
  }),
);

export const organisationDetail = named(
  'OrganisationDetail',
  organisationSummary.extend({
    my: z.object({
      role: memberRole.nullable().describe('The caller’s membership role'),
      pending: z
        .object({ id: z.string().uuid(), kind: membershipRequestKind })
        .nullable()
        .describe('The caller’s open join request or invitation'),
    }),
    can: z.object({
      join: z.boolean().describe('May ask to join (or join at once when the mode is open)'),
      manage: z.boolean().describe('Members, requests and invitations'),
      edit: z.boolean().describe('Name, description, contact phone, join mode'),
      administer: z.boolean().describe('Kind, home region, parent and status (staff in scope)'),
    }),
  }),
);

export const organisationPage = named(
  'OrganisationPage',
  z.object({ items: z.array(organisationSummary), nextCursor: z.string().nullable() }),
);

export const createOrganisationBody = z.object({
  kind: organisationKind,
  name,
  regionCode,
  parentId: z.string().uuid().nullable().optional(),
  description: multiline(z.string().trim().max(textLimits.organisationDescription)).nullable().optional(),
  contactPhone: phoneSchema.nullable().optional(),
  joinMode: joinMode.default('approval'),
  leaderPhone: phoneSchema.optional().describe('An existing user who becomes the first leader'),
});

export const updateOrganisationBody = z
  .object({
    name,
    description: multiline(z.string().trim().max(textLimits.organisationDescription)).nullable(),
    contactPhone: phoneSchema.nullable(),
    joinMode: joinMode,
    kind: organisationKind,
    regionCode,
    parentId: z.string().uuid().nullable(),
    status: organisationStatus,
  })
  .partial();

export const joinBody = z.object({ message: multiline(z.string().trim().max(textLimits.joinMessage)).optional() });
export const joinResponse = named(
  'JoinResult',
  z.object({
    outcome: z.enum(['joined', 'requested']).describe('joined: open team; requested: waits for a leader'),
    requestId: z.string().uuid().nullable(),
  }),
);

export const requestParams = z.object({ id: z.string().uuid(), requestId: z.string().uuid() });

export const membershipRequestOut = named(
  'MembershipRequest',
  z.object({
    id: z.string().uuid(),
    kind: membershipRequestKind,
    status: membershipRequestStatus,
    role: memberRole,
    user: z.object({ id: z.string().uuid(), displayName: z.string(), phone: z.string().nullable() }),
    message: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: iso,
    decidedAt: iso.nullable(),
  }),
);

export const listRequestsQuery = pageQuery.extend({
  status: membershipRequestStatus.default('pending'),
  kind: membershipRequestKind.default('request'),
});

export const declineBody = z.object({
  reason: multiline(z.string().trim().max(textLimits.joinDeclineReason)).optional(),
});

export const inviteBody = z.object({
  phone: phoneSchema,
  role: memberRole.default('member'),
  message: multiline(z.string().trim().max(textLimits.invitationMessage)).optional(),
});

export const invitationOut = named(
  'OrganisationInvitation',
  z.object({
    id: z.string().uuid(),
    organisation: z.object({ id: z.string().uuid(), name: z.string(), kind: organisationKind }),
    role: memberRole,
    message: z.string().nullable(),
    invitedBy: z.string().describe('Display name of the inviter'),
    createdAt: iso,
  }),
);

export const memberOut = named(
  'OrganisationMember',
  z.object({
    userId: z.string().uuid(),
    displayName: z.string(),
    phone: z.string().nullable().describe('Masked'),
    role: memberRole,
    joinedAt: iso,
  }),
);

export const memberParams = z.object({ id: z.string().uuid(), userId: z.string().uuid() });
export const changeRoleBody = z.object({ role: memberRole });

export const myOrganisationOut = named(
  'MyOrganisation',
  z.object({
    id: z.string().uuid(),
    kind: organisationKind,
    name: z.string(),
    role: memberRole.nullable().describe('null: managed through an org_admin grant without membership'),
    manages: z.boolean().describe('Leader or admin member, or org_admin grant holder'),
    joinedAt: iso.nullable(),
  }),
);
