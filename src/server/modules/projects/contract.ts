import { z } from 'zod';
import { organisationKinds } from '../../../shared/organisation-kinds.js';
import { textLimits } from '../../../shared/text-limits.js';
import { named, pageQuery, phoneSchema } from '../../platform/contract.js';
import { libraryStates, optionalProjectFields, projectCategories, projectLevels, projectStates } from './schema.js';

const time = z.string().datetime({ offset: true });
const id = z.string().uuid();
const text = (max: number) => z.string().trim().max(max);
const regionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/);
const label = z.object({ zh: z.string(), en: z.string() });

export const idParams = z.object({ id });

// ── calls ─────────────────────────────────────────────────────────────────────────────────────

export const createCallBody = z.object({
  title: text(textLimits.projectCallTitle).min(1),
  description: text(textLimits.projectCallDescription).default(''),
  level: z.enum(projectLevels).describe('district: 区级; subdistrict: 街道/社区级'),
  regionCode: regionCode.describe('The issuing region: the district, or a subdistrict for a subdistrict-level call'),
  year: z.number().int().min(2000).max(2100),
  opensAt: time,
  closesAt: time,
  eligibleKinds: z.array(z.enum(organisationKinds)).max(organisationKinds.length).default([]),
  requiredFields: z.array(z.enum(optionalProjectFields)).max(optionalProjectFields.length).default([]),
  requiredAttachments: z.array(text(50).min(1)).max(10).default([]),
});

export const updateCallBody = createCallBody
  .omit({ level: true, regionCode: true })
  .extend({
    description: createCallBody.shape.description.removeDefault(),
    eligibleKinds: createCallBody.shape.eligibleKinds.removeDefault(),
    requiredFields: createCallBody.shape.requiredFields.removeDefault(),
    requiredAttachments: createCallBody.shape.requiredAttachments.removeDefault(),
  })
  .partial();

export const projectCall = named(
  'ProjectCall',
  z.object({
    id,
    title: z.string(),
    description: z.string(),
    level: z.enum(projectLevels),
    regionCode: z.string(),
    year: z.number().int(),
    opensAt: time,
    closesAt: time,
    open: z.boolean().describe('Submissions are accepted now'),
    eligibleKinds: z.array(z.enum(organisationKinds)),
    requiredFields: z.array(z.enum(optionalProjectFields)),
    requiredAttachments: z.array(z.string()),
    projects: z.number().int().describe('Projects submitted to it (drafts excluded)'),
    synthetic: z.boolean(),
  }),
);
export const callPage = z.object({ items: z.array(projectCall), nextCursor: z.string().nullable() });
export const callsQuery = pageQuery.extend({ open: z.enum(['true', 'false']).optional() });

// ── projects ──────────────────────────────────────────────────────────────────────────────────

const draftFields = {
  name: text(textLimits.projectName).min(1),
  category: z.enum(projectCategories),
  brandId: id.nullable().optional(),
  seriesId: id.nullable().optional().describe('A themed series of the brand'),
  objectives: text(textLimits.projectSummary),
  beneficiaries: text(textLimits.projectSummary),
  contactName: text(textLimits.projectContactName).min(1),
  contactPhone: phoneSchema,
  regionsServed: z.array(regionCode).max(50),
  plan: text(textLimits.projectPlan),
  budgetFen: z.number().int().min(0).max(1_000_000_000).nullable().describe('Budget in fen'),
  expectedOutputs: text(textLimits.projectSummary),
};

export const createProjectBody = z.object({
  callId: id,
  organisationId: id.describe('The applying team or organisation (one you manage)'),
  ...draftFields,
  objectives: draftFields.objectives.default(''),
  beneficiaries: draftFields.beneficiaries.default(''),
  regionsServed: draftFields.regionsServed.default([]),
  plan: draftFields.plan.default(''),
  budgetFen: draftFields.budgetFen.default(null),
  expectedOutputs: draftFields.expectedOutputs.default(''),
});
export const updateProjectBody = z.object(draftFields).partial();

export const commentBody = z.object({ comment: text(textLimits.projectReviewComment).optional() });
export const requiredCommentBody = z.object({ comment: text(textLimits.projectReviewComment).min(1) });
export const linksBody = z.object({
  activityIds: z.array(id).max(100),
  menuItemIds: z.array(id).max(100),
});

export const projectActions = named(
  'ProjectActions',
  z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    resubmit: z.boolean(),
    pass: z.boolean(),
    approve: z.boolean(),
    return: z.boolean(),
    reject: z.boolean(),
    conclude: z.boolean(),
  }),
  'What the caller may do now (the buttons to show)',
);

const ref = z.object({ id, name: z.string() });

export const projectResults = named(
  'ProjectResults',
  z.object({
    minutesServed: z.number().int().describe('Confirmed service minutes of its activities and orders'),
    volunteers: z.number().int().describe('Distinct volunteers with confirmed service'),
    ordersCompleted: z.number().int().describe('Orders of its menu items that were completed'),
    ratedOrders: z.number().int(),
    averageStars: z.number().nullable().describe('Average rating (1–5) of the rated orders; null without any'),
  }),
  'Computed from the hours and orders records, never typed in',
);

export const projectItem = named(
  'ProjectItem',
  z.object({
    id,
    name: z.string(),
    state: z.enum(projectStates),
    stateLabel: label,
    level: z.enum(projectLevels),
    category: z.enum(projectCategories),
    year: z.number().int(),
    organisation: ref,
    brand: ref.nullable(),
    series: ref.nullable(),
    regionCode: z.string(),
    regionName: z.string(),
    reviewRegion: z
      .object({ code: z.string(), name: z.string() })
      .nullable()
      .describe('The level whose staff decide now (under review only)'),
    budgetFen: z.number().int().nullable(),
    submittedAt: time.nullable(),
    updatedAt: time,
    synthetic: z.boolean().describe('Synthetic demo data (合成演示数据)'),
  }),
);
export const projectPage = z.object({ items: z.array(projectItem), nextCursor: z.string().nullable() });

export const projectDetail = named(
  'ProjectDetail',
  projectItem.extend({
    call: z.object({ id, title: z.string(), closesAt: time, open: z.boolean() }),
    objectives: z.string(),
    beneficiaries: z.string(),
    contactName: z.string(),
    contactPhone: z.string().nullable().describe('Only the applicant and staff in scope see it'),
    regionsServed: z.array(z.object({ code: z.string(), name: z.string() })),
    plan: z.string(),
    expectedOutputs: z.string(),
    reviewChain: z.array(z.object({ code: z.string(), name: z.string() })),
    reviews: z
      .array(
        z.object({
          decision: z.string(),
          label,
          regionName: z.string().nullable(),
          fromState: z.enum(projectStates),
          toState: z.enum(projectStates),
          comment: z.string().nullable(),
          actorName: z.string().nullable(),
          at: time,
        }),
      )
      .describe('Every step of the review (the applicant and staff in scope only)'),
    activities: z.array(z.object({ id, title: z.string(), state: z.string() })),
    menuItems: z.array(z.object({ id, name: z.string() })),
    results: projectResults,
    actions: projectActions,
  }),
);

const listFilters = {
  level: z.enum(projectLevels).optional(),
  category: z.enum(projectCategories).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  brandId: id.optional(),
  q: z.string().trim().max(60).optional().describe('Part of the name'),
};

export const libraryQuery = pageQuery.extend({
  ...listFilters,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  state: z.enum(libraryStates).optional(),
  regionCode: regionCode.optional().describe('Projects of organisations in this region'),
});

export const staffProjectsQuery = pageQuery.extend({
  ...listFilters,
  state: z.enum(projectStates).optional(),
  regionCode: regionCode.optional(),
  callId: id.optional(),
  queue: z.enum(['all', 'review']).default('all').describe('review: waiting for a decision at your level'),
});
export const mineQuery = pageQuery;

// ── brands ────────────────────────────────────────────────────────────────────────────────────

export const createBrandBody = z.object({
  name: text(textLimits.brandName).min(1),
  description: text(textLimits.brandDescription).default(''),
  organisationId: id.describe('The owning organisation'),
  logoFileId: id.optional().describe('A logo uploaded through POST /files (purpose photo)'),
});
export const createSeriesBody = z.object({
  name: text(textLimits.brandSeriesName).min(1),
  description: text(textLimits.brandDescription).default(''),
});

const series = z.object({ id, name: z.string(), description: z.string() });

export const brandItem = named(
  'Brand',
  z.object({
    id,
    name: z.string(),
    description: z.string(),
    logoUrl: z.string().nullable(),
    organisation: ref,
    series: z.array(series),
    projects: z.number().int().describe('Projects of the brand in the library'),
    synthetic: z.boolean(),
  }),
);
export const brandPage = z.object({ items: z.array(brandItem), nextCursor: z.string().nullable() });
export const brandsQuery = pageQuery.extend({ q: z.string().trim().max(40).optional() });
export const brandDetail = named(
  'BrandDetail',
  brandItem.extend({ libraryProjects: z.array(projectItem), results: projectResults }),
);
