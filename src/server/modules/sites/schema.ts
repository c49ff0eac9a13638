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
import { regions, tenants } from '../regions/schema.js';

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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    index('sites_region_idx').on(t.tenantId, t.regionCode),
  ],
);
