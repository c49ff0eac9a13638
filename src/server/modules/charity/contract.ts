import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { named, pageQuery } from '../../platform/contract.js';
import { zhEn } from '../../platform/validation-messages.js';
import {
  disbursementPurposes,
  disbursementStates,
  eventStates,
  holderKinds,
  saleMethods,
  stallCategories,
} from './schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const fen = z.number().int().min(1).max(100_000_000).describe('Money in fen (1 yuan = 100 fen)');
const regionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, { message: zhEn('请选择区划', 'Choose a region') });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: zhEn('日期格式为 YYYY-MM-DD', 'Use YYYY-MM-DD') });
const person = z.object({ userId: z.string().uuid(), name: z.string() });
const time = z.string();

export const idParams = z.object({ id: z.string().uuid() });

// ── funds ───────────────────────────────────────────────────────────────────
export const createFundBody = z.object({
  name: text(textLimits.charityFundName).describe('e.g. 鲸园蓝爱心基金'),
  regionCode,
  description: z.string().trim().max(textLimits.charityNote).default(''),
});
export const fundView = named(
  'CharityFund',
  z.object({
    id: z.string().uuid(),
    name: z.string(),
    regionCode: z.string(),
    description: z.string(),
    balanceFen: z.number().int(),
    incomeFen: z.number().int(),
    paidFen: z.number().int(),
  }),
);
export const donationBody = z.object({
  amountFen: fen,
  donorName: text(textLimits.charityDonorName).optional().describe('Shown as given; omit for an anonymous gift'),
  method: z.enum(saleMethods),
  paymentRef: text(textLimits.charityPaymentRef).optional(),
  eventId: z.string().uuid().optional().describe('The sale at which it was given'),
  on: day.optional().describe('The day it was given (default today, China time)'),
});
export const postedView = z.object({ transactionId: z.string().uuid(), replayed: z.boolean() });
export const donationsQuery = pageQuery.extend({
  fundId: z.string().uuid().optional(),
  eventId: z.string().uuid().optional(),
});
export const donationView = named(
  'CharityDonation',
  z.object({
    id: z.string().uuid().describe('The ledger transaction'),
    fund: z.object({ id: z.string().uuid(), name: z.string() }),
    eventId: z.string().uuid().nullable(),
    amountFen: z.number().int(),
    method: z.enum(saleMethods),
    paymentRef: z.string().nullable(),
    donorName: z.string().nullable().describe('Null: anonymous'),
    on: z.string(),
    recordedAt: z.string(),
    recordedBy: person.nullable(),
    reversal: z
      .object({ transactionId: z.string().uuid(), reason: z.string(), at: z.string(), by: person.nullable() })
      .nullable(),
  }),
);

// ── events and stalls ───────────────────────────────────────────────────────
export const createEventBody = z.object({
  title: text(textLimits.charityTitle),
  heldOn: day,
  regionCode,
  siteId: z.string().uuid().optional().describe('A practice site; or give an address'),
  address: z.string().trim().max(textLimits.charityAddress).default(''),
  fundId: z.string().uuid(),
  organiserUserId: z.string().uuid().optional().describe('Default: the caller'),
});
export const closeEventBody = z.object({
  countedCashFen: z.number().int().min(0).max(100_000_000).describe('The cash counted at the close'),
  note: z.string().trim().max(textLimits.charityReason).optional().describe('Needed when counted and recorded differ'),
});
export const stallBody = z
  .object({
    name: text(textLimits.charityStallName),
    holderKind: z.enum(holderKinds),
    holderName: text(textLimits.charityHolderName),
    category: z.enum(stallCategories),
    categoryLabel: text(textLimits.charityCategoryLabel).optional().describe('With category `other`'),
    keeperPhone: z
      .string()
      .regex(/^1\d{10}$/)
      .describe("The stall keeper's account"),
  })
  .refine((b) => b.category !== 'other' || b.categoryLabel, {
    path: ['categoryLabel'],
    message: zhEn('请填写类别名称', 'Name the category'),
  });

const totals = z.object({ totalFen: z.number().int(), cashFen: z.number().int(), sales: z.number().int() });
export const stallView = named(
  'CharityStall',
  z.object({
    id: z.string().uuid(),
    eventId: z.string().uuid(),
    name: z.string(),
    holderKind: z.enum(holderKinds),
    holderName: z.string(),
    category: z.enum(stallCategories),
    categoryLabel: z.string().nullable(),
    keeper: person,
    totals,
  }),
);
export const eventView = named(
  'CharityEvent',
  z.object({
    id: z.string().uuid(),
    title: z.string(),
    heldOn: z.string(),
    regionCode: z.string(),
    siteId: z.string().nullable(),
    address: z.string(),
    organiser: person,
    fund: z.object({ id: z.string().uuid(), name: z.string() }),
    state: z.enum(eventStates),
    countedCashFen: z.number().int().nullable(),
    recordedCashFen: z.number().int().nullable(),
    reconcileNote: z.string().nullable(),
    totals,
    actions: z.object({ open: z.boolean(), close: z.boolean(), publish: z.boolean() }),
  }),
);
export const eventDetail = eventView.extend({ stalls: z.array(stallView) });
export const eventsQuery = pageQuery.extend({ state: z.enum(eventStates).optional() });
/** A page of a list and the cursor of the next one (null on the last). */
export const pageOfItems = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export { pageQuery };

// ── sales ───────────────────────────────────────────────────────────────────
export const saleBody = z.object({
  amountFen: fen,
  method: z.enum(saleMethods),
  paymentRef: text(textLimits.charityPaymentRef).optional().describe('The WeChat Pay / Alipay transaction number'),
  item: text(textLimits.charityItem).optional(),
  recordedAt: z.string().datetime({ offset: true }).optional().describe('When it was sold (an offline entry)'),
});
export const saleView = named(
  'CharitySale',
  z.object({
    id: z.string().uuid(),
    stallId: z.string().uuid(),
    amountFen: z.number().int(),
    method: z.enum(saleMethods),
    paymentRef: z.string().nullable(),
    item: z.string().nullable(),
    recordedAt: time,
    recordedBy: z.string().uuid(),
    transactionId: z.string().uuid(),
    reversal: z.object({ transactionId: z.string().uuid(), reason: z.string().nullable(), at: time }).nullable(),
  }),
);
export const reverseBody = z.object({ reason: text(textLimits.charityReason) });
export const myStallView = stallView.extend({
  event: z.object({ id: z.string().uuid(), title: z.string(), heldOn: z.string(), state: z.enum(eventStates), totals }),
  recent: z.array(saleView),
});

// ── beneficiaries and disbursements ─────────────────────────────────────────
export const beneficiaryBody = z.object({
  name: text(textLimits.charityBeneficiaryName),
  phone: z
    .string()
    .regex(/^1\d{10}$/)
    .optional(),
  regionCode: z.string().regex(/^\d{12}$/, { message: zhEn('请选择社区', 'Choose a community') }),
  situation: z.string().trim().max(textLimits.charitySituation).default(''),
  consent: z.literal(true, { message: zhEn('请确认已征得本人同意', 'Confirm the person agreed') }),
});
export const beneficiaryView = named(
  'CharityBeneficiary',
  z.object({
    id: z.string().uuid(),
    name: z.string().describe('The full name (staff in scope)'),
    maskedName: z.string(),
    phone: z.string().nullable(),
    regionCode: z.string(),
    situation: z.string(),
    consentAt: time,
  }),
);
/** A beneficiary in a list: the masked name only (the full name is one audited read). */
export const beneficiaryListItem = named(
  'CharityBeneficiaryListItem',
  z.object({
    id: z.string().uuid(),
    maskedName: z.string(),
    hasPhone: z.boolean(),
    regionCode: z.string(),
    situation: z.string(),
    consentAt: time,
  }),
);
export const disbursementBody = z.object({
  fundId: z.string().uuid(),
  beneficiaryId: z.string().uuid(),
  amountFen: fen,
  purpose: z.enum(disbursementPurposes),
  eventId: z.string().uuid().optional(),
  note: z.string().trim().max(textLimits.charityNote).default(''),
});
export const payBody = z.object({ paymentRef: text(textLimits.charityPaymentRef) });
export const disbursementView = named(
  'CharityDisbursement',
  z.object({
    id: z.string().uuid(),
    fund: z.object({ id: z.string().uuid(), name: z.string() }),
    beneficiary: z.object({ id: z.string().uuid(), maskedName: z.string(), regionCode: z.string() }),
    eventId: z.string().uuid().nullable(),
    amountFen: z.number().int(),
    purpose: z.enum(disbursementPurposes),
    note: z.string(),
    state: z.enum(disbursementStates),
    requestedBy: person,
    firstApprover: person.nullable(),
    secondApprover: person.nullable(),
    paymentRef: z.string().nullable(),
    paidAt: time.nullable(),
    rejectReason: z.string().nullable(),
    transactionId: z.string().uuid().nullable(),
    actions: z.object({ approve: z.boolean(), countersign: z.boolean(), pay: z.boolean(), reject: z.boolean() }),
  }),
);

// ── public reports ──────────────────────────────────────────────────────────
export const reportView = named(
  'CharityReport',
  z.object({
    title: z.string(),
    period: z.string(),
    events: z.array(z.object({ id: z.string().uuid(), title: z.string(), heldOn: z.string(), regionName: z.string() })),
    incomeByCategory: z.array(z.object({ category: z.string(), label: z.string(), amountFen: z.number().int() })),
    donationsFen: z.number().int(),
    incomeFen: z.number().int(),
    outgoingsByPurpose: z.array(z.object({ purpose: z.string(), label: z.string(), amountFen: z.number().int() })),
    outgoingsFen: z.number().int(),
    balanceFen: z.number().int(),
    familiesHelped: z.number().int(),
    beneficiaries: z.array(z.object({ maskedName: z.string(), community: z.string(), amountFen: z.number().int() })),
  }),
);
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const exportQuery = z.object({ format: z.enum(['xlsx', 'pdf']).default('pdf') });
