import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/index.js';
import { sites } from '../sites/index.js';

/** Books in a site's book drift corner (图书漂流角). `regionCode` copies the site's, for scope filters. */
export const driftBooks = pgTable(
  'drift_books',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    siteId: uuid('site_id').notNull(),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    author: text('author'),
    isbn: text('isbn'),
    donor: text('donor'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }),
    index('drift_books_site_idx').on(t.tenantId, t.siteId, t.createdAt),
  ],
);

/**
 * One lending of one book. A book has at most one open loan (returned_at is null): a partial
 * unique index makes double lending impossible even when two keepers press the button together.
 * The borrower is a user, or a phone and name of a walk-in resident.
 */
export const bookLoans = pgTable(
  'book_loans',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    bookId: uuid('book_id').notNull(),
    siteId: uuid('site_id').notNull(),
    regionCode: text('region_code').notNull(),
    borrowerUserId: uuid('borrower_user_id'),
    borrowerName: text('borrower_name').notNull(),
    borrowerPhone: text('borrower_phone'),
    lentAt: timestamp('lent_at', { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    lentBy: uuid('lent_by'),
    returnedBy: uuid('returned_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.bookId], foreignColumns: [driftBooks.tenantId, driftBooks.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }),
    foreignKey({ columns: [t.tenantId, t.borrowerUserId], foreignColumns: [users.tenantId, users.id] }),
    uniqueIndex('book_loans_open_uq').on(t.tenantId, t.bookId).where(sql`${t.returnedAt} is null`),
    index('book_loans_site_due_idx').on(t.tenantId, t.siteId, t.dueAt),
  ],
);

/** Items of a site's self-help corner (爱心自助区): umbrellas, chargers, medicine kits, water… */
export const selfHelpItems = pgTable(
  'self_help_items',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    siteId: uuid('site_id').notNull(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull().default('件'),
    /** Kept in the same transaction as the movement that changes it; never below zero. */
    quantity: integer('quantity').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }),
    uniqueIndex('self_help_items_name_uq').on(t.tenantId, t.siteId, t.name),
    check('self_help_items_quantity_ck', sql`${t.quantity} >= 0`),
  ],
);

export const selfHelpMovementKinds = ['restock', 'take'] as const;

/** The append-only ledger of a self-help item: every take and restock, with the quantity after it. */
export const selfHelpMovements = pgTable(
  'self_help_movements',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    siteId: uuid('site_id').notNull(),
    regionCode: text('region_code').notNull(),
    kind: text('kind', { enum: selfHelpMovementKinds }).notNull(),
    /** Positive for restock, negative for take. */
    delta: integer('delta').notNull(),
    quantityAfter: integer('quantity_after').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [selfHelpItems.tenantId, selfHelpItems.id] }),
    index('self_help_movements_item_idx').on(t.tenantId, t.itemId, t.at),
    check('self_help_movements_delta_ck', sql`${t.delta} <> 0 and ${t.quantityAfter} >= 0`),
  ],
);
