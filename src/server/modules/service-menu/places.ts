import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { sites } from '../sites/index.js';

export interface Point {
  lng: number;
  lat: number;
}

/** A region code and every ancestor of it: 371002002005 → 371002, 371002002, 371002002005. */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (let n = 6; n <= code.length; n += 3) out.push(code.slice(0, n));
  return out;
}

/** The parent of a subdistrict or community code; null for a district. */
export const parentCode = (code: string): string | null => (code.length > 6 ? code.slice(0, code.length - 3) : null);

/** The next code below `from` on the way down to `to` (371002 → 371002002 on the way to 371002002005). */
export const childToward = (from: string, to: string): string | null =>
  to.startsWith(from) && to.length > from.length ? to.slice(0, from.length + 3) : null;

/** Metres between two WGS-84 points (equirectangular; exact enough within a district). */
export function distanceMetres(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const x = (b.lng - a.lng) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.round(Math.sqrt(x * x + y * y) * 6_371_000);
}

/** The community whose station stands nearest to a point, or null when no station is located. */
export async function communityNear(db: Db, tenantId: string, point: Point): Promise<string | null> {
  const cos = Math.cos((point.lat * Math.PI) / 180);
  const [row] = await db
    .select({ regionCode: sites.regionCode })
    .from(sites)
    .where(and(eq(sites.tenantId, tenantId), eq(sites.kind, 'station'), isNotNull(sites.lng), isNotNull(sites.lat)))
    .orderBy(
      sql`power((${sites.lng} - ${point.lng}) * ${cos}, 2) + power(${sites.lat} - ${point.lat}, 2)`,
      sites.regionCode,
    )
    .limit(1);
  return row?.regionCode ?? null;
}
