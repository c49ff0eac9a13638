import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { named, pageQuery } from '../../platform/contract.js';
import { zhEn } from '../../platform/validation-messages.js';
import { providerKinds } from './schema.js';

const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, { message: zhEn('编码为小写字母、数字或下划线', 'Lowercase letters, digits, _') });
export const regionCode = z
  .string()
  .regex(/^\d{6}(\d{3}){0,2}$/, { message: zhEn('行政区划代码为6、9或12位数字', 'A 6, 9 or 12 digit region code') });
const text = (max: number) => z.string().trim().min(1).max(max);

export const categoryView = named(
  'ServiceCategory',
  z.object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    sort: z.number().int(),
    active: z.boolean(),
  }),
);

export const categoryParams = z.object({ code });
export const saveCategoryBody = z.object({
  name: text(textLimits.serviceCategoryName),
  nameEn: text(textLimits.serviceCategoryNameEn),
  sort: z.number().int().min(0).max(10000).default(0),
  active: z.boolean().default(true),
});

export const itemParams = z.object({ id: z.string().uuid() });

const itemFields = {
  categoryCode: code,
  title: text(textLimits.menuItemTitle),
  description: z.string().trim().max(textLimits.menuItemDescription).default(''),
  providerKind: z.enum(providerKinds).describe('team: offered by an organisation; project: by a named project'),
  organisationId: z.string().uuid().nullable().default(null),
  projectName: z.string().trim().max(textLimits.menuItemProjectName).nullable().default(null),
  regionCode: regionCode.optional().describe("The item's home region; default the team's home region"),
  requiredSkills: z.array(code).max(10).default([]).describe('Skill codes a volunteer needs to serve it'),
  areaCodes: z.array(regionCode).min(1).max(50).describe('Regions served (each with its subtree)'),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  capacity: z.number().int().min(1).max(1000).describe('Orders of this item open at once'),
  active: z.boolean().default(true),
};

export const createItemBody = z.object(itemFields).refine((b) => b.providerKind !== 'team' || b.organisationId, {
  message: zhEn('服务队提供的服务需选择服务队', 'Choose the team that offers it'),
  path: ['organisationId'],
});

export const updateItemBody = z.object({
  categoryCode: itemFields.categoryCode.optional(),
  title: itemFields.title.optional(),
  description: z.string().trim().max(textLimits.menuItemDescription).optional(),
  projectName: z.string().trim().max(textLimits.menuItemProjectName).nullable().optional(),
  requiredSkills: z.array(code).max(10).optional(),
  areaCodes: z.array(regionCode).min(1).max(50).optional(),
  durationMinutes: itemFields.durationMinutes.optional(),
  capacity: itemFields.capacity.optional(),
  active: z.boolean().optional(),
});

export const itemView = named(
  'ServiceMenuItem',
  z.object({
    id: z.string().uuid(),
    categoryCode: z.string(),
    categoryName: z.string(),
    categoryNameEn: z.string(),
    title: z.string(),
    description: z.string(),
    providerKind: z.enum(providerKinds),
    organisationId: z.string().uuid().nullable(),
    organisationName: z.string().nullable(),
    projectName: z.string().nullable(),
    regionCode: z.string(),
    requiredSkills: z.array(z.string()),
    areaCodes: z.array(z.string()),
    durationMinutes: z.number().int(),
    capacity: z.number().int(),
    active: z.boolean(),
    createdAt: z.string().datetime({ offset: true }),
  }),
);

export const itemPage = z.object({ items: z.array(itemView), nextCursor: z.string().nullable() });

export const browseQuery = pageQuery.extend({
  category: code.optional(),
  regionCode: regionCode.optional().describe('Items serving this community (or region)'),
  lng: z.coerce.number().min(-180).max(180).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  q: z.string().trim().max(40).optional().describe('Words in the title'),
});

export const staffItemsQuery = pageQuery.extend({
  category: code.optional(),
  regionCode: regionCode.optional(),
  organisationId: z.string().uuid().optional(),
  active: z.enum(['true', 'false', 'all']).default('all'),
});

export const browseResponse = itemPage.extend({
  regionCode: z.string().nullable().describe('The community the area filter used (from regionCode or the point)'),
});
