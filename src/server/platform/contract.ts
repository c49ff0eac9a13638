import { z } from 'zod';
import { fieldError } from './errors.js';
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
  .describe('Error');

/** Adds the shared error shape to a route's responses. */
export function responses<T extends Record<number, z.ZodType>>(ok: T) {
  return { ...ok, 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 429: errorResponse };
}

export const phoneSchema = z
  .string()
  .regex(/^1[3-9]\d{9}$/, { message: zhEn('请输入11位手机号', 'Enter an 11-digit mobile number') });

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

export const regionRef = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['district', 'subdistrict', 'community']),
});

export const okResponse = z.object({ ok: z.literal(true) });

/** Cursor encoding for keyset paging: base64url of a JSON array of the sort key values. */
export const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
export function decodeCursor(cursor: string | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalidCursor = () => fieldError('querystring.cursor', '翻页参数无效', 'Invalid cursor');

/** A `[created_at as PostgreSQL text, uuid]` cursor; anything else is a bad request, not a database error. */
export function decodeTimeIdCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  const v = decodeCursor(cursor);
  if (v?.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && UUID.test(v[1])) {
    if (!Number.isNaN(Date.parse(v[0].replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')))) return [v[0], v[1]];
  }
  throw invalidCursor();
}

/** A `[positive integer id]` cursor. */
export function decodeIdCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  const v = decodeCursor(cursor);
  if (v?.length === 1 && Number.isSafeInteger(v[0]) && (v[0] as number) > 0) return v[0] as number;
  throw invalidCursor();
}
