import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { fieldError } from '../../platform/errors.js';
import { wouldCreateCycle } from './parent-chain.js';
import { organisations } from './schema.js';

/** The parent must be an organisation of the same tenant and must not be the organisation itself or below it. */
export async function assertValidParent(db: Db, tenantId: string, selfId: string | null, parentId: string) {
  const rows = await db
    .select({ id: organisations.id, parentId: organisations.parentId })
    .from(organisations)
    .where(eq(organisations.tenantId, tenantId));
  const parentOf = new Map(rows.map((r) => [r.id, r.parentId]));
  if (!parentOf.has(parentId)) throw fieldError('body.parentId', '上级组织不存在', 'No such parent organisation');
  if (wouldCreateCycle(selfId, parentId, parentOf)) {
    throw fieldError(
      'body.parentId',
      '上级组织不能是本组织或其下级组织',
      'The parent cannot be the organisation itself or one of its descendants',
    );
  }
}
