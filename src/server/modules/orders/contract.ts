import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { named, pageQuery, phoneSchema } from '../../platform/contract.js';
import { zhEn } from '../../platform/validation-messages.js';
import { orderChannels, orderStates, targetKinds, urgencies } from './schema.js';

const time = z.string().datetime({ offset: true });
const regionCode = z
  .string()
  .regex(/^\d{12}$/, { message: zhEn('请选择社区（12位区划代码）', 'Choose a community (12-digit code)') });
const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const reason = z.string().trim().min(1).max(textLimits.orderReason);

export const orderParams = z.object({ id: z.string().uuid() });

export const placeOrderBody = z
  .object({
    menuItemId: z.string().uuid().optional().describe('Order from the menu; omit for a free request'),
    categoryCode: z.string().max(40).optional().describe('Needed for a free request'),
    title: z.string().trim().min(1).max(textLimits.orderTitle).optional().describe('Needed for a free request'),
    description: z.string().trim().max(textLimits.orderDescription).default(''),
    regionCode: regionCode.optional().describe('The community; default: the one whose station is nearest the point'),
    address: z.string().trim().min(1).max(textLimits.orderAddress),
    lng: lng.optional(),
    lat: lat.optional(),
    windowStart: time,
    windowEnd: time,
    urgency: z.enum(urgencies).default('normal'),
    photoFileIds: z.array(z.string().uuid()).max(9).default([]).describe('Photos uploaded through POST /files'),
    contactName: z.string().trim().min(1).max(textLimits.orderContactName).optional(),
    contactPhone: phoneSchema.optional(),
    onBehalf: z
      .object({
        channel: z.enum(['phone', 'door', 'kiosk']),
        residentPhone: phoneSchema.optional().describe("The resident's account, when they have one"),
      })
      .optional()
      .describe('Staff placing the order for a resident (by phone, at the door, at a kiosk)'),
  })
  .refine((b) => b.menuItemId || (b.categoryCode && b.title), {
    message: zhEn('请选择服务项目，或填写类别和需求标题', 'Choose a menu item, or give a category and a title'),
    path: ['menuItemId'],
  })
  .refine((b) => Date.parse(b.windowEnd) > Date.parse(b.windowStart), {
    message: zhEn('结束时间需晚于开始时间', 'The window must end after it starts'),
    path: ['windowEnd'],
  })
  .refine((b) => (b.lng === undefined) === (b.lat === undefined), {
    message: zhEn('经纬度需同时提供', 'Give both lng and lat'),
    path: ['lat'],
  });

export const dispatchBody = z.object({
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('volunteer'), volunteerId: z.string().uuid() }),
    z.object({ kind: z.literal('team'), organisationId: z.string().uuid() }),
    z.object({ kind: z.literal('level') }).describe('Down one level: centre → institute → station'),
    z.object({ kind: z.literal('open') }).describe('Open for grabbing (抢单) by eligible volunteers'),
  ]),
  note: z.string().trim().max(textLimits.orderDispatchNote).optional(),
});
export const reasonBody = z.object({ reason });
export const optionalReasonBody = z.object({ reason: reason.optional() });
export const checkInBody = z
  .object({
    lng: lng.optional(),
    lat: lat.optional(),
    accuracy: z
      .number()
      .min(0)
      .max(5000)
      .optional()
      .describe(
        'Accuracy of lng/lat in metres, as the browser reports it (coords.accuracy): the 1 km fence is widened by it, by at most 500 m',
      ),
    note: z
      .string()
      .trim()
      .max(textLimits.orderCheckInNote)
      .optional()
      .describe('Needed when the phone gives no position (无定位签到): what the volunteer can show instead'),
  })
  .refine((b) => (b.lng === undefined) === (b.lat === undefined), {
    message: zhEn('经纬度需同时提供', 'Give both lng and lat'),
    path: ['lat'],
  })
  .refine((b) => b.lng !== undefined || (b.note !== undefined && b.note.length > 0), {
    message: zhEn('无法定位时请填写签到说明', 'Without a position, write a note on where you are'),
    path: ['note'],
  });
export const completeBody = z.object({
  summary: z.string().trim().min(1).max(textLimits.orderSummary),
  photoFileIds: z.array(z.string().uuid()).max(9).default([]),
});
export const rateBody = z.object({
  stars: z.number().int().min(1).max(5),
  comment: z.string().trim().max(textLimits.ratingComment).default(''),
});

const person = z.object({ userId: z.string().uuid(), name: z.string() });
const photo = z.object({ id: z.string().uuid(), url: z.string() });
const label = z.object({ zh: z.string(), en: z.string() });

export const actionsView = named(
  'OrderActions',
  z.object({
    review: z.boolean(),
    reject: z.boolean(),
    dispatch: z.boolean(),
    recall: z.boolean(),
    take_over: z.boolean(),
    accept: z.boolean(),
    decline: z.boolean(),
    check_in: z.boolean(),
    complete: z.boolean(),
    rate: z.boolean(),
    close: z.boolean(),
    cancel: z.boolean(),
  }),
  'What the caller may do now (the buttons to show)',
);

export const orderView = named(
  'Order',
  z.object({
    id: z.string().uuid(),
    number: z.string(),
    state: z.enum(orderStates),
    stateLabel: label,
    menuItemId: z.string().uuid().nullable(),
    categoryCode: z.string(),
    categoryName: z.string(),
    title: z.string(),
    description: z.string(),
    requiredSkills: z.array(z.string()),
    regionCode: z.string(),
    regionName: z.string(),
    handlerRegionCode: z.string(),
    handlerRegionName: z.string(),
    address: z.string(),
    lng: z.number().nullable(),
    lat: z.number().nullable(),
    windowStart: time,
    windowEnd: time,
    urgency: z.enum(urgencies),
    contactName: z.string(),
    contactPhone: z.string().nullable().describe('In full for the people serving it, masked for others'),
    channel: z.enum(orderChannels),
    placedAt: time,
    reviewDueAt: time.nullable(),
    acceptDueAt: time.nullable(),
    rejectReason: z.string().nullable(),
    target: z
      .object({
        kind: z.enum(targetKinds),
        volunteer: person.nullable(),
        organisationId: z.string().uuid().nullable(),
        organisationName: z.string().nullable(),
        regionCode: z.string().nullable(),
        regionName: z.string().nullable(),
      })
      .nullable(),
    volunteer: person.nullable(),
    organisationId: z.string().uuid().nullable(),
    acceptedAt: time.nullable(),
    checkIn: z
      .object({
        at: time,
        lng: z.number().nullable(),
        lat: z.number().nullable(),
        distanceM: z.number().int().nullable(),
        accuracyM: z.number().int().nullable().describe('The accuracy the phone reported, in metres'),
        noLocation: z.boolean().describe('Checked in without a position (无定位), on the note'),
        note: z.string().nullable(),
      })
      .nullable(),
    completedAt: time.nullable(),
    summary: z.string().nullable(),
    rating: z.object({ stars: z.number().int(), comment: z.string(), at: time }).nullable(),
    cancelReason: z.string().nullable(),
    escalations: z.number().int(),
    synthetic: z.boolean().describe('Synthetic demo history'),
    actions: actionsView,
  }),
);

export const timelineEntry = named(
  'OrderTimelineEntry',
  z.object({
    event: z.string(),
    label: label,
    fromState: z.enum(orderStates).nullable(),
    toState: z.enum(orderStates),
    actorName: z.string().nullable(),
    note: z.string().nullable(),
    flag: label.nullable().describe('A mark on this step, e.g. 无定位 for a check-in without a position'),
    at: time,
  }),
);

export const orderDetail = named(
  'OrderDetail',
  orderView.extend({
    photos: z.array(photo),
    completionPhotos: z.array(photo),
    timeline: z.array(timelineEntry),
  }),
);

export const orderPage = z.object({ items: z.array(orderView), nextCursor: z.string().nullable() });

export const staffOrdersQuery = pageQuery.extend({
  state: z.enum(orderStates).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3}){0,2}$/)
    .optional(),
  queue: z
    .enum(['all', 'mine'])
    .default('all')
    .describe('mine: orders the caller’s level handles now (review, dispatch), soonest deadline first'),
});

export const myOrdersQuery = pageQuery.extend({ state: z.enum(orderStates).optional() });
export const tasksQuery = pageQuery.extend({
  view: z
    .enum(['mine', 'offers', 'pool'])
    .default('mine')
    .describe('mine: orders I accepted; offers: dispatched to me or my team; pool: open for grabbing'),
});

export const settingsView = z.object({
  reviewLimitMinutes: z.number().int(),
  acceptLimitMinutes: z.number().int(),
  urgentFactorPercent: z.number().int().describe('Urgent orders get this share of each limit'),
  autoCloseDays: z.number().int().describe('Completed orders left unrated close after this many days'),
  weightDistance: z.number().describe('Dispatch cost per walking km'),
  weightSkill: z.number().describe('Dispatch cost of lacking every preferred skill'),
  weightRating: z.number().describe('Dispatch cost of a 0-star rating ((5 − rating) / 5)'),
  weightFairness: z.number().describe('Dispatch cost of a full recent load (10 services in 30 days)'),
  volunteerCapacity: z.number().int().describe('Open tasks a volunteer may hold at once'),
});
const weight = z.number().min(0).max(20);
export const settingsBody = z.object({
  reviewLimitMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
  acceptLimitMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
  urgentFactorPercent: z.number().int().min(10).max(100),
  autoCloseDays: z.number().int().min(1).max(90).optional().describe('Unchanged when left out'),
  weightDistance: weight.min(0.1).optional().describe('Unchanged when left out; above 0 so that distance ranks'),
  weightSkill: weight.optional(),
  weightRating: weight.optional(),
  weightFairness: weight.optional(),
  volunteerCapacity: z.number().int().min(1).max(20).optional(),
});

export const candidatesQuery = z.object({ k: z.coerce.number().int().min(1).max(50).default(10) });
export const candidatesView = z.object({
  considered: z.number().int().describe('Volunteers serving the community that were weighed'),
  items: z.array(
    z.object({
      volunteerId: z.string().uuid(),
      userId: z.string().uuid(),
      name: z.string(),
      cost: z.number().describe('Lower is better (walking-km equivalents)'),
      walkKm: z.number(),
      openTasks: z.number().int(),
      rating: z.number().nullable(),
      recentServices: z.number().int(),
      reasons: z.string().describe('e.g. 1.2 km · 助老助残 · 近 30 天已服务 2 次'),
      reasonsEn: z.string(),
      lng: z.number().describe("The volunteer's point for dispatch: their home community's station, not their address"),
      lat: z.number(),
    }),
  ),
});

export const batchBody = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('preview'),
    orderIds: z
      .array(z.string().uuid())
      .max(200)
      .optional()
      .describe('Default: every reviewed order your level handles'),
  }),
  z.object({
    mode: z.literal('confirm'),
    assignments: z
      .array(z.object({ orderId: z.string().uuid(), volunteerId: z.string().uuid() }))
      .min(1)
      .max(200),
  }),
]);
export const batchView = z.object({
  assignments: z.array(
    z.object({
      orderId: z.string().uuid(),
      number: z.string(),
      title: z.string(),
      volunteerId: z.string().uuid(),
      name: z.string(),
      cost: z.number(),
      walkKm: z.number(),
      reasons: z.string(),
      reasonsEn: z.string(),
    }),
  ),
  unassigned: z.array(z.object({ orderId: z.string().uuid(), reason: z.string() })),
  totalCost: z.number(),
  dispatched: z.array(z.string().uuid()).describe('confirm: the orders dispatched'),
  failed: z
    .array(z.object({ orderId: z.string().uuid(), code: z.string() }))
    .describe('confirm: orders not dispatched'),
});

export const metricsQuery = z.object({
  groupBy: z.enum(['station', 'institute', 'team']).default('station'),
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3}){0,2}$/)
    .optional(),
  from: time.optional().describe('Orders placed at or after'),
  to: time.optional().describe('Orders placed before'),
});
export const metricsView = z.object({
  groupBy: z.enum(['station', 'institute', 'team']),
  items: z.array(
    z.object({
      key: z.string().describe('Region code (station, institute) or organisation id (team)'),
      siteId: z.string().uuid().nullable(),
      organisationId: z.string().uuid().nullable(),
      name: z.string(),
      orders: z.number().int(),
      medianAcceptMinutes: z.number().nullable(),
      acceptanceRate: z.number().nullable().describe('accepted / dispatched'),
      completionRate: z.number().nullable().describe('completed / accepted'),
      satisfaction: z.number().nullable().describe('rated 4–5 / rated'),
      rated: z.number().int(),
      synthetic: z.number().int().describe('How many of the orders are synthetic demo history (合成演示数据)'),
    }),
  ),
});
