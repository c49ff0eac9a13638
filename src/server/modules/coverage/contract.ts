import { z } from 'zod';
import { textLimits as L } from '../../../shared/text-limits.js';
import { named } from '../../platform/contract.js';
import { multiline } from '../../platform/input-guard.js';
import { zhEn } from '../../platform/validation-messages.js';

const regionCode = z
  .string()
  .regex(/^\d{6,12}$/, { message: zhEn('区域代码为6到12位数字', 'A region code has 6 to 12 digits') });

export const reportQuery = z.object({ regionCode: regionCode.optional() });

const share = z.number().min(0).max(1);
const ring = z.array(z.array(z.number()).length(2));

export const coverageReport = z.object({
  /** The population layer is SYNTHETIC (generated around each community's station), not census data. */
  synthetic: z.boolean(),
  settings: z.object({
    speedMPerMin: z.number(),
    detourFactor: z.number(),
    minutes: z.number().int(),
    resolution: z.number().int(),
    reachM: z.number(),
  }),
  /** How reach was measured: straight lines, or shortest paths along the stored road network. */
  reach: z.object({
    method: z.enum(['straight', 'roads']),
    roadLines: z.number().int().describe('Lines of the stored network (0: none, straight-line reach)'),
    walkM: z.number().describe('Straight: speed × minutes ÷ detour factor; roads: speed × minutes along the network'),
    snapM: z
      .number()
      .nullable()
      .describe('Roads: cell centres and sites snap to the nearest network node within this distance'),
  }),
  population: z.number().int(),
  covered: z.number().int(),
  share,
  communities: z.array(
    z.object({
      regionCode: z.string(),
      name: z.string(),
      population: z.number().int(),
      covered: z.number().int(),
      share,
    }),
  ),
  /** Cumulative, in rollout order; `planned` batches come from kept siting proposals (not yet opened). */
  byBatch: z.array(
    z.object({
      batch: z.number().int().nullable(),
      posts: z.number().int(),
      covered: z.number().int(),
      share,
      planned: z.boolean(),
    }),
  ),
  uncoveredCells: z.array(
    z.object({
      cell: z.string(),
      lat: z.number(),
      lng: z.number(),
      regionCode: z.string(),
      population: z.number().int(),
      boundary: ring.describe('The cell hexagon, a closed ring of [lng, lat]'),
    }),
  ),
  /** How many uncovered cells there are in all (the list holds the most populous). */
  uncoveredCount: z.number().int(),
  /** H3 cells some post reaches (for the map). */
  coveredCells: z.array(z.string()),
  /** The covered cells merged into an area: GeoJSON MultiPolygon coordinates ([lng, lat]). */
  coveredOutline: z.array(z.array(ring)),
  /** Every located site (people walk across community lines), with its rollout batch. */
  sites: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      kind: z.string(),
      lat: z.number(),
      lng: z.number(),
      batch: z.number().int().nullable(),
    }),
  ),
  /** Posts of the kept siting proposals, not yet opened. */
  plannedPosts: z.array(
    z.object({ lat: z.number(), lng: z.number(), batch: z.number().int(), gain: z.number().int() }),
  ),
});

export const sitingBody = z.object({
  n: z.number().int().min(1).max(50),
  regionCode: regionCode.optional(),
  candidates: z
    .enum(['cells', 'imported', 'both'])
    .optional()
    .describe('Where the new posts may go: uncovered cell centres (default), imported candidate sites, or both'),
});

const pick = z.object({
  cell: z.string(),
  lat: z.number(),
  lng: z.number(),
  name: z.string().nullable().describe('The imported candidate site’s name (null: a cell centre)'),
  gain: z.number().int(),
});

export const sitingProposal = z.object({
  synthetic: z.boolean(),
  /** How many candidate places were weighed. */
  candidates: z.number().int(),
  population: z.number().int(),
  before: z.object({ covered: z.number().int(), share }),
  after: z.object({ covered: z.number().int(), share }),
  picks: z.array(pick),
});

export const coverageSettingsBody = z.object({
  speedMPerMin: z.number().min(30).max(150).describe('Walking speed, metres per minute (default 80)'),
  minutes: z.number().int().min(5).max(30).describe('Minutes of the service circle (default 15)'),
  detourFactor: z.number().min(1).max(2).describe('Walked path ÷ straight line (default 1.3)'),
  resolution: z.number().int().min(8).max(10).describe('H3 resolution of the population cells (default 10)'),
});

export const coverageSettingsView = coverageSettingsBody;

/** The largest file accepted as text (about 5 MB of GeoJSON or CSV). */
export const MAX_IMPORT_CHARS = 5_000_000;

export const populationImportBody = z.object({
  regionCode: regionCode.optional().describe('The area the file covers (default: your own); its people are replaced'),
  format: z.enum(['geojson', 'csv']),
  content: multiline(
    z
      .string()
      .min(1)
      .max(MAX_IMPORT_CHARS)
      .describe(
        'GeoJSON FeatureCollection (Point/Polygon/MultiPolygon, properties population + community) or CSV lng,lat,population,community',
      ),
  ),
  dryRun: z.boolean().optional().describe('Check only, store nothing'),
});

/** One wrong feature of an import (population, candidate sites, roads). */
const importProblem = named(
  'CoverageImportProblem',
  z.object({
    feature: z.number().int().describe('GeoJSON: feature number from 1; CSV: line number (the header is line 1)'),
    field: z.string(),
    message: z.string(),
    messageEn: z.string(),
  }),
);

export const populationImportReport = z.object({
  regionCode: z.string(),
  format: z.enum(['geojson', 'csv']),
  features: z.number().int(),
  validFeatures: z.number().int(),
  population: z.number().int(),
  communities: z.number().int(),
  problemCount: z.number().int(),
  problems: z.array(importProblem),
  /** False when any feature is wrong (nothing stored) or on a dry run. */
  stored: z.boolean(),
});

export const candidateImportBody = z.object({
  regionCode: regionCode
    .optional()
    .describe('The area the candidates are for (default: your own); its candidates are replaced'),
  format: z.enum(['geojson', 'csv']),
  content: multiline(
    z
      .string()
      .min(1)
      .max(MAX_IMPORT_CHARS)
      .describe('GeoJSON FeatureCollection of Points (properties.name optional) or CSV lng,lat[,name]'),
  ),
  dryRun: z.boolean().optional().describe('Check only, store nothing'),
});

export const candidateImportReport = populationImportReport
  .omit({ population: true, communities: true })
  .describe('Per-feature problems as for the population import; stored is false when any feature is wrong');

export const roadImportBody = z.object({
  regionCode: regionCode.optional().describe('The area the network is for (default: your own); its roads are replaced'),
  content: multiline(
    z.string().min(1).max(MAX_IMPORT_CHARS).describe('GeoJSON FeatureCollection of LineString / MultiLineString'),
  ),
  dryRun: z.boolean().optional().describe('Check only, store nothing'),
});

export const roadImportReport = z.object({
  regionCode: z.string(),
  lines: z.number().int().describe('Valid lines (a MultiLineString counts each part)'),
  vertices: z.number().int(),
  problemCount: z.number().int(),
  problems: populationImportReport.shape.problems,
  /** False when any feature is wrong (nothing stored) or on a dry run. */
  stored: z.boolean(),
});

export const roadClearReport = z.object({ regionCode: z.string(), removed: z.number().int() });

export const proposalBody = sitingBody.extend({
  name: z.string().trim().min(1).max(L.coverageProposalName).describe('e.g. 第二批雷锋岗（规划）'),
});

export const savedProposal = z.object({
  id: z.string().uuid(),
  regionCode: z.string(),
  name: z.string(),
  batch: z.number().int().describe('The planned rollout batch (after every batch so far)'),
  picks: z.array(pick),
  before: z.object({ covered: z.number().int() }),
  after: z.object({ covered: z.number().int() }),
  population: z.number().int(),
  synthetic: z.boolean(),
  createdAt: z.string(),
});

export const proposalList = z.object({ items: z.array(savedProposal) });
