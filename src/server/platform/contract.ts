import { z } from 'zod';
import { phonePattern } from '../../shared/phone.js';
import { zhEn } from './validation-messages.js';

/**
 * Names a schema as an OpenAPI component (`components.schemas[id]`). Zod keeps ids in one registry
 * per process; when a module is evaluated twice there (Vitest runs each project's global setup in
 * its own module graph), the later schema takes the id instead of throwing.
 */
export function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  const earlier = z.globalRegistry._idmap.get(id);
  if (earlier) z.globalRegistry.remove(earlier);
  return schema.meta(description === undefined ? { id } : { id, description });
}

export const errorResponse = named(
  'Error',
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string().describe('中文说明'),
      messageEn: z.string(),
      details: z.array(z.object({ field: z.string(), message: z.string(), messageEn: z.string() })).optional(),
    }),
  }),
  'Error',
);

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

export const regionLevel = named('RegionLevel', z.enum(['district', 'subdistrict', 'community']));

export const regionRef = named('RegionRef', z.object({ code: z.string(), name: z.string(), level: regionLevel }));

export const okResponse = named('Ok', z.object({ ok: z.literal(true) }));
