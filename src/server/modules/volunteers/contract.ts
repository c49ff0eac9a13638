import { z } from 'zod';
import { AGE_RULE_BOUNDS, guardianRelations } from '../../../shared/age-rules.js';
import { idProblemMessages, parseIdNumber } from '../../../shared/id-card.js';
import { checkPersonName, normalizePersonName, personNameMessages } from '../../../shared/person-name.js';
import { textLimits } from '../../../shared/text-limits.js';
import { named, pageQuery, passwordSchema, phoneSchema } from '../../platform/contract.js';
import { multiline } from '../../platform/input-guard.js';
import { zhEn } from '../../platform/validation-messages.js';
import { registrationChannels, volunteerStatuses } from './schema.js';

export const volunteerStatus = named('VolunteerStatus', z.enum(volunteerStatuses));
export const registrationChannel = named('RegistrationChannel', z.enum(registrationChannels));

/** The version of the volunteer service agreement (志愿者服务承诺书) that registration records. */
export const CURRENT_CONSENT_VERSION = '2026-01';

export const idNumberSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const parsed = parseIdNumber(value);
    if (!parsed.ok) {
      const [zh, en] = idProblemMessages[parsed.problem];
      ctx.addIssue({ code: 'custom', message: zhEn(zh, en) });
    }
  })
  .transform((v) => v.toUpperCase())
  .describe('18-character resident ID number (GB 11643); the check digit is verified');

export const personNameSchema = z
  .string()
  .max(200)
  .superRefine((value, ctx) => {
    const problem = checkPersonName(value);
    if (problem) ctx.addIssue({ code: 'custom', message: zhEn(...personNameMessages[problem]) });
  })
  .transform(normalizePersonName)
  .describe('A real name: Chinese characters (with · in minority names) or Latin letters');

const regionCodeSchema = z.string().regex(/^\d{6,12}$/, { message: zhEn('区域代码格式不正确', 'Invalid region code') });

const timeOfDay = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: zhEn('时间格式应为 HH:MM', 'Use HH:MM') });

export const availabilitySlot = named(
  'AvailabilitySlot',
  z
    .object({
      weekday: z.number().int().min(1).max(7).describe('1 = Monday … 7 = Sunday'),
      start: timeOfDay,
      end: timeOfDay,
    })
    .refine((s) => s.start < s.end, { message: zhEn('结束时间应晚于开始时间', 'End after start'), path: ['end'] }),
);

const profileFields = {
  skills: z
    .array(z.string().max(40))
    .max(20)
    .optional()
    .describe('Skill codes from GET /volunteer-registration/options'),
  serviceAreas: z.array(regionCodeSchema).max(30).optional().describe('Region codes where the volunteer serves'),
  availability: z.array(availabilitySlot).max(28).optional(),
  address: z.string().trim().max(textLimits.volunteerAddress).optional(),
  intro: multiline(z.string().trim().max(textLimits.volunteerIntro)).optional(),
};

const consentFields = {
  consent: z.literal(true, { message: zhEn('请确认已阅读并同意志愿者服务承诺书', 'Accept the volunteer agreement') }),
  consentVersion: z.string().max(20).optional().describe('The agreement version shown; must be the current one'),
};

export const guardianRelation = named('GuardianRelation', z.enum(guardianRelations));

/** A minor's guardian who consents to the registration (required under the tenant's adult age). */
export const guardianSchema = z
  .object({
    name: personNameSchema,
    phone: phoneSchema,
    relation: guardianRelation,
  })
  .describe('Required when the ID number says the person is a minor; ignored for adults');

const smsCode = z.string().regex(/^\d{6}$/, { message: zhEn('请输入6位验证码', 'Enter the 6-digit code') });

export const registrationCodeBody = z.object({ phone: phoneSchema });
export const registrationCodeView = z.object({
  sentTo: z.string().describe('The phone, masked'),
  expiresAt: z.string().describe('ISO 8601'),
  resendAfterSeconds: z.number().int(),
});

export const registerOnlineBody = z.object({
  name: personNameSchema,
  phone: phoneSchema,
  code: smsCode.describe('Sent to the phone by POST /volunteer-registrations/code'),
  password: passwordSchema,
  idNumber: idNumberSchema,
  regionCode: regionCodeSchema.describe('Home community (社区/村)'),
  guardian: guardianSchema.optional(),
  ...consentFields,
  ...profileFields,
});

export const becomeVolunteerBody = registerOnlineBody.omit({ phone: true, code: true, password: true });

export const registerAtDeskBody = z.object({
  name: personNameSchema,
  phone: phoneSchema,
  idNumber: idNumberSchema,
  regionCode: regionCodeSchema.optional().describe('Home community; defaults to the keeper’s own community'),
  guardian: guardianSchema.optional(),
  ...consentFields,
  ...profileFields,
});

export const updateMyVolunteerBody = z.object(profileFields);

export const changeStatusBody = z
  .object({
    status: volunteerStatus,
    reason: multiline(z.string().trim().max(textLimits.statusReason)).optional(),
  })
  .refine((b) => b.status !== 'suspended' || (b.reason && b.reason.length > 0), {
    message: zhEn('暂停志愿者时请填写原因', 'Give a reason for suspending'),
    path: ['reason'],
  });

/** Staff correct what was entered wrongly; each field left out stays as it is. */
export const correctVolunteerBody = z.object({
  name: personNameSchema.optional(),
  idNumber: idNumberSchema.optional(),
  phone: phoneSchema.optional(),
  status: volunteerStatus.optional(),
  guardian: guardianSchema
    .optional()
    .describe('Needed when the corrected ID number makes the person a minor and no consent is recorded yet'),
  reason: multiline(
    z
      .string()
      .trim()
      .min(1, { message: zhEn('请填写更正原因', 'Give the reason for the correction') })
      .max(textLimits.correctionReason),
  ).describe('Why the record is corrected (kept in the audit log)'),
});

export const listVolunteersQuery = pageQuery.extend({
  regionCode: regionCodeSchema.optional(),
  status: volunteerStatus.optional(),
  skill: z.string().max(40).optional(),
  q: z.string().trim().max(40).optional().describe('Name, volunteer number or full phone number'),
});

export const exportVolunteersQuery = listVolunteersQuery.omit({ limit: true, cursor: true });

export const importVolunteersBody = z.object({
  fileBase64: z.string().min(1).max(14_000_000).describe('The filled template (.xlsx), base64'),
  mode: z
    .enum(['validate', 'apply-valid', 'all-or-nothing'])
    .describe('validate: report only; apply-valid: create the valid rows; all-or-nothing: create all or none'),
});

export const phoneChangeBody = z.object({ newPhone: phoneSchema });
export const phoneChangeConfirmBody = z.object({
  requestId: z.string().uuid(),
  code: smsCode,
});

export const volunteerIdParams = z.object({ id: z.string().uuid() });

const regionName = named('RegionName', z.object({ code: z.string(), name: z.string() }));
const skillRef = named('SkillRef', z.object({ code: z.string(), name: z.string() }));

export const volunteerSummary = named(
  'VolunteerSummary',
  z.object({
    id: z.string().uuid(),
    number: z.string(),
    name: z.string(),
    phoneMasked: z.string(),
    idNumberMasked: z.string(),
    gender: z.enum(['male', 'female']),
    region: regionName,
    status: volunteerStatus,
    skills: z.array(skillRef),
    registeredVia: registrationChannel,
    createdAt: z.string(),
  }),
);

const profileOut = {
  statusReason: z.string().nullable(),
  birthYear: z.number().int(),
  availability: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
  serviceAreas: z.array(regionName),
  consent: z.object({ version: z.string(), acceptedAt: z.string() }).nullable(),
  guardian: z
    .object({ name: z.string(), phoneMasked: z.string(), relation: guardianRelation, consentedAt: z.string() })
    .nullable()
    .describe('The guardian who consented to a minor’s registration'),
  address: z.string().nullable(),
  intro: z.string().nullable(),
  updatedAt: z.string(),
};

export const volunteerDetail = named(
  'VolunteerDetail',
  volunteerSummary.extend({
    ...profileOut,
    phone: z.string(),
    can: z.object({ changeStatus: z.boolean(), revealIdNumber: z.boolean(), correct: z.boolean() }),
  }),
);

export const myVolunteer = named(
  'MyVolunteer',
  volunteerSummary.extend({
    ...profileOut,
    phone: z.string(),
    idNumber: z.string().describe('Shown in full to its owner only'),
    birthDate: z.string(),
  }),
);

export const registrationOptions = named(
  'RegistrationOptions',
  z.object({
    consentVersion: z.string(),
    ageRules: z
      .object({ adultAge: z.number().int(), minAgeOnOwn: z.number().int(), timeZone: z.string() })
      .describe('Under adultAge a guardian consents; under minAgeOnOwn only through a volunteer family'),
    skills: z.array(skillRef),
    communities: z.array(z.object({ code: z.string(), name: z.string(), subdistrict: z.string() })),
  }),
);

export const importReport = named(
  'VolunteerImportReport',
  z.object({
    mode: z.enum(['validate', 'apply-valid', 'all-or-nothing']),
    totalRows: z.number().int(),
    validRows: z.number().int(),
    invalidRows: z.number().int(),
    created: z.number().int(),
    errors: z.array(
      z.object({
        row: z.number().int().describe('Row number in the sheet (the header is row 1)'),
        column: z.string().describe('Column header, e.g. 身份证号'),
        field: z.string(),
        message: z.string(),
        messageEn: z.string(),
      }),
    ),
  }),
);

const ages = AGE_RULE_BOUNDS;
export const volunteerSettingsView = named(
  'VolunteerSettings',
  z.object({
    adultAge: z
      .number()
      .int()
      .min(ages.adultAge.min)
      .max(ages.adultAge.max)
      .describe('From this age a person registers without a guardian (national default 18)'),
    minAgeOnOwn: z
      .number()
      .int()
      .min(ages.minAgeOnOwn.min)
      .max(ages.minAgeOnOwn.max)
      .describe('Below this age a child joins only as a member of a volunteer family (national default 8)'),
  }),
);

export const volunteerSettingsBody = volunteerSettingsView.refine((b) => b.minAgeOnOwn <= b.adultAge, {
  message: zhEn(
    '单独注册的最低年龄不能高于成年年龄',
    'The youngest age to register alone cannot exceed the age of majority',
  ),
  path: ['minAgeOnOwn'],
});
