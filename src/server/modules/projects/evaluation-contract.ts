import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { named, phoneSchema } from '../../platform/contract.js';
import { projectResults } from './contract.js';
import { evaluationMetrics, evaluationStates } from './evaluation-schema.js';
import { projectLevels } from './schema.js';

const id = z.string().uuid();
const time = z.string().datetime({ offset: true });
const text = (max: number) => z.string().trim().max(max);
const label = z.object({ zh: z.string(), en: z.string() });
const ref = z.object({ id, name: z.string() });
const fen = z.number().int().min(0).max(1_000_000_000);

export const roundParams = z.object({ id });
export const roundProjectParams = z.object({ id, projectId: id });
export const assignmentParams = z.object({ id, projectId: id, judgeId: id });

export const criterionInput = z.object({
  name: text(textLimits.evaluationCriterionName).min(1),
  weight: z.number().int().min(1).max(100).describe('Weights of a round add up to 100'),
  maxScore: z.number().int().min(1).max(100).default(10).describe('Judges score 0..maxScore'),
  metric: z
    .enum(evaluationMetrics)
    .nullable()
    .default(null)
    .describe('Computed from the platform records (服务时长、志愿者、完成订单、满意度) instead of scored'),
});
export const criteriaBody = z.object({ criteria: z.array(criterionInput).min(1).max(12) });

export const createRoundBody = z.object({
  title: text(textLimits.evaluationTitle).min(1),
  level: z.enum(projectLevels),
  year: z.number().int().min(2000).max(2100),
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .optional()
    .describe('Default: the region of your centre admin grant'),
  budgetFen: fen.describe('Funding all awards may hand out together, in fen'),
  criteria: criteriaBody.shape.criteria,
});

export const assignBody = z.object({
  projectId: id.describe('A project of the library of the round’s level and year'),
  judgePhone: phoneSchema.describe('The judge’s phone number (any registered user)'),
});

export const scoresBody = z.object({
  scores: z
    .array(z.object({ criterionId: id, score: z.number().int().min(0).max(100) }))
    .min(1)
    .max(12),
});

export const awardsBody = z.object({
  awards: z
    .array(
      z.object({
        projectId: id,
        honour: text(textLimits.evaluationHonour).min(1),
        fundingFen: fen,
      }),
    )
    .max(200),
});

export const evaluationCriterion = named(
  'EvaluationCriterion',
  z.object({
    id,
    name: z.string(),
    weight: z.number().int(),
    maxScore: z.number().int(),
    metric: z.enum(evaluationMetrics).nullable(),
  }),
);

const award = z.object({ honour: z.string(), fundingFen: z.number().int() });

export const rankingItem = named(
  'EvaluationRankingItem',
  z.object({
    rank: z.number().int(),
    project: ref.extend({ organisation: ref }),
    total: z.number().describe('Weighted mean, 0–100'),
    judges: z.number().int().describe('Judges who scored every judged criterion'),
    complete: z.boolean().describe('Every assigned judge has scored'),
    criteria: z.array(z.object({ criterionId: id, points: z.number() })),
    results: projectResults,
    award: award.nullable(),
  }),
);

const roundBase = {
  id,
  title: z.string(),
  level: z.enum(projectLevels),
  year: z.number().int(),
  state: z.enum(evaluationStates),
  stateLabel: label,
  budgetFen: z.number().int(),
  awardedFen: z.number().int(),
  publishedAt: time.nullable(),
};

export const roundItem = named(
  'EvaluationRound',
  z.object({
    ...roundBase,
    regionCode: z.string(),
    projects: z.number().int(),
    role: z.enum(['admin', 'judge']).describe('admin: runs the round; judge: scores assigned projects'),
  }),
);
export const roundList = z.object({ items: z.array(roundItem) });

export const roundDetail = named(
  'EvaluationRoundDetail',
  roundItem.extend({
    criteria: z.array(evaluationCriterion),
    entries: z
      .array(
        z.object({
          project: ref.extend({ organisation: ref }),
          judges: z.array(z.object({ id, name: z.string(), scored: z.boolean() })),
        }),
      )
      .describe('The projects and their judges (admins only; whether a judge has scored, never the score)'),
    mine: z
      .array(
        z.object({
          project: ref.extend({ organisation: ref }),
          scores: z.array(z.object({ criterionId: id, score: z.number().int() })),
        }),
      )
      .describe('The projects the caller judges, with the caller’s own scores only'),
    ranking: z.array(rankingItem).nullable().describe('Once scoring has closed; null while scores are blind'),
    actions: z.object({
      setup: z.boolean(),
      open: z.boolean(),
      close: z.boolean(),
      publish: z.boolean(),
      award: z.boolean(),
      score: z.boolean(),
    }),
  }),
);

export const publicResults = named(
  'EvaluationResults',
  z.object({
    ...roundBase,
    criteria: z.array(evaluationCriterion),
    ranking: z.array(rankingItem),
  }),
);
export const publicRoundList = z.object({
  items: z.array(z.object(roundBase)),
});
