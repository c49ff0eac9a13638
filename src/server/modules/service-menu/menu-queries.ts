import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { timeIdCursor } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import { organisations } from '../organisations/index.js';
import { menuItems, serviceCategories } from './schema.js';

type Row = {
  item: typeof menuItems.$inferSelect;
  categoryName: string;
  categoryNameEn: string;
  organisationName: string | null;
};

function baseQuery(db: Db) {
  return db
    .select({
      item: menuItems,
      categoryName: serviceCategories.name,
      categoryNameEn: serviceCategories.nameEn,
      organisationName: organisations.name,
      sortAt: sql<string>`${menuItems.createdAt}::text`,
    })
    .from(menuItems)
    .innerJoin(
      serviceCategories,
      and(eq(serviceCategories.tenantId, menuItems.tenantId), eq(serviceCategories.code, menuItems.categoryCode)),
    )
    .leftJoin(
      organisations,
      and(eq(organisations.tenantId, menuItems.tenantId), eq(organisations.id, menuItems.organisationId)),
    );
}

export function presentItem(r: Row) {
  const i = r.item;
  return {
    id: i.id,
    categoryCode: i.categoryCode,
    categoryName: r.categoryName,
    categoryNameEn: r.categoryNameEn,
    title: i.title,
    description: i.description,
    providerKind: i.providerKind,
    organisationId: i.organisationId,
    organisationName: r.organisationName,
    projectName: i.projectName,
    regionCode: i.regionCode,
    requiredSkills: i.requiredSkills,
    areaCodes: i.areaCodes,
    durationMinutes: i.durationMinutes,
    capacity: i.capacity,
    active: i.active,
    createdAt: i.createdAt.toISOString(),
  };
}
export type MenuItemView = ReturnType<typeof presentItem>;

/** Newest first, keyset-paged on (created_at, id). */
export async function pageItems(db: Db, conditions: (SQL | undefined)[], page: { limit: number; cursor?: string }) {
  const after = timeIdCursor.decode(page.cursor);
  const keyset = after
    ? sql`(${menuItems.createdAt}, ${menuItems.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
    : undefined;
  const rows = await baseQuery(db)
    .where(and(...conditions, keyset))
    .orderBy(desc(menuItems.createdAt), desc(menuItems.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map(presentItem),
    nextCursor: rows.length > page.limit && last ? timeIdCursor.encode([last.sortAt, last.item.id]) : null,
  };
}

export async function findItemRow(db: Db, tenantId: string, id: string): Promise<Row | null> {
  const [row] = await baseQuery(db).where(and(eq(menuItems.tenantId, tenantId), eq(menuItems.id, id)));
  return row ?? null;
}
