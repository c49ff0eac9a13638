import { z } from 'zod';
import { zhEn } from '../../platform/validation-messages.js';
import { attendanceView } from './contract.js';

const time = z.string().datetime({ offset: true });

export const positionSchema = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  accuracyM: z.number().min(0).max(100_000).describe('The reported accuracy (radius in metres)'),
});

export const attendanceBody = z
  .object({
    token: z.string().max(200).optional().describe('The QR token scanned from the screen (display mode)'),
    code: z
      .string()
      .regex(/^\d{6}$/, { message: zhEn('请输入屏幕上的6位签到码', 'Type the 6-digit code shown on the screen') })
      .optional()
      .describe('The 6-digit short code under the QR code'),
    sessionId: z.string().uuid().optional().describe('Without a code: the occurrence, checked by location alone'),
    position: positionSchema.describe('Where the device is; must be inside the activity’s geofence'),
  })
  .refine((b) => [b.token, b.code, b.sessionId].filter((v) => v !== undefined).length === 1, {
    message: zhEn('请扫码、输入签到码或选择场次（三选一）', 'Give exactly one of token, code or sessionId'),
    path: ['code'],
  });

export const attendanceResult = z.object({
  sessionId: z.string().uuid(),
  activity: z.object({ id: z.string().uuid(), title: z.string() }),
  startsAt: time,
  endsAt: time,
  attendance: attendanceView,
  serviceRecordId: z.string().uuid().nullable().describe('The pending service record, once checked out'),
});

export const handCheckInBody = z.object({
  userId: z.string().uuid().describe('The volunteer’s account'),
  reason: z.string().trim().min(2).max(200).describe('Why by hand (audited)'),
  at: time.optional().describe('When they arrived (default now); not before 30 minutes ahead of the start'),
});

export const checkinCodeView = z.object({
  sessionId: z.string().uuid(),
  activity: z.object({ id: z.string().uuid(), title: z.string() }),
  startsAt: time,
  endsAt: time,
  token: z.string().describe('Put it in the QR code (the H5 page /h5/checkin?t=<token> reads it)'),
  shortCode: z.string().describe('6 digits, for typing'),
  issuedAt: time,
  expiresAt: time.describe('The short code is refused after this'),
  refreshSeconds: z.number().int().describe('Ask again after this many seconds'),
  checkedIn: z.number().int(),
  checkedOut: z.number().int(),
});
