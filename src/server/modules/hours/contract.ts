import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { errorResponse, named, pageQuery, responses } from '../../platform/contract.js';
import { serviceRecordStatuses } from './schema.js';

const iso = z.string().datetime({ offset: true });
const personRef = z.object({ userId: z.string().uuid(), name: z.string() });

export const serviceRecordView = named(
  'ServiceRecord',
  z.object({
    id: z.string().uuid(),
    volunteer: z.object({ userId: z.string().uuid(), name: z.string(), number: z.string().nullable() }),
    source: z.object({
      type: z.string().describe('activity_attendance, order, import, manual'),
      id: z.string(),
    }),
    content: z.string(),
    minutes: z.number().int(),
    startedAt: iso.nullable(),
    endedAt: iso.nullable(),
    regionCode: z.string(),
    organisation: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
    recordedBy: personRef.nullable(),
    recordedAt: iso,
    status: z.enum(serviceRecordStatuses),
    confirmedBy: personRef.nullable(),
    confirmedAt: iso.nullable(),
    correctsId: z.string().uuid().nullable().describe('The record this one replaced after a correction'),
    rejectedAt: iso.nullable(),
    rejectReason: z.string().nullable().describe('Why the organiser refused it (status rejected)'),
    synthetic: z.boolean(),
    can: z.object({ confirm: z.boolean(), reject: z.boolean(), correct: z.boolean() }),
  }),
);

export const correctionView = named(
  'HoursCorrection',
  z.object({
    id: z.string().uuid(),
    serviceRecordId: z.string().uuid(),
    volunteerName: z.string().nullable(),
    content: z.string(),
    fromMinutes: z.number().int(),
    minutes: z.number().int(),
    reason: z.string(),
    state: z.enum(['pending', 'approved', 'rejected']),
    requestedBy: personRef.nullable(),
    requestedAt: iso,
    decidedBy: personRef.nullable(),
    decidedAt: iso.nullable(),
    decisionNote: z.string().nullable(),
    newRecordId: z.string().uuid().nullable(),
  }),
);

export const starLevelView = named(
  'StarLevel',
  z.object({
    level: z.number().int().describe('0 (none yet) to 5'),
    totalMinutes: z.number().int().describe('Cumulative confirmed minutes'),
    nextThresholdHours: z.number().int().nullable(),
    minutesToNext: z.number().int(),
    progress: z.number().describe('0–1 toward the next star'),
    thresholdsHours: z.array(z.number().int()),
  }),
);

export const hoursSummaryView = named(
  'HoursSummary',
  z.object({
    star: starLevelView,
    pendingMinutes: z.number().int(),
    confirmedRecords: z.number().int(),
  }),
);

export const recordsQuery = pageQuery.extend({
  status: z.enum([...serviceRecordStatuses, 'all']).default('pending'),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/)
    .optional(),
});
export const teamRecordsQuery = pageQuery.extend({
  status: z.enum([...serviceRecordStatuses, 'all']).default('pending'),
  teamId: z.string().uuid().optional().describe('One of the teams you lead; all of them when left out'),
});
export const myRecordsQuery = pageQuery.extend({ status: z.enum([...serviceRecordStatuses, 'all']).default('all') });
export const correctionsQuery = pageQuery.extend({
  state: z.enum(['pending', 'approved', 'rejected']).default('pending'),
});

/** Refusing a pending record: the reason the volunteer reads (the use case also refuses fewer than 2 characters once trimmed). */
export const rejectBody = z.object({ reason: z.string().max(textLimits.hoursRejectReason) });
export const confirmBody = z.object({ ids: z.array(z.string().uuid()).min(1).max(200) });
export const confirmResult = named(
  'HoursConfirmResult',
  z.object({
    confirmed: z.array(z.string().uuid()),
    skipped: z.array(z.object({ id: z.string().uuid(), reason: z.enum(['not_found', 'not_pending', 'own_record']) })),
  }),
);

export const correctionBody = z.object({
  minutes: z.number().int().min(0).max(1440),
  reason: z.string().trim().min(2).max(textLimits.hoursCorrectionReason),
});
export const decisionBody = z.object({ note: z.string().trim().max(textLimits.hoursDecisionNote).optional() });

export const idParams = z.object({ id: z.string().uuid() });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const writeResponses = <T extends Record<number, z.ZodType>>(ok: T) => ({
  ...responses(ok),
  409: errorResponse,
});

export const certificateView = named(
  'Certificate',
  z.object({
    id: z.string().uuid(),
    number: z.string().nullable(),
    state: z.enum(['requested', 'issued', 'refused', 'revoked']),
    periodFrom: iso.nullable(),
    periodTo: iso.nullable(),
    requestedAt: iso,
    issuedAt: iso.nullable(),
    volunteerName: z.string().nullable(),
    totalMinutes: z.number().int().nullable(),
    purpose: z.string().nullable().describe('What the volunteer needs it for, as they wrote it'),
    reason: z.string().nullable().describe('Why it was refused or revoked'),
  }),
);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const certificateRequestBody = z.object({
  from: date.optional().describe('First day (Asia/Shanghai); omit both for all service'),
  to: date.optional(),
  purpose: z.string().trim().max(textLimits.certificatePurpose).optional(),
});
export const issueBody = z.object({
  organisation: z
    .string()
    .trim()
    .min(2)
    .max(textLimits.certificateOrganisation)
    .describe('The issuing (recording) organisation'),
  personInCharge: z.string().trim().min(1).max(textLimits.certificatePersonInCharge),
  contact: z.string().trim().min(5).max(textLimits.certificateContact),
});
export const certificatesQuery = z.object({
  state: z.enum(['requested', 'issued', 'refused', 'revoked']).default('requested'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export const numberParams = z.object({ number: z.string().regex(/^[A-Z0-9]{4,40}$/) });
export const refuseBody = z.object({
  reason: z
    .string()
    .trim()
    .min(2)
    .max(textLimits.certificateRefuseReason)
    .describe('Why it is not issued (the volunteer is told; audited)'),
});
export const revokeBody = z.object({
  reason: z.string().trim().min(2).max(textLimits.certificateRevokeReason).describe('Why it is revoked (audited)'),
});
export const verification = named(
  'CertificateVerification',
  z.object({
    number: z.string(),
    status: z.enum(['valid', 'revoked', 'altered', 'unknown']),
    content: z
      .object({
        issuedOn: z.string(),
        volunteerName: z.string().describe('Masked: the first character only'),
        idNumberMasked: z.string(),
        volunteerNumber: z.string(),
        totalMinutes: z.number().int(),
        recordCount: z.number().int(),
        periodFrom: z.string().nullable(),
        periodTo: z.string().nullable(),
        issuer: z.string(),
        revokedOn: z.string().nullable().describe('The day it was revoked (status revoked)'),
      })
      .nullable(),
  }),
);
