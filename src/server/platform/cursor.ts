/**
 * Keyset-paging cursors: base64url of a JSON array of the sort-key values of the last row. A
 * cursor comes back from the client, so it is parsed with the list's own tuple schema; anything
 * that does not fit (garbage, a forged value, a NUL byte, an impossible date) is a 400 on
 * `querystring.cursor`, never a database error.
 */
import { z } from 'zod';
import { fieldError } from './errors.js';
import { hasControlCharacter } from './input-guard.js';

/** A timestamp as PostgreSQL prints it (`2026-11-29 16:03:53.123456+00`) or as ISO-8601. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|([+-])(\d{2})(?::?(\d{2}))?)$/;

function isRealTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetHours = Number(m[8] ?? 0);
  const offsetMinutes = Number(m[9] ?? 0);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetHours <= 14 &&
    offsetMinutes < 60
  );
}

/** The building blocks of cursor tuples. */
export const cursorPart = {
  text: z
    .string()
    .max(500)
    .refine((s) => !hasControlCharacter(s)),
  uuid: z.uuid(),
  timestamp: z.string().refine(isRealTimestamp),
  /** A positive integer key that fits PostgreSQL's bigint and JavaScript's safe integers. */
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
};

export interface CursorCodec<T extends readonly unknown[]> {
  encode(values: T): string;
  /** The values of a client's cursor; null without one; a 400 when it does not fit. */
  decode(cursor: string | undefined): T | null;
}

const invalidCursor = () => fieldError('querystring.cursor', '翻页参数无效', 'Invalid cursor');

/** A cursor of the given sort keys, e.g. `cursorCodec(cursorPart.text, cursorPart.uuid)`. */
export function cursorCodec<const Parts extends readonly [z.ZodType, ...z.ZodType[]]>(
  ...parts: Parts
): CursorCodec<{ [K in keyof Parts]: z.output<Parts[K]> }> {
  type Values = { [K in keyof Parts]: z.output<Parts[K]> };
  const schema = z.tuple(parts as unknown as [z.ZodType, ...z.ZodType[]]);
  return {
    encode: (values) => Buffer.from(JSON.stringify(values)).toString('base64url'),
    decode(cursor) {
      if (cursor === undefined || cursor === '') return null;
      if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
      let raw: unknown;
      try {
        raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw invalidCursor();
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw invalidCursor();
      return parsed.data as Values;
    },
  };
}

/** `[created_at as PostgreSQL text, uuid]`: newest-first lists with microsecond precision. */
export const timeIdCursor = cursorCodec(cursorPart.timestamp, cursorPart.uuid);
