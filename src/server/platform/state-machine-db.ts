/**
 * Writing a transition: one conditional UPDATE … WHERE state = <from> RETURNING *, so of two
 * concurrent transitions on one record exactly one wins and the other gets 409 ILLEGAL_TRANSITION,
 * on PostgreSQL (the row lock makes the loser re-check the state) and on PGlite alike.
 */
import { and, eq, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db.js';
import { AppError } from './errors.js';
import { illegalTransition, type Machine, type Step } from './state-machine.js';

type TableWithState = PgTable & { state: PgColumn };

/** The step to write: `set` (from `apply`) adds the machine's own columns to the new state. */
export type StepToWrite<S extends string, E extends string, R> = Pick<Step<S, E, R>, 'event' | 'from' | 'to'> & {
  set?: Step<S, E, R>['set'];
};

/**
 * Optimistic concurrency for a table with an integer `version` column: the row must still be the
 * version it was read at, and the write increments it. A row changed meanwhile without leaving
 * `step.from` (an edit) answers 409 CONFLICT rather than overwriting what the other person wrote.
 */
export type ReadVersion<T> = T extends { version: PgColumn } ? { version: number } : never;

/**
 * Applies `step` (from `apply`) to the row that `where` identifies, if it is still in `step.from`
 * (and, with `read`, still at the version it was read at). `extra` adds columns that belong to this
 * use case rather than to the machine (a reason, a rating).
 * Returns the updated row; throws ILLEGAL_TRANSITION naming the state the row has moved on to meanwhile.
 */
export async function transitionRow<T extends TableWithState, S extends string, E extends string, R>(
  db: Db,
  table: T,
  where: SQL | undefined,
  machine: Machine<S, E, R>,
  step: StepToWrite<S, E, R>,
  extra: Partial<InferSelectModel<T>> = {},
  read?: ReadVersion<T>,
): Promise<InferSelectModel<T>> {
  const values = { ...extra, ...step.set, state: step.to } as Record<string, unknown>;
  const version = read ? (table as unknown as { version: PgColumn }).version : undefined;
  if (read) values.version = read.version + 1;
  const rows = (await db
    .update(table)
    .set(values as never)
    .where(and(where, eq(table.state, step.from), version && read ? eq(version, read.version) : undefined))
    .returning()) as InferSelectModel<T>[];
  const row = rows[0];
  if (row) return row;
  const [now] = (await db
    .select({ state: table.state })
    .from(table as PgTable)
    .where(where)) as { state: S }[];
  if (!now) throw new AppError('NOT_FOUND');
  if (now.state === step.from) throw new AppError('CONFLICT');
  throw illegalTransition(machine, now.state, step.event);
}
