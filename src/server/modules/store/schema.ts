import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { tenants } from '../../platform/tenants-schema.js';
import { users } from '../accounts/index.js';
import { organisations } from '../organisations/index.js';
import { sites } from '../sites/index.js';

export const limitPeriods = ['day', 'week', 'month'] as const;
export type LimitPeriod = (typeof limitPeriods)[number];

/**
 * Goods of a pioneer store (积分兑换先锋超市): a site with the `points_store` zone. `stock` is kept in
 * the same transaction as the movement that changes it, by a conditional UPDATE; never below zero.
 */
export const storeGoods = pgTable(
  'store_goods',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    siteId: uuid('site_id').notNull(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    photoFileId: uuid('photo_file_id'),
    pricePoints: integer('price_points').notNull(),
    stock: integer('stock').notNull().default(0),
    /** At most this many per person per `limitPeriod` (both null: no limit). */
    limitQuantity: integer('limit_quantity'),
    limitPeriod: text('limit_period', { enum: limitPeriods }),
    /** The caring merchant (爱心商户, an organisation) that donates it. */
    merchantId: uuid('merchant_id'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }),
    foreignKey({ columns: [t.tenantId, t.merchantId], foreignColumns: [organisations.tenantId, organisations.id] }),
    uniqueIndex('store_goods_name_uq').on(t.tenantId, t.siteId, t.name),
    index('store_goods_merchant_idx').on(t.tenantId, t.merchantId),
    check('store_goods_stock_ck', sql`${t.stock} >= 0`),
    check('store_goods_price_ck', sql`${t.pricePoints} > 0`),
    check(
      'store_goods_limit_ck',
      sql`(${t.limitQuantity} is null and ${t.limitPeriod} is null) or (${t.limitQuantity} > 0 and ${t.limitPeriod} is not null)`,
    ),
  ],
);

/** A caring merchant's donation of goods to a store: recorded with the restock it came in. */
export const storeDonations = pgTable(
  'store_donations',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    goodsId: uuid('goods_id').notNull(),
    siteId: uuid('site_id').notNull(),
    regionCode: text('region_code').notNull(),
    merchantId: uuid('merchant_id').notNull(),
    quantity: integer('quantity').notNull(),
    donatedOn: date('donated_on').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.goodsId], foreignColumns: [storeGoods.tenantId, storeGoods.id] }),
    foreignKey({ columns: [t.tenantId, t.merchantId], foreignColumns: [organisations.tenantId, organisations.id] }),
    index('store_donations_merchant_idx').on(t.tenantId, t.merchantId, t.donatedOn),
    check('store_donations_quantity_ck', sql`${t.quantity} > 0`),
  ],
);

export const stockMovementKinds = ['restock', 'stocktake', 'reserve', 'release'] as const;
export type StockMovementKind = (typeof stockMovementKinds)[number];

/** The append-only stock history of one item: every restock, stock-take adjustment, reservation and release. */
export const storeStockMovements = pgTable(
  'store_stock_movements',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    goodsId: uuid('goods_id').notNull(),
    siteId: uuid('site_id').notNull(),
    kind: text('kind', { enum: stockMovementKinds }).notNull(),
    delta: integer('delta').notNull(),
    stockAfter: integer('stock_after').notNull(),
    note: text('note'),
    donationId: uuid('donation_id'),
    redemptionId: uuid('redemption_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.goodsId], foreignColumns: [storeGoods.tenantId, storeGoods.id] }),
    index('store_stock_movements_goods_idx').on(t.tenantId, t.goodsId, t.at),
    check('store_stock_movements_ck', sql`${t.delta} <> 0 and ${t.stockAfter} >= 0`),
  ],
);

export const redemptionStatuses = ['reserved', 'fulfilled', 'cancelled', 'expired'] as const;
export type RedemptionStatus = (typeof redemptionStatuses)[number];

/**
 * A volunteer's redemption: stock reserved and points held (volunteer → held) until the keeper hands
 * the goods over with the pickup code (held → store), or it is cancelled or expires (held → volunteer).
 * The pickup code is unique among the store's open redemptions (partial unique index).
 */
export const storeRedemptions = pgTable(
  'store_redemptions',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    siteId: uuid('site_id').notNull(),
    regionCode: text('region_code').notNull(),
    goodsId: uuid('goods_id').notNull(),
    userId: uuid('user_id').notNull(),
    quantity: integer('quantity').notNull(),
    pricePoints: integer('price_points').notNull(),
    points: integer('points').notNull(),
    status: text('status', { enum: redemptionStatuses }).notNull().default('reserved'),
    pickupCode: text('pickup_code').notNull(),
    /** The client's Idempotency-Key (as stored by the platform): a retry finds this redemption. */
    requestKey: text('request_key'),
    holdTransactionId: uuid('hold_transaction_id'),
    settleTransactionId: uuid('settle_transaction_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }),
    foreignKey({ columns: [t.tenantId, t.goodsId], foreignColumns: [storeGoods.tenantId, storeGoods.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    uniqueIndex('store_redemptions_open_code_uq')
      .on(t.tenantId, t.siteId, t.pickupCode)
      .where(sql`${t.status} = 'reserved'`),
    uniqueIndex('store_redemptions_request_uq').on(t.tenantId, t.userId, t.requestKey),
    index('store_redemptions_user_idx').on(t.tenantId, t.userId, t.createdAt),
    index('store_redemptions_limit_idx').on(t.tenantId, t.goodsId, t.userId, t.createdAt),
    index('store_redemptions_site_idx').on(t.tenantId, t.siteId, t.status, t.closedAt),
    index('store_redemptions_due_idx').on(t.tenantId, t.expiresAt).where(sql`${t.status} = 'reserved'`),
    check('store_redemptions_ck', sql`${t.quantity} > 0 and ${t.points} = ${t.quantity} * ${t.pricePoints}`),
  ],
);

/** Pickup codes a keeper typed that matched nothing at the store: counted to stop guessing. */
export const storeCodeFailures = pgTable(
  'store_code_failures',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    siteId: uuid('site_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('store_code_failures_idx').on(t.tenantId, t.userId, t.at)],
);

/** The tenant's store settings: how many days a reserved redemption waits for pickup. */
export const storeSettings = pgTable('store_settings', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  pickupDays: integer('pickup_days').notNull().default(7),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
