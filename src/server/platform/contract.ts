import { z } from 'zod';
import { phonePattern } from '../../shared/phone.js';
import { zhEn } from './validation-messages.js';

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string().describe('中文说明'),
      messageEn: z.string(),
      details: z.array(z.object({ field: z.string(), message: z.string(), messageEn: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error', description: 'Error' });

/** Adds the shared error shape to a route's responses. */
export function responses<T extends Record<number, z.ZodType>>(ok: T) {
  return { ...ok, 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 429: errorResponse };
}

export const phoneSchema = z
  .string()
  .regex(phonePattern, { message: zhEn('请输入11位手机号', 'Enter an 11-digit mobile number') });

/** A password someone chooses: 8–72 characters with a letter and a digit. */
export const passwordSchema = z
  .string()
  .min(8, { message: zhEn('密码至少8位', 'At least 8 characters') })
  .max(72)
  .regex(/[A-Za-z]/, { message: zhEn('密码需包含字母', 'Include a letter') })
  .regex(/\d/, { message: zhEn('密码需包含数字', 'Include a digit') });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
});

export const regionLevel = z.enum(['district', 'subdistrict', 'community']).meta({ id: 'RegionLevel' });

export const regionRef = z.object({ code: z.string(), name: z.string(), level: regionLevel }).meta({ id: 'RegionRef' });

export const okResponse = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });
