import { and, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { callsQuery, projectCall } from './contract.js';
import { projectCalls, projects } from './schema.js';

type CallRow = typeof projectCalls.$inferSelect;
const cursor = cursorCodec(cursorPart.timestamp, cursorPart.uuid);

export const isOpen = (call: Pick<CallRow, 'opensAt' | 'closesAt'>, now = new Date()) =>
  call.opensAt <= now && now < call.closesAt;

export async function findCall(db: Db, tenantId: string, id: string): Promise<CallRow | null> {
  const [row] = await db
    .select()
    .from(projectCalls)
    .where(and(eq(projectCalls.tenantId, tenantId), eq(projectCalls.id, id)));
  return row ?? null;
}

async function present(db: Db, tenantId: string, rows: CallRow[]): Promise<z.output<typeof projectCall>[]> {
  const counts = rows.length
    ? await db
        .select({ callId: projects.callId, n: sql<number>`count(*)::int` })
        .from(projects)
        .where(
          and(
            eq(projects.tenantId, tenantId),
            inArray(
              projects.callId,
              rows.map((r) => r.id),
            ),
            sql`${projects.state} <> 'draft'`,
          ),
        )
        .groupBy(projects.callId)
    : [];
  const n = new Map(counts.map((c) => [c.callId, c.n]));
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    level: r.level,
    regionCode: r.regionCode,
    year: r.year,
    opensAt: r.opensAt.toISOString(),
    closesAt: r.closesAt.toISOString(),
    open: isOpen(r, now),
    eligibleKinds: r.eligibleKinds as z.output<typeof projectCall>['eligibleKinds'],
    requiredFields: r.requiredFields as z.output<typeof projectCall>['requiredFields'],
    requiredAttachments: r.requiredAttachments,
    projects: n.get(r.id) ?? 0,
    synthetic: r.synthetic,
  }));
}

/** A call is public to every signed-in person (organisations read it to apply). */
export async function getCall(ctx: Ctx, id: string) {
  const row = await findCall(ctx.db, ctx.tenantId, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [out] = await present(ctx.db, ctx.tenantId, [row]);
  return out as z.output<typeof projectCall>;
}

/** Calls, the latest window first; `open=true`: those accepting submissions now. */
export async function listCalls(ctx: Ctx, query: z.output<typeof callsQuery>) {
  const after = cursor.decode(query.cursor);
  const now = new Date();
  const rows = await ctx.db
    .select()
    .from(projectCalls)
    .where(
      and(
        eq(projectCalls.tenantId, ctx.tenantId),
        query.open === 'true' ? and(lte(projectCalls.opensAt, now), gt(projectCalls.closesAt, now)) : undefined,
        query.open === 'false' ? or(gt(projectCalls.opensAt, now), lte(projectCalls.closesAt, now)) : undefined,
        after
          ? sql`(${projectCalls.opensAt}, ${projectCalls.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(sql`${projectCalls.opensAt} desc`, sql`${projectCalls.id} desc`)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await present(ctx.db, ctx.tenantId, page),
    nextCursor: rows.length > query.limit && last ? cursor.encode([last.opensAt.toISOString(), last.id]) : null,
  };
}
