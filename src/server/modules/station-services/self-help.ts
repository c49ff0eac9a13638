/** Shared reads and presentation for the self-help corner. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { selfHelpItems } from './schema.js';

export const presentItem = (i: typeof selfHelpItems.$inferSelect) => ({
  id: i.id,
  siteId: i.siteId,
  name: i.name,
  unit: i.unit,
  quantity: i.quantity,
});

export async function findItem(db: Db, tenantId: string, siteId: string, itemId: string) {
  const [item] = await db
    .select()
    .from(selfHelpItems)
    .where(and(eq(selfHelpItems.tenantId, tenantId), eq(selfHelpItems.siteId, siteId), eq(selfHelpItems.id, itemId)));
  return item ?? null;
}
