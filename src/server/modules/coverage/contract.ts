import { z } from 'zod';
import { zhEn } from '../../platform/validation-messages.js';

const regionCode = z
  .string()
  .regex(/^\d{6,12}$/, { message: zhEn('区域代码为6到12位数字', 'A region code has 6 to 12 digits') });

export const reportQuery = z.object({ regionCode: regionCode.optional() });

const share = z.number().min(0).max(1);

export const coverageReport = z.object({
  /** The population layer is SYNTHETIC (generated around each community's station), not census data. */
  synthetic: z.boolean(),
  settings: z.object({
    speedMPerMin: z.number(),
    detourFactor: z.number(),
    resolution: z.number().int(),
    reachM: z.number(),
  }),
  population: z.number().int(),
  covered: z.number().int(),
  share,
  communities: z.array(
    z.object({ regionCode: z.string(), population: z.number().int(), covered: z.number().int(), share }),
  ),
  byBatch: z.array(
    z.object({ batch: z.number().int().nullable(), posts: z.number().int(), covered: z.number().int(), share }),
  ),
  uncoveredCells: z.array(
    z.object({
      cell: z.string(),
      lat: z.number(),
      lng: z.number(),
      regionCode: z.string(),
      population: z.number().int(),
    }),
  ),
  /** How many uncovered cells there are in all (the list holds the most populous). */
  uncoveredCount: z.number().int(),
});

export const sitingBody = z.object({
  n: z.number().int().min(1).max(50),
  regionCode: regionCode.optional(),
});

export const sitingProposal = z.object({
  synthetic: z.boolean(),
  before: z.object({ covered: z.number().int(), share }),
  after: z.object({ covered: z.number().int(), share }),
  picks: z.array(z.object({ cell: z.string(), lat: z.number(), lng: z.number(), gain: z.number().int() })),
});
