/**
 * Durable background jobs on pg-boss: stored in the database (schema `pgboss`), so they survive
 * restarts; fetched with `FOR UPDATE SKIP LOCKED`, so several instances on one PostgreSQL run each
 * job once; retried with exponential backoff; scheduled by cron (evaluated once per minute across
 * all instances). On PGlite pg-boss runs through the same `executeSql` adapter on the embedded
 * connection: every statement it sends is short (one fetch, one update) or a single multi-statement
 * call that PGlite runs as one unit, so a poller never holds a transaction open between calls.
 *
 * Time is injectable: handlers read `ctx.now()`, and tests call `runDue()` and `advance()` instead
 * of waiting.
 */

import { type SQL, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database, Db } from './db.js';

export const JOBS_SCHEMA = 'pgboss';

export interface JobContext {
  db: Db;
  /** The current time; injectable so that tests move time instead of waiting. */
  now(): Date;
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number;
  log: FastifyBaseLogger;
}

export interface JobDefinition<T = Record<string, unknown>> {
  name: string;
  run(data: T, ctx: JobContext): Promise<void>;
  /** Cron expression in UTC (e.g. `17 * * * *`): the job is sent once per match across all instances. */
  cron?: string;
  /** Retries after the first failure (default 3). */
  retryLimit?: number;
  /** First retry delay; doubled (with jitter) at each further retry (default 30 s). */
  retryDelaySeconds?: number;
  /** A run taking longer than this counts as failed (default 5 minutes). */
  expireInSeconds?: number;
}

export interface SendOptions {
  /** Send inside this transaction: the job exists exactly when the transaction commits. */
  db?: Db;
  /** Not before this time (on the jobs clock). */
  startAfter?: Date;
  /** At most one queued job with this key per queue (others are dropped). */
  singletonKey?: string;
}

export interface JobsOptions {
  log: FastifyBaseLogger;
  /** Poll for work and run cron schedules and maintenance. Off in tests, which call `runDue()`. */
  work?: boolean;
  pollingIntervalSeconds?: number;
  clock?: () => Date;
}

interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** Runs pg-boss's SQL on the app's own pool (PostgreSQL) or on the embedded connection (PGlite). */
export function databaseExecutor(database: Database): SqlExecutor {
  const { pool, pglite } = database;
  if (pool) return { executeSql: (text, values) => pool.query(text, values as unknown[]) };
  if (!pglite) throw new Error('database without a pool or a PGlite client');
  return {
    async executeSql(text, values) {
      if (values?.length) return pglite.query<Record<string, unknown>>(text, values);
      // Without parameters pg-boss may send several statements (BEGIN; …; COMMIT), which `exec` runs as one call.
      const results = await pglite.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
  };
}

/** Runs pg-boss's SQL inside a drizzle transaction (or on a drizzle handle), turning `$n` into bound parameters. */
export function transactionExecutor(tx: Db): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = [];
      parts.forEach((part, i) => {
        chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`);
      });
      const result = (await tx.execute(sql.join(chunks))) as unknown as { rows?: Record<string, unknown>[] };
      return { rows: result.rows ?? (result as unknown as Record<string, unknown>[]) };
    },
  };
}

let transactionalSender: PgBoss | null = null;

/**
 * Queues a job inside the caller's transaction, for use cases that hold only a transaction: the job
 * exists exactly when the transaction commits (the transactional outbox relies on it).
 */
export async function sendJob(tx: Db, name: string, data: Record<string, unknown>): Promise<string | null> {
  transactionalSender ??= new PgBoss({
    db: {
      executeSql: () => Promise.reject(new Error('sendJob sends only through the transaction it is given')),
    },
    schema: JOBS_SCHEMA,
  });
  return transactionalSender.send(name, data, { db: transactionExecutor(tx) } as PgBoss.SendOptions);
}

/** Creates pg-boss's tables once (migrations run it, so every instance and test copy has them). */
export async function installJobs(database: Database): Promise<void> {
  const exec = databaseExecutor(database);
  const { rows } = await exec.executeSql(`select to_regclass('${JOBS_SCHEMA}.version') is not null as installed`);
  if (!rows[0]?.installed) await exec.executeSql(PgBoss.getConstructionPlans(JOBS_SCHEMA));
}

export class Jobs {
  private readonly definitions = new Map<string, JobDefinition<never>>();
  private boss: PgBoss | null = null;
  private offsetMs = 0;
  private readonly clock: () => Date;

  constructor(
    private readonly database: Database,
    private readonly options: JobsOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Declares a job before `start()`. */
  define<T>(definition: JobDefinition<T>): void {
    if (this.boss) throw new Error(`job ${definition.name} defined after start`);
    this.definitions.set(definition.name, definition as JobDefinition<never>);
  }

  now(): Date {
    return new Date(this.clock().getTime() + this.offsetMs);
  }

  async start(): Promise<void> {
    if (this.boss) return;
    const work = this.options.work ?? false;
    const boss = new PgBoss({
      db: databaseExecutor(this.database),
      schema: JOBS_SCHEMA,
      migrate: true,
      supervise: work,
      schedule: work,
    });
    boss.on('error', (err) => this.options.log.error({ err }, 'job runner error'));
    await boss.start();
    for (const def of this.definitions.values()) {
      const queue = {
        name: def.name,
        retryLimit: def.retryLimit ?? 3,
        retryDelay: def.retryDelaySeconds ?? 30,
        retryBackoff: true,
        expireInSeconds: def.expireInSeconds ?? 300,
      };
      await boss.createQueue(def.name, queue);
      await boss.updateQueue(def.name, queue);
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
      else await boss.unschedule(def.name);
    }
    this.boss = boss;
    if (work) {
      for (const def of this.definitions.values()) {
        await boss.work(
          def.name,
          { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 1, batchSize: 10, includeMetadata: true },
          (jobs) => this.runBatch(boss, def, jobs),
        );
      }
    }
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.boss = null;
    await boss.stop({ graceful: true, timeout: 10_000, close: false });
  }

  async send(name: string, data: Record<string, unknown> = {}, options: SendOptions = {}): Promise<string | null> {
    const boss = this.started();
    if (!this.definitions.has(name)) throw new Error(`unknown job ${name}`);
    const delaySeconds = options.startAfter
      ? Math.max(0, Math.ceil((options.startAfter.getTime() - this.now().getTime()) / 1000))
      : 0;
    return boss.send(name, data, {
      ...(options.db ? { db: transactionExecutor(options.db) } : {}),
      ...(delaySeconds > 0 ? { startAfter: delaySeconds } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    } as PgBoss.SendOptions);
  }

  /** Runs every job that is due now, in this process, until none is left; answers how many ran (tests, scripts). */
  async runDue(): Promise<number> {
    const boss = this.started();
    let ran = 0;
    for (let pass = 0; pass < 100; pass++) {
      let found = 0;
      for (const def of this.definitions.values()) {
        const jobs = await boss.fetch(def.name, { batchSize: 20, includeMetadata: true });
        found += jobs.length;
        await this.runBatch(boss, def, jobs);
      }
      ran += found;
      if (!found) break;
    }
    return ran;
  }

  /**
   * Moves the jobs clock forward: queued jobs (delayed or waiting to retry) become due as if the time
   * had passed. For tests and drills; production never calls it.
   */
  async advance(ms: number): Promise<void> {
    this.offsetMs += ms;
    await databaseExecutor(this.database).executeSql(
      `update ${JOBS_SCHEMA}.job set start_after = start_after - $1::interval where state < 'active'`,
      [`${Math.round(ms)} milliseconds`],
    );
  }

  /** States of one queue's jobs, e.g. `{ completed: 3, retry: 1 }` (tests, the console). */
  async counts(name: string): Promise<Record<string, number>> {
    const { rows } = await databaseExecutor(this.database).executeSql(
      `select state::text as state, count(*)::int as n from ${JOBS_SCHEMA}.job where name = $1 group by state`,
      [name],
    );
    return Object.fromEntries(rows.map((r) => [r.state as string, Number(r.n)]));
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('the job runner is not started');
    return this.boss;
  }

  /** Runs each job on its own and settles it: a failure retries that job only, not the batch it came in. */
  private async runBatch(boss: PgBoss, def: JobDefinition<never>, jobs: PgBoss.JobWithMetadata<unknown>[]) {
    for (const job of jobs) {
      const attempt = job.retryCount + 1;
      const log = this.options.log.child({ job: def.name, jobId: job.id, attempt });
      try {
        await def.run(job.data as never, { db: this.database.db, now: () => this.now(), attempt, log });
        await boss.complete(def.name, job.id);
      } catch (err) {
        log.warn({ err }, 'job failed');
        await boss.fail(def.name, job.id, { message: (err as Error).message });
      }
    }
  }
}
