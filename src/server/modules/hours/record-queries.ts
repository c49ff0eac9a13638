import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import { presentRecords } from './present.js';
import { type ServiceRecordStatus, serviceRecords } from './schema.js';

/** Newest first: by recorded time, then id. */
const recordsCursor = cursorCodec(cursorPart.timestamp, cursorPart.uuid);

export interface RecordPage {
  status: ServiceRecordStatus | 'all';
  limit: number;
  cursor?: string | undefined;
}

/** One page of records matching `where`, newest first, presented for `actor`. */
export async function pageOfRecords(
  db: Db,
  actor: Actor,
  where: SQL | undefined,
  input: RecordPage,
  ledTeams: string[] = [],
) {
  const after = recordsCursor.decode(input.cursor);
  const rows = await db
    .select()
    .from(serviceRecords)
    .where(
      and(
        eq(serviceRecords.tenantId, actor.tenantId),
        where,
        input.status === 'all' ? undefined : eq(serviceRecords.status, input.status),
        after
          ? or(
              lt(serviceRecords.recordedAt, new Date(after[0])),
              and(eq(serviceRecords.recordedAt, new Date(after[0])), lt(serviceRecords.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(serviceRecords.recordedAt), desc(serviceRecords.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: await presentRecords(db, actor, page, ledTeams),
    nextCursor:
      rows.length > input.limit && last ? recordsCursor.encode([last.recordedAt.toISOString(), last.id]) : null,
  };
}
