/**
 * Manual awards and deductions: one staff member asks (volunteer, points, reason), a different
 * one who holds the volunteer's community in scope approves or rejects. Only the approval posts
 * (keyed `points.adjust:<id>`, in the transaction that moves the request out of `pending`, so two
 * simultaneous approvals post once). A deduction never takes a balance below zero: it is refused
 * (POINTS_DEDUCTION_EXCEEDS_BALANCE) at the request and again at the approval.
 */
import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { assertInScope, scopeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { users } from '../accounts/index.js';
import { notify } from '../notifications/index.js';
import { volunteers } from '../volunteers/index.js';
import { pointsBalance } from './accounts.js';
import { creditPoints, takeBackPoints } from './ledger-ops.js';
import { type AdjustmentState, pointsAdjustments } from './schema.js';

type AdjustmentRow = typeof pointsAdjustments.$inferSelect;

const tooLow = (balance: number) =>
  new AppError('POINTS_DEDUCTION_EXCEEDS_BALANCE', [
    {
      field: 'body.points',
      message: `扣减积分不能超过当前余额（${balance}）`,
      messageEn: `A deduction cannot exceed the current balance (${balance})`,
    },
  ]);

async function present(db: Db, tenantId: string, actorId: string, rows: AdjustmentRow[]) {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.flatMap((r) => [r.userId, r.requestedBy, ...(r.decidedBy ? [r.decidedBy] : [])]))];
  const people = new Map(
    (
      await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(and(eq(users.tenantId, tenantId), inArray(users.id, ids)))
    ).map((u) => [u.id, u.name]),
  );
  const vols = new Map(
    (
      await db
        .select({ userId: volunteers.userId, name: volunteers.name, number: volunteers.number })
        .from(volunteers)
        .where(
          and(
            eq(volunteers.tenantId, tenantId),
            inArray(
              volunteers.userId,
              rows.map((r) => r.userId),
            ),
          ),
        )
    ).map((v) => [v.userId, v]),
  );
  return rows.map((r) => ({
    id: r.id,
    volunteer: {
      userId: r.userId,
      name: vols.get(r.userId)?.name ?? people.get(r.userId) ?? '',
      number: vols.get(r.userId)?.number ?? null,
    },
    regionCode: r.regionCode,
    amount: r.amount,
    reason: r.reason,
    state: r.state,
    requestedBy: { userId: r.requestedBy, name: people.get(r.requestedBy) ?? '' },
    requestedAt: r.requestedAt.toISOString(),
    decidedBy: r.decidedBy ? { userId: r.decidedBy, name: people.get(r.decidedBy) ?? '' } : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    transactionId: r.transactionId,
    can: { decide: r.state === 'pending' && r.requestedBy !== actorId },
  }));
}

async function presentOne(db: Db, tenantId: string, actorId: string, row: AdjustmentRow) {
  const [view] = await present(db, tenantId, actorId, [row]);
  if (!view) throw new Error('adjustment vanished');
  return view;
}

export async function requestAdjustment(
  ctx: Ctx,
  input: { volunteerId: string; direction: 'award' | 'deduct'; points: number; reason: string },
) {
  const actor = requireActor(ctx);
  const [volunteer] = await ctx.db
    .select({ userId: volunteers.userId, regionCode: volunteers.regionCode })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, actor.tenantId), eq(volunteers.id, input.volunteerId)));
  if (!volunteer) throw new AppError('NOT_FOUND');
  assertInScope(actor, volunteer.regionCode);
  if (input.direction === 'deduct') {
    const balance = await pointsBalance(ctx.db, actor.tenantId, volunteer.userId);
    if (balance < input.points) throw tooLow(balance);
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(pointsAdjustments)
      .values({
        tenantId: actor.tenantId,
        userId: volunteer.userId,
        regionCode: volunteer.regionCode,
        amount: input.direction === 'award' ? input.points : -input.points,
        reason: input.reason,
        requestedBy: actor.userId,
      })
      .returning();
    if (!created) throw new Error('adjustment insert returned nothing');
    await writeAudit(tx, auditContext(ctx), {
      action: 'points.adjustment_requested',
      entityType: 'points_adjustment',
      entityId: created.id,
      regionCode: created.regionCode,
      detail: { userId: created.userId, amount: created.amount, reason: created.reason },
    });
    return created;
  });
  return presentOne(ctx.db, actor.tenantId, actor.userId, row);
}

export async function decideAdjustment(
  ctx: Ctx,
  id: string,
  decision: 'approve' | 'reject',
  input: { note?: string | undefined },
) {
  const actor = requireActor(ctx);
  const [adjustment] = await ctx.db
    .select()
    .from(pointsAdjustments)
    .where(and(eq(pointsAdjustments.tenantId, actor.tenantId), eq(pointsAdjustments.id, id)));
  if (!adjustment) throw new AppError('NOT_FOUND');
  assertInScope(actor, adjustment.regionCode);
  if (adjustment.requestedBy === actor.userId) throw new AppError('POINTS_ADJUSTMENT_SELF_APPROVAL');
  if (adjustment.state !== 'pending') throw new AppError('REQUEST_NOT_PENDING');
  const row = await ctx.db.transaction(async (tx) => {
    const [decided] = await tx
      .update(pointsAdjustments)
      .set({
        state: decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: actor.userId,
        decidedAt: new Date(),
        decisionNote: input.note ?? null,
      })
      .where(
        and(
          eq(pointsAdjustments.tenantId, actor.tenantId),
          eq(pointsAdjustments.id, id),
          eq(pointsAdjustments.state, 'pending'),
        ),
      )
      .returning();
    if (!decided) throw new AppError('REQUEST_NOT_PENDING');
    let transactionId: string | null = null;
    if (decision === 'approve') {
      const meta = {
        memo: decided.reason,
        source: { type: 'points_adjustment', id: decided.id },
        idempotencyKey: `points.adjust:${decided.id}`,
        actorId: actor.userId,
        data: { requestedBy: decided.requestedBy, approvedBy: actor.userId },
      };
      if (decided.amount > 0) {
        transactionId = (
          await creditPoints(tx, actor.tenantId, decided.userId, decided.amount, {
            ...meta,
            kind: 'points.adjust.award',
          })
        ).id;
      } else {
        try {
          const { posted } = await takeBackPoints(
            tx,
            actor.tenantId,
            decided.userId,
            -decided.amount,
            { ...meta, kind: 'points.adjust.deduct' },
            false,
          );
          transactionId = posted.id;
        } catch (err) {
          if (err instanceof AppError && err.code === 'LEDGER_INSUFFICIENT_BALANCE') {
            throw tooLow(await pointsBalance(tx, actor.tenantId, decided.userId));
          }
          throw err;
        }
      }
      await tx
        .update(pointsAdjustments)
        .set({ transactionId })
        .where(and(eq(pointsAdjustments.tenantId, actor.tenantId), eq(pointsAdjustments.id, id)));
      await notify(tx, {
        tenantId: actor.tenantId,
        userId: decided.userId,
        kind: decided.amount > 0 ? 'points.awarded' : 'points.deducted',
        title: decided.amount > 0 ? `您获得${decided.amount}积分奖励` : `您的积分被扣减${-decided.amount}分`,
        body: decided.reason,
        link: '/h5/mine/points',
      });
    }
    await writeAudit(tx, auditContext(ctx), {
      action: decision === 'approve' ? 'points.adjustment_approved' : 'points.adjustment_rejected',
      entityType: 'points_adjustment',
      entityId: id,
      regionCode: decided.regionCode,
      detail: { userId: decided.userId, amount: decided.amount, transactionId, note: input.note ?? null },
    });
    return { ...decided, transactionId };
  });
  return presentOne(ctx.db, actor.tenantId, actor.userId, row);
}

const adjustmentsCursor = cursorCodec(cursorPart.timestamp, cursorPart.uuid);

export async function listAdjustments(ctx: Ctx, input: { state: AdjustmentState; limit: number; cursor?: string }) {
  const actor = requireActor(ctx);
  const after = adjustmentsCursor.decode(input.cursor);
  const rows = await ctx.db
    .select()
    .from(pointsAdjustments)
    .where(
      and(
        eq(pointsAdjustments.tenantId, actor.tenantId),
        scopeCondition(actor, pointsAdjustments.regionCode),
        eq(pointsAdjustments.state, input.state),
        after
          ? or(
              lt(pointsAdjustments.requestedAt, new Date(after[0])),
              and(eq(pointsAdjustments.requestedAt, new Date(after[0])), lt(pointsAdjustments.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(pointsAdjustments.requestedAt), desc(pointsAdjustments.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: await present(ctx.db, actor.tenantId, actor.userId, page),
    nextCursor:
      rows.length > input.limit && last ? adjustmentsCursor.encode([last.requestedAt.toISOString(), last.id]) : null,
  };
}
