/**
 * The bulk writers of the synthetic activities year: rows as JSON in one statement, and the hours
 * ledger. The ledger rows keep every invariant of platform/ledger.ts: balanced transactions,
 * entries in account order with the right `balance_after`, accounts whose balance is the sum of
 * their entries (moved by one UPDATE per account, so a real confirmation running meanwhile on
 * PostgreSQL is neither lost nor mis-numbered), idempotency keys and request hashes as
 * `postTransaction` / `reverseTransaction` write them.
 */
import { type SQL, sql } from 'drizzle-orm';
import { openRecordedAccount, volunteerAccountKey } from '../modules/hours/index.js';
import type { Db } from '../platform/db.js';
import { requestHash } from '../platform/ledger.js';

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Rows (camelCase keys, all rows with the first row's keys) into `table`, in the given order, in
 * one statement: columns not named keep their defaults (identities included), so identity ids
 * follow the rows' order.
 */
export async function insertRows(tx: Db, table: string, rows: object[], tail: SQL = sql``) {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first);
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(keys.map((k) => [snake(k), (r as never)[k]]))));
  const list = sql.join(
    keys.map((k) => sql.identifier(snake(k))),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${sql.identifier(table)} (${list}) select ${list} from jsonb_populate_recordset(null::${sql.identifier(table)}, ${json}::jsonb) with ordinality as r order by r.ordinality ${tail}`,
  );
}

export async function insertChunked(tx: Db, table: string, rows: object[], size = 4000) {
  for (let i = 0; i < rows.length; i += size) await insertRows(tx, table, rows.slice(i, i + size));
}

export interface RecordRow {
  tenantId: string;
  id: string;
  volunteerUserId: string;
  sourceType: string;
  sourceId: string;
  regionCode: string;
  organisationId: string | null;
  content: string;
  minutes: number;
  startedAt: Date;
  endedAt: Date;
  recordedBy: string | null;
  recordedAt: Date;
  status: 'pending' | 'confirmed' | 'corrected' | 'rejected';
  confirmedBy: string | null;
  confirmedAt: Date | null;
  ledgerTransactionId: string | null;
  correctsId: string | null;
  rejectedBy: string | null;
  rejectedAt: Date | null;
  rejectReason: string | null;
  synthetic: boolean;
}

/** One movement of a volunteer's minutes: a confirmation or the reversal of one (in time order). */
export interface Posting {
  at: Date;
  record: RecordRow;
  transactionId: string;
  reverses: { transactionId: string; reason: string } | null;
  data: Record<string, unknown> | null;
  actorId: string | null;
}

/**
 * The confirmations and reversals on the hours ledger, in time order, as `creditRecord` and
 * `debitRecord` post them: transactions, entries (account order, with each account's balance after
 * it) and one `hours_events` row each.
 */
export async function writeLedger(tx: Db, tenantId: string, postings: Posting[]) {
  if (!postings.length) return;
  postings.sort((x, y) => x.at.getTime() - y.at.getTime());
  const recorded = await openRecordedAccount(tx, tenantId);
  const volunteerIds = [...new Set(postings.map((p) => p.record.volunteerUserId))];
  await insertRows(
    tx,
    'ledger_accounts',
    volunteerIds.map((userId) => ({
      tenantId,
      key: volunteerAccountKey(userId),
      kind: 'hours.volunteer',
      unit: 'minutes',
      name: '志愿服务时长',
      allowNegative: false,
    })),
    sql`on conflict do nothing`,
  );
  const accounts = (await tx.execute(
    sql`select id, key from ledger_accounts where tenant_id = ${tenantId} and key like 'hours:volunteer:%'`,
  )) as unknown as { rows: { id: string; key: string }[] };
  const accountOf = new Map(accounts.rows.map((r) => [r.key, r.id]));

  // Each account moves once, by the sum of its entries; the balance it had before starts its numbering.
  const delta = new Map<string, number>();
  const entriesOf = (p: Posting) => {
    const sign = p.reverses ? -1 : 1;
    const volunteer = accountOf.get(volunteerAccountKey(p.record.volunteerUserId)) as string;
    return [
      { accountId: volunteer, amount: sign * p.record.minutes },
      { accountId: recorded.id, amount: -sign * p.record.minutes },
    ];
  };
  for (const p of postings)
    for (const e of entriesOf(p)) delta.set(e.accountId, (delta.get(e.accountId) ?? 0) + e.amount);
  const moved = (await tx.execute(
    sql`update ledger_accounts a set balance = a.balance + d.delta
          from jsonb_to_recordset(${JSON.stringify([...delta].map(([id, d]) => ({ id, delta: d })))}::jsonb) as d(id uuid, delta bigint)
         where a.tenant_id = ${tenantId} and a.id = d.id
        returning a.id, a.balance`,
  )) as unknown as { rows: { id: string; balance: string | number }[] };
  const running = new Map<string, number>();
  for (const r of moved.rows as { id: string; balance: string | number }[])
    running.set(r.id, Number(r.balance) - (delta.get(r.id) ?? 0));

  const transactions: object[] = [];
  const entries: object[] = [];
  const events: object[] = [];
  for (const p of postings) {
    const list = entriesOf(p).sort((x, y) => (x.accountId < y.accountId ? -1 : 1));
    const memo = p.reverses ? p.reverses.reason : p.record.content;
    const source = { type: 'service_record', id: p.record.id };
    const kind = p.reverses ? 'hours.confirm.reversal' : 'hours.confirm';
    transactions.push({
      tenantId,
      id: p.transactionId,
      kind,
      memo,
      sourceType: source.type,
      sourceId: source.id,
      idempotencyKey: p.reverses
        ? `hours.reverse:service_record:${p.record.id}`
        : `hours.confirm:service_record:${p.record.id}`,
      requestHash: requestHash({ kind, entries: list, memo, source, data: p.data }, p.reverses?.transactionId ?? null),
      reversesId: p.reverses?.transactionId ?? null,
      actorId: p.actorId,
      data: p.data,
      createdAt: p.at,
    });
    for (const e of list) {
      const after = (running.get(e.accountId) ?? 0) + e.amount;
      running.set(e.accountId, after);
      entries.push({
        tenantId,
        transactionId: p.transactionId,
        accountId: e.accountId,
        amount: e.amount,
        balanceAfter: after,
        createdAt: p.at,
      });
    }
    events.push({
      tenantId,
      kind: p.reverses ? 'hours.reversed' : 'hours.confirmed',
      serviceRecordId: p.record.id,
      volunteerUserId: p.record.volunteerUserId,
      minutes: p.reverses ? -p.record.minutes : p.record.minutes,
      ledgerTransactionId: p.transactionId,
      at: p.at,
    });
  }
  // Originals before their reversals (the self-reference), then everything in time order.
  await insertChunked(
    tx,
    'ledger_transactions',
    transactions.filter((t) => !(t as { reversesId: string | null }).reversesId),
  );
  await insertChunked(
    tx,
    'ledger_transactions',
    transactions.filter((t) => (t as { reversesId: string | null }).reversesId),
  );
  await insertChunked(tx, 'ledger_entries', entries, 8000);
  await insertChunked(tx, 'hours_events', events, 8000);
}
