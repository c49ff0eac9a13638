import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenants-schema.js';
import type { PopulationGeometry } from './population.js';

/** The tenant's reach settings (the defaults until a centre admin changes them). */
export const coverageSettings = pgTable('coverage_settings', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  speedMPerMin: real('speed_m_per_min').notNull().default(80),
  minutes: smallint('minutes').notNull().default(15),
  detourFactor: real('detour_factor').notNull().default(1.3),
  resolution: smallint('resolution').notNull().default(10),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The population layer: points or polygons with whole people, each in one community. An import
 * replaces the features of the communities under its region; `synthetic` marks the demo's generated
 * people (never census data), so everything built from them is labelled.
 */
export const coveragePopulation = pgTable(
  'coverage_population',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    communityCode: text('community_code').notNull(),
    geometry: jsonb('geometry').$type<PopulationGeometry>().notNull(),
    population: integer('population').notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('coverage_population_community_idx').on(t.tenantId, t.communityCode),
  ],
);

export interface ProposalPick {
  cell: string;
  lat: number;
  lng: number;
  /** An imported candidate site's name; null or absent for a cell centre. */
  name?: string | null;
  gain: number;
}

/** A siting proposal a keeper kept as a planned rollout batch. */
export const coverageProposals = pgTable(
  'coverage_proposals',
  {
    id: uuid('id').notNull().defaultRandom(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    batch: smallint('batch').notNull(),
    picks: jsonb('picks').$type<ProposalPick[]>().notNull(),
    coveredBefore: integer('covered_before').notNull(),
    coveredAfter: integer('covered_after').notNull(),
    population: integer('population').notNull(),
    synthetic: boolean('synthetic').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('coverage_proposals_region_idx').on(t.tenantId, t.regionCode, t.createdAt.desc()),
  ],
);

/**
 * Candidate sites for the next posts (places a district could open: rooms offered, shops, squares),
 * imported per region; siting can choose among them besides the centres of uncovered cells.
 */
export const coverageCandidates = pgTable(
  'coverage_candidates',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    regionCode: text('region_code').notNull(),
    name: text('name'),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('coverage_candidates_region_idx').on(t.tenantId, t.regionCode),
  ],
);

/**
 * The road network people walk along, imported per region as GeoJSON lines (one row per line; a
 * MultiLineString is split). When any road is stored for the report's area, reach follows it.
 */
export const coverageRoads = pgTable(
  'coverage_roads',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    regionCode: text('region_code').notNull(),
    /** [lng, lat] vertices. */
    coordinates: jsonb('coordinates').$type<[number, number][]>().notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('coverage_roads_region_idx').on(t.tenantId, t.regionCode)],
);
