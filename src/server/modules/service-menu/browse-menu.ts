import { eq, ilike, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { fieldError } from '../../platform/errors.js';
import { pageItems } from './menu-queries.js';
import { ancestorCodes, communityNear } from './places.js';
import { menuItems } from './schema.js';

export interface BrowseMenuInput {
  category?: string;
  regionCode?: string;
  lng?: number;
  lat?: number;
  q?: string;
  limit: number;
  cursor?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The public menu: active items, by category, and "near me": items serving the given community (or
 * the community whose station is nearest the given point), that is, serving it or any region above it.
 */
export async function browseMenu(ctx: Ctx, input: BrowseMenuInput) {
  if ((input.lng === undefined) !== (input.lat === undefined))
    throw fieldError('querystring.lat', '经纬度需同时提供', 'Give both lng and lat');
  let regionCode = input.regionCode ?? null;
  if (!regionCode && input.lng !== undefined && input.lat !== undefined)
    regionCode = await communityNear(ctx.db, ctx.tenantId, { lng: input.lng, lat: input.lat });
  const areas = regionCode ? ancestorCodes(regionCode) : null;
  const page = await pageItems(
    ctx.db,
    [
      eq(menuItems.tenantId, ctx.tenantId),
      eq(menuItems.active, true),
      input.category ? eq(menuItems.categoryCode, input.category) : undefined,
      areas
        ? sql`${menuItems.areaCodes} && array[${sql.join(
            areas.map((a) => sql`${a}`),
            sql`, `,
          )}]::text[]`
        : undefined,
      input.q ? ilike(menuItems.title, `%${escapeLike(input.q)}%`) : undefined,
    ],
    input,
  );
  return { ...page, regionCode };
}
