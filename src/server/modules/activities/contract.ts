import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { named, pageQuery, phoneSchema } from '../../platform/contract.js';
import { zhEn } from '../../platform/validation-messages.js';
import { activityStates, approvalModes, attendanceMethods, signupStates } from './schema.js';

const time = z.string().datetime({ offset: true });
const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const label = z.object({ zh: z.string(), en: z.string() });
const regionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, {
  message: zhEn('请选择区划（6、9或12位代码）', 'Choose a region (6, 9 or 12 digits)'),
});

export const idParams = z.object({ id: z.string().uuid() });

const placeFields = {
  siteId: z.string().uuid().optional().describe('The practice site it happens at; its point and community are used'),
  address: z
    .string()
    .trim()
    .min(1)
    .max(textLimits.activityAddress)
    .optional()
    .describe('Without a site: where it happens'),
  lng: lng.optional(),
  lat: lat.optional(),
  regionCode: regionCode.optional().describe('Without a site: the community (or higher node) it happens in'),
  radiusM: z.number().int().min(30).max(5000).optional().describe('Check-in geofence radius (default 300 m)'),
};

const activityFields = {
  title: z.string().trim().min(1).max(textLimits.activityTitle),
  description: z.string().trim().max(textLimits.activityDescription).default(''),
  categoryCode: z.string().min(1).max(40).describe('A service-menu category'),
  organisationId: z.string().uuid().describe('The team or organisation that runs it'),
  projectId: z.string().uuid().optional().describe('A project of the project library (reference only, for later)'),
  series: z
    .string()
    .trim()
    .max(textLimits.activitySeries)
    .nullable()
    .optional()
    .describe('Themed series, e.g. 蓝色周六'),
  ...placeFields,
  startsAt: time.describe('Start of the (first) occurrence'),
  endsAt: time.describe('End of the (first) occurrence'),
  rrule: z
    .string()
    .trim()
    .max(300)
    .optional()
    .describe('RFC 5545 recurrence without DTSTART, e.g. FREQ=WEEKLY;BYDAY=SA (every Saturday)'),
  quota: z.number().int().min(1).max(10_000).describe('Seats per occurrence'),
  minAge: z.number().int().min(1).max(100).optional(),
  requiredSkills: z.array(z.string().max(40)).max(10).default([]).describe('Skill codes a volunteer must have'),
  signupOpensHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 366)
    .default(24 * 14)
    .describe('Sign-up opens this many hours before each occurrence'),
  signupClosesMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 30)
    .default(0)
    .describe('…and closes this many minutes before it starts'),
  cancelDeadlineMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 30)
    .default(120)
    .describe('Volunteers may cancel until this many minutes before the start'),
  approvalMode: z
    .enum(approvalModes)
    .default('auto')
    .describe('auto: seats are confirmed at once; approval: by the organiser'),
  contactName: z.string().trim().max(textLimits.activityContactName).optional(),
  contactPhone: phoneSchema.optional(),
};

const windowOk = (b: { startsAt?: string; endsAt?: string }) =>
  b.startsAt === undefined || b.endsAt === undefined || Date.parse(b.endsAt) > Date.parse(b.startsAt);
const windowMessage = {
  message: zhEn('结束时间需晚于开始时间', 'It must end after it starts'),
  path: ['endsAt'],
};

export const createActivityBody = z
  .object(activityFields)
  .refine(windowOk, windowMessage)
  .refine((b) => b.siteId || (b.address && b.lng !== undefined && b.lat !== undefined && b.regionCode), {
    message: zhEn('请选择阵地，或填写地址并在地图上选点', 'Choose a site, or give an address and a map point'),
    path: ['siteId'],
  });

export const updateActivityBody = z
  .object({
    title: activityFields.title.optional(),
    description: z.string().trim().max(textLimits.activityDescription).optional(),
    categoryCode: activityFields.categoryCode.optional(),
    series: z.string().trim().max(textLimits.activitySeries).nullable().optional(),
    ...placeFields,
    startsAt: time.optional(),
    endsAt: time.optional(),
    rrule: z.string().trim().max(300).nullable().optional(),
    quota: activityFields.quota.optional(),
    minAge: z.number().int().min(1).max(100).nullable().optional(),
    requiredSkills: z.array(z.string().max(40)).max(10).optional(),
    signupOpensHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 366)
      .optional(),
    signupClosesMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60 * 30)
      .optional(),
    cancelDeadlineMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60 * 30)
      .optional(),
    approvalMode: z.enum(approvalModes).optional(),
    contactName: z.string().trim().max(textLimits.activityContactName).nullable().optional(),
    contactPhone: phoneSchema.nullable().optional(),
  })
  .refine(windowOk, windowMessage);

export const reasonBody = z.object({ reason: z.string().trim().min(1).max(textLimits.activityReason) });
export const optionalReasonBody = z.object({
  reason: z.string().trim().min(1).max(textLimits.activityReason).optional(),
});

const ref = z.object({ id: z.string().uuid(), name: z.string() });
const category = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

export const activityActionsView = z
  .object({ edit: z.boolean(), publish: z.boolean(), cancel: z.boolean() })
  .describe('What the caller may do now (the buttons to show)');

export const activityView = named(
  'Activity',
  z.object({
    id: z.string().uuid(),
    state: z.enum(activityStates),
    stateLabel: label,
    title: z.string(),
    description: z.string(),
    category,
    organisation: ref,
    projectId: z.string().uuid().nullable(),
    series: z.string().nullable(),
    regionCode: z.string(),
    regionName: z.string(),
    site: ref.nullable(),
    address: z.string(),
    lng: z.number(),
    lat: z.number(),
    radiusM: z.number().int(),
    startsAt: time,
    endsAt: time,
    rrule: z.string().nullable(),
    recurrence: label.nullable().describe('The rule in words, e.g. 每周六'),
    timeZone: z.string(),
    quota: z.number().int(),
    minAge: z.number().int().nullable(),
    requiredSkills: z.array(category),
    signupOpensHours: z.number().int(),
    signupClosesMinutes: z.number().int(),
    cancelDeadlineMinutes: z.number().int(),
    approvalMode: z.enum(approvalModes),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    publishedAt: time.nullable(),
    cancelledAt: time.nullable(),
    cancelReason: z.string().nullable(),
    synthetic: z.boolean().describe('Synthetic demo data (合成演示数据)'),
    actions: activityActionsView,
  }),
);

export const signupActionsView = z.object({ approve: z.boolean(), reject: z.boolean(), cancel: z.boolean() });

export const mySignupView = z.object({
  id: z.string().uuid(),
  state: z.enum(signupStates),
  stateLabel: label,
  waitlistPosition: z.number().int().nullable().describe('1 = next to move up'),
  actions: signupActionsView,
});

export const attendanceView = z.object({
  checkInAt: time,
  checkInMethod: z.enum(attendanceMethods),
  checkOutAt: time.nullable(),
  checkOutMethod: z.enum(attendanceMethods).nullable(),
  minutes: z.number().int().nullable().describe('Served inside the occurrence window'),
  autoClosed: z.boolean().describe('A forgotten check-out closed at the end, for the organiser to review'),
  distanceM: z.number().int().nullable(),
  manualReason: z.string().nullable(),
});

export const sessionView = named(
  'ActivitySession',
  z.object({
    id: z.string().uuid(),
    activityId: z.string().uuid(),
    startsAt: time,
    endsAt: time,
    quota: z.number().int(),
    taken: z.number().int().describe('Seats held (confirmed or awaiting approval)'),
    waitlisted: z.number().int(),
    cancelled: z.boolean(),
    cancelReason: z.string().nullable().describe('Why the organiser called this occurrence off (本场已取消：…)'),
    signupOpensAt: time,
    signupClosesAt: time,
    cancelDeadline: time,
    mySignup: mySignupView.nullable().describe('The caller’s own sign-up, when signed in'),
    myAttendance: attendanceView.nullable(),
  }),
);

export const activityDetail = activityView.extend({
  sessions: z
    .array(sessionView)
    .describe('Upcoming occurrences (and the current one), with those called off one by one and their reason'),
});

export const activityPage = z.object({
  items: z.array(activityView.extend({ nextSession: sessionView.nullable() })),
  nextCursor: z.string().nullable(),
});

export const staffActivitiesQuery = pageQuery.extend({
  state: z.enum(activityStates).optional(),
  regionCode: regionCode.optional(),
  organisationId: z.string().uuid().optional(),
  q: z.string().trim().max(50).optional(),
});

export const publicSessionsQuery = pageQuery.extend({
  from: time.optional().describe('Occurrences starting at or after (default: now)'),
  to: time.optional().describe('…and before'),
  category: z.string().max(40).optional(),
  q: z.string().trim().max(50).optional().describe('Words in the title, series or address'),
  lng: z.coerce.number().min(-180).max(180).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  withinKm: z.coerce.number().positive().max(200).optional().describe('With lng/lat: only this close'),
  sort: z.enum(['time', 'distance']).default('time'),
  siteId: z.string().uuid().optional(),
  organisationId: z.string().uuid().optional(),
});

export const publicSessionItem = sessionView.extend({
  activity: z.object({
    id: z.string().uuid(),
    title: z.string(),
    series: z.string().nullable(),
    category,
    organisation: ref,
    site: ref.nullable(),
    address: z.string(),
    lng: z.number(),
    lat: z.number(),
    approvalMode: z.enum(approvalModes),
    state: z.enum(activityStates),
  }),
  distanceM: z.number().int().nullable().describe('From lng/lat, when given'),
});
export const publicSessionPage = z.object({ items: z.array(publicSessionItem), nextCursor: z.string().nullable() });

export const mySignupsQuery = pageQuery.extend({
  view: z.enum(['upcoming', 'past']).default('upcoming'),
});

export const rosterEntry = z.object({
  signupId: z.string().uuid().nullable(),
  userId: z.string().describe('The account (a UUID)'),
  name: z.string(),
  volunteerNumber: z.string().nullable(),
  phone: z.string().nullable().describe('Masked'),
  state: z.enum(signupStates).nullable().describe('null: checked in by hand without a sign-up'),
  stateLabel: label.nullable(),
  queuedAt: time.nullable(),
  reason: z.string().nullable(),
  attendance: attendanceView.nullable(),
  actions: signupActionsView,
});
export const rosterView = z.object({
  session: sessionView,
  activity: z.object({ id: z.string().uuid(), title: z.string() }),
  items: z.array(rosterEntry),
});

export const signupResult = z.object({
  session: sessionView,
  activity: z.object({ id: z.string().uuid(), title: z.string() }),
});
