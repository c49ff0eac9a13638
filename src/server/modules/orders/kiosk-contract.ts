import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { named, phoneSchema } from '../../platform/contract.js';
import { zhEn } from '../../platform/validation-messages.js';

const time = z.string().datetime({ offset: true });

export const kioskParams = z.object({ siteId: z.string().uuid() });

export const kioskOrderBody = z
  .object({
    menuItemId: z.string().uuid().describe('An item of the service menu serving the station’s community'),
    contactName: z.string().trim().min(1).max(textLimits.orderContactName),
    contactPhone: phoneSchema,
    address: z.string().trim().min(1).max(textLimits.orderAddress),
    description: z.string().trim().max(textLimits.orderDescription).default(''),
    windowStart: time,
    windowEnd: time,
  })
  .refine((b) => Date.parse(b.windowEnd) > Date.parse(b.windowStart), {
    message: zhEn('结束时间需晚于开始时间', 'The window must end after it starts'),
    path: ['windowEnd'],
  });

export const kioskReceipt = named(
  'KioskOrderReceipt',
  z.object({
    number: z.string().describe('The order number to tell the station when asking about it'),
    title: z.string(),
    siteName: z.string(),
    windowStart: time,
    windowEnd: time,
    placedAt: time,
  }),
);
