import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { named, pageQuery, phoneSchema } from '../../platform/contract.js';
import { zhEn } from '../../platform/validation-messages.js';
import { familyMemberStatuses, familyRelations } from './schema.js';

const iso = z.string().datetime({ offset: true });
const regionCode = z.string().regex(/^\d{12}$/, { message: zhEn('请选择社区', 'Choose a community') });

export const familyRelation = named('FamilyRelation', z.enum(familyRelations));
export const familyMemberStatus = named('FamilyMemberStatus', z.enum(familyMemberStatuses));

export const familyIdParams = z.object({ id: z.string().uuid() });
export const familyMemberParams = z.object({ id: z.string().uuid(), userId: z.string().uuid() });

export const createFamilyBody = z.object({
  name: z
    .string()
    .trim()
    .min(2, { message: zhEn('名称至少2个字', 'At least 2 characters') })
    .max(textLimits.familyName),
  regionCode: regionCode.describe('Home community'),
  headPhone: phoneSchema
    .optional()
    .describe('Staff at the desk: the head of the family. Omitted: the caller becomes the head.'),
});

export const addFamilyMemberBody = z.object({
  phone: phoneSchema,
  relation: familyRelation.exclude(['self']).describe('Relation to the head of the family'),
});

export const familyMemberOut = named(
  'FamilyMember',
  z.object({
    userId: z.string().uuid(),
    displayName: z.string(),
    phone: z.string().nullable().describe('Masked'),
    relation: familyRelation,
    status: familyMemberStatus,
    joinedAt: iso.nullable(),
  }),
);

export const familySummary = named(
  'FamilySummary',
  z.object({
    id: z.string().uuid(),
    name: z.string(),
    region: z.object({ code: z.string(), name: z.string() }),
    head: z.object({ userId: z.string().uuid(), displayName: z.string() }),
    memberCount: z.number().int().describe('Active members, the head included'),
    createdAt: iso,
  }),
);

export const familyDetail = named(
  'FamilyDetail',
  familySummary.extend({
    members: z.array(familyMemberOut),
    can: z.object({
      manage: z.boolean().describe('Add and remove members (the head, or staff in scope)'),
      leave: z.boolean(),
      respond: z.boolean().describe('The caller is invited and may accept or decline'),
    }),
  }),
);

export const listFamiliesQuery = pageQuery.extend({
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/)
    .optional(),
});

export const myFamilyResponse = named(
  'MyFamily',
  z.object({
    family: familyDetail.nullable(),
    invitations: z.array(
      z.object({
        familyId: z.string().uuid(),
        name: z.string(),
        headName: z.string(),
        relation: familyRelation,
        createdAt: iso,
      }),
    ),
  }),
);
