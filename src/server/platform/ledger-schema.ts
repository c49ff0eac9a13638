import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from './tenants-schema.js';

export const ledgerUnits = ['minutes', 'points', 'fen'] as const;
export type LedgerUnit = (typeof ledgerUnits)[number];

/**
 * An account holds one unit. `key` is the owner's stable name for it (`points:volunteer:<userId>`),
 * so a module opens an account once and finds it again without keeping the id.
 * The balance is kept in the same transaction as the entries; the CHECK refuses a negative one.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    key: text('key').notNull(),
    /** What the account is for, e.g. `points.volunteer`, `points.issuance`, `funds.fund`. */
    kind: text('kind').notNull(),
    unit: text('unit').notNull().$type<LedgerUnit>(),
    name: text('name').notNull(),
    allowNegative: boolean('allow_negative').notNull().default(false),
    balance: bigint('balance', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('ledger_accounts_key_unique').on(t.tenantId, t.key),
    check('ledger_accounts_balance_check', sql`${t.allowNegative} or ${t.balance} >= 0`),
    check('ledger_accounts_unit_check', sql`${t.unit} in ('minutes', 'points', 'fen')`),
  ],
);

/**
 * One balanced set of entries. Never edited (a trigger refuses UPDATE and DELETE): a mistake is
 * undone by a new transaction whose `reverses_id` names it, and the unique index lets that happen once.
 */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    /** What happened, e.g. `points.earn`, `points.redeem`, `funds.sale`. */
    kind: text('kind').notNull(),
    memo: text('memo'),
    /** The record that caused it, e.g. `service_record` + its id. */
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    /** A retry with the same key returns this transaction instead of writing another. */
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash').notNull(),
    reversesId: uuid('reverses_id'),
    actorId: uuid('actor_id'),
    data: jsonb('data'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('ledger_transactions_idempotency_unique').on(t.tenantId, t.idempotencyKey),
    unique('ledger_transactions_reverses_unique').on(t.tenantId, t.reversesId),
    foreignKey({
      name: 'ledger_transactions_reverses_fk',
      columns: [t.tenantId, t.reversesId],
      foreignColumns: [t.tenantId, t.id],
    }),
    index('ledger_transactions_source_idx').on(t.tenantId, t.sourceType, t.sourceId),
  ],
);

/** A signed amount on one account, with the account's balance right after it (for statements). */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    transactionId: uuid('transaction_id').notNull(),
    accountId: uuid('account_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    balanceAfter: bigint('balance_after', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'ledger_entries_transaction_fk',
      columns: [t.tenantId, t.transactionId],
      foreignColumns: [ledgerTransactions.tenantId, ledgerTransactions.id],
    }),
    foreignKey({
      name: 'ledger_entries_account_fk',
      columns: [t.tenantId, t.accountId],
      foreignColumns: [ledgerAccounts.tenantId, ledgerAccounts.id],
    }),
    index('ledger_entries_account_idx').on(t.tenantId, t.accountId, t.id),
    index('ledger_entries_transaction_idx').on(t.tenantId, t.transactionId),
    check('ledger_entries_amount_check', sql`${t.amount} <> 0`),
  ],
);
