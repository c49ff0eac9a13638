import {
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenants-schema.js';
import { users } from '../accounts/index.js';
import { regions } from '../regions/index.js';

export const siteKinds = [
  'centre',
  'institute',
  'station',
  'leifeng_post',
  'sanitation_home',
  'caring_merchant',
  'bank_outlet',
] as const;
export type SiteKind = (typeof siteKinds)[number];

/**
 * Function zones of a site: 文创展销, 爱心打卡, 积分兑换先锋超市, 图书漂流角, 爱心自助区.
 * Kept as an array column: a site has a handful, they are edited together, and nothing references one.
 */
export const siteZones = ['culture_sale', 'checkin_corner', 'points_store', 'book_drift', 'self_help'] as const;
export type SiteZone = (typeof siteZones)[number];

/** Practice sites (阵地): centre (中心), institutes (所), stations (站) and service posts. */
export const sites = pgTable(
  'sites',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: siteKinds }).notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    address: text('address'),
    /** WGS-84. */
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    locationApproximate: boolean('location_approximate').notNull().default(true),
    openingHours: text('opening_hours'),
    pilotBatch: integer('pilot_batch'),
    zones: text('zones', { enum: siteZones }).array().notNull().default([]),
    /** 服务定位: what this site is for, in a sentence or two (public). */
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    index('sites_region_idx').on(t.tenantId, t.regionCode),
    index('sites_region_prefix_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops')),
  ],
);

/** Users assigned to a site (专管员, 值守志愿者…). Personal data: never shown publicly. */
export const siteStaff = pgTable(
  'site_staff',
  {
    tenantId: text('tenant_id').notNull(),
    siteId: uuid('site_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** e.g. 专管员, 值守志愿者. */
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.siteId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('site_staff_user_idx').on(t.tenantId, t.userId),
  ],
);
