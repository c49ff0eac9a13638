import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { WISH_SETTING_BOUNDS } from '../../../shared/wish-settings.js';
import { named, pageQuery, phoneSchema } from '../../platform/contract.js';
import { zhEn } from '../../platform/validation-messages.js';
import { beneficiaryGroups, wallStates, wishChannels, wishStates } from './schema.js';

export const wishLimits = {
  title: textLimits.wishTitle,
  description: textLimits.wishDescription,
  address: textLimits.wishAddress,
  name: textLimits.wishName,
  reason: textLimits.wishMessage,
  thanks: textLimits.wishMessage,
} as const;

const time = z.string().datetime({ offset: true });
const community = z
  .string()
  .regex(/^\d{12}$/, { message: zhEn('请选择社区（12位区划代码）', 'Choose a community (12-digit code)') });
const regionFilter = z
  .string()
  .regex(/^\d{6}(\d{3}){0,2}$/)
  .optional()
  .describe('A district, subdistrict or community: the wishes of its communities');
const reason = z.string().trim().min(1).max(wishLimits.reason);

export const wishParams = z.object({ id: z.string().uuid() });

export const placeWishBody = z.object({
  title: z.string().trim().min(1).max(wishLimits.title).describe('What is wished for, e.g. 一副老花镜'),
  description: z.string().trim().max(wishLimits.description).default(''),
  photoFileId: z.string().uuid().optional().describe('A photo uploaded through POST /files (purpose photo)'),
  estimatedValueFen: z
    .number()
    .int()
    .min(0)
    .max(100_000_00)
    .optional()
    .describe('Roughly what it costs, in fen (optional)'),
  regionCode: community.describe('The community the resident lives in'),
  address: z.string().trim().min(1).max(wishLimits.address).describe('Where to deliver; shown only to the claimer'),
  deadline: time.describe('Unclaimed past this time, the wish expires'),
  beneficiaryGroup: z.enum(beneficiaryGroups).default('other'),
  contactName: z.string().trim().min(1).max(wishLimits.name).optional().describe('Default: the account name'),
  contactPhone: phoneSchema.optional().describe('Default: the account phone'),
  forResident: z
    .object({
      residentPhone: phoneSchema.optional().describe("The resident's account, when they have one"),
      consent: z.literal(true, { message: zhEn('请确认已征得本人同意', 'Confirm the resident agreed') }),
    })
    .optional()
    .describe('A keeper entering the wish for a resident (困难老人、留守儿童…) with their consent'),
});

export const reasonBody = z.object({ reason });
export const optionalReasonBody = z.object({ reason: reason.optional() });
export const claimBody = z.object({
  organisationId: z
    .string()
    .uuid()
    .optional()
    .describe('Claim in the name of an organisation you manage (a caring merchant); omit to claim yourself'),
});
export const deliverBody = z.object({ note: z.string().trim().max(wishLimits.reason).optional() });
export const thankBody = z.object({ message: z.string().trim().min(1).max(wishLimits.thanks) });

const label = z.object({ zh: z.string(), en: z.string() });

export const wishActions = named(
  'WishActions',
  z.object({
    approve: z.boolean(),
    reject: z.boolean(),
    withdraw: z.boolean(),
    claim: z.boolean(),
    release: z.boolean(),
    deliver: z.boolean(),
    confirm: z.boolean(),
    thank: z.boolean(),
  }),
  'What the caller may do now (the buttons to show)',
);

export const wishView = named(
  'Wish',
  z.object({
    id: z.string().uuid(),
    number: z.string(),
    state: z.enum(wishStates),
    stateLabel: label,
    title: z.string(),
    description: z.string(),
    estimatedValueFen: z.number().int().nullable(),
    regionCode: z.string(),
    regionName: z.string(),
    beneficiaryName: z.string().describe('Masked (王**) for everyone but the parties'),
    beneficiaryGroup: z.enum(beneficiaryGroups),
    beneficiaryPhone: z.string().nullable().describe('Only the resident, the keeper in scope and the claimer see it'),
    address: z.string().nullable().describe('Only the resident, the keeper in scope and the claimer see it'),
    channel: z.enum(wishChannels),
    placedAt: time,
    deadline: time,
    rejectReason: z.string().nullable(),
    claimer: z
      .object({
        name: z.string(),
        organisationId: z.string().uuid().nullable(),
        organisationName: z.string().nullable(),
      })
      .nullable()
      .describe("Who claimed it: an organisation's name, or the volunteer's (masked for others)"),
    claimedAt: time.nullable(),
    deliveredAt: time.nullable(),
    deliveryNote: z.string().nullable(),
    confirmedAt: time.nullable(),
    thanks: z.string().nullable().describe("The resident's thank-you message (the parties see it)"),
    thankedAt: time.nullable(),
    withdrawReason: z.string().nullable(),
    photo: z.object({ id: z.string().uuid(), url: z.string() }).nullable(),
    synthetic: z.boolean().describe('Synthetic demo history (合成演示数据)'),
    mine: z.boolean().describe('The caller is a party: the resident, the placer, the claimer or staff in scope'),
    actions: wishActions,
  }),
);

export const wishDetail = named(
  'WishDetail',
  wishView.extend({
    timeline: z.array(
      z.object({
        event: z.string(),
        label,
        fromState: z.enum(wishStates).nullable(),
        toState: z.enum(wishStates),
        actorName: z.string().nullable(),
        note: z.string().nullable(),
        at: time,
      }),
    ),
    claimAs: z
      .array(z.object({ id: z.string().uuid(), name: z.string(), kind: z.string() }))
      .describe('Organisations the caller may claim this wish for'),
  }),
);

export const wishPage = z.object({ items: z.array(wishView), nextCursor: z.string().nullable() });

export const wallQuery = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  regionCode: regionFilter,
  state: z.enum(wallStates).optional().describe('Default: approved (open for claiming)'),
});
export const myWishesQuery = pageQuery.extend({ state: z.enum(wishStates).optional() });
export const staffWishesQuery = pageQuery.extend({
  state: z.enum(wishStates).optional(),
  regionCode: regionFilter,
  queue: z
    .enum(['all', 'review', 'confirm'])
    .default('all')
    .describe('review: waiting for review; confirm: delivered, waiting for the keeper to confirm'),
});

const bounds = WISH_SETTING_BOUNDS;
export const wishSettingsView = named(
  'WishSettings',
  z.object({
    personClaimLimit: z
      .number()
      .int()
      .min(bounds.personClaimLimit.min)
      .max(bounds.personClaimLimit.max)
      .describe('Wishes one volunteer may hold claimed and not yet confirmed (default 3)'),
    organisationClaimLimit: z
      .number()
      .int()
      .min(bounds.organisationClaimLimit.min)
      .max(bounds.organisationClaimLimit.max)
      .describe('Wishes one organisation may hold claimed in its name and not yet confirmed (default 10)'),
  }),
);
