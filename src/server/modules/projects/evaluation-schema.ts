import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { projectLevels } from '../../../shared/project-lists.js';
import { tenants } from '../../platform/tenants-schema.js';
import { users } from '../accounts/index.js';
import { regions } from '../regions/index.js';
import { projects } from './schema.js';

export const evaluationStates = ['draft', 'scoring', 'closed', 'published'] as const;
export type EvaluationState = (typeof evaluationStates)[number];

/** Platform figures a criterion may be computed from instead of scored by judges. */
export const evaluationMetrics = ['minutesServed', 'volunteers', 'ordersCompleted', 'averageStars'] as const;
export type EvaluationMetric = (typeof evaluationMetrics)[number];

/** An evaluation round (评选): the best projects of a level and year, scored by judges, given awards. */
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    level: text('level', { enum: projectLevels }).notNull(),
    year: smallint('year').notNull(),
    /** The region whose centre admins run it; its projects lie under it. */
    regionCode: text('region_code').notNull(),
    state: text('state', { enum: evaluationStates }).notNull().default('draft'),
    version: integer('version').notNull().default(0),
    /** The funding the awards may hand out together, in fen. */
    budgetFen: integer('budget_fen').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    index('evaluation_rounds_year_idx').on(t.tenantId, t.year, t.createdAt),
  ],
);

/** A criterion of a round with its weight (weights of a round add up to 100). */
export const evaluationCriteria = pgTable(
  'evaluation_criteria',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    name: text('name').notNull(),
    weight: smallint('weight').notNull(),
    /** Judges score 0..max_score. */
    maxScore: smallint('max_score').notNull(),
    /** Computed from the platform's records instead of scored (null: judges score it). */
    metric: text('metric', { enum: evaluationMetrics }),
    sortOrder: smallint('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.roundId],
      foreignColumns: [evaluationRounds.tenantId, evaluationRounds.id],
    }).onDelete('cascade'),
    index('evaluation_criteria_round_idx').on(t.tenantId, t.roundId, t.sortOrder),
  ],
);

/** A judge assigned to a project of a round. The project takes part in the round by having judges. */
export const evaluationAssignments = pgTable(
  'evaluation_assignments',
  {
    tenantId: text('tenant_id').notNull(),
    roundId: uuid('round_id').notNull(),
    projectId: uuid('project_id').notNull(),
    judgeUserId: uuid('judge_user_id').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.roundId, t.projectId, t.judgeUserId] }),
    foreignKey({
      columns: [t.tenantId, t.roundId],
      foreignColumns: [evaluationRounds.tenantId, evaluationRounds.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }),
    foreignKey({ columns: [t.tenantId, t.judgeUserId], foreignColumns: [users.tenantId, users.id] }),
    index('evaluation_assignments_judge_idx').on(t.tenantId, t.judgeUserId, t.roundId),
  ],
);

/** A judge's score of one criterion of one project (changeable while the round is scoring). */
export const evaluationScores = pgTable(
  'evaluation_scores',
  {
    tenantId: text('tenant_id').notNull(),
    roundId: uuid('round_id').notNull(),
    projectId: uuid('project_id').notNull(),
    judgeUserId: uuid('judge_user_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    score: smallint('score').notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.roundId, t.projectId, t.judgeUserId, t.criterionId] }),
    foreignKey({
      columns: [t.tenantId, t.roundId, t.projectId, t.judgeUserId],
      foreignColumns: [
        evaluationAssignments.tenantId,
        evaluationAssignments.roundId,
        evaluationAssignments.projectId,
        evaluationAssignments.judgeUserId,
      ],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.criterionId],
      foreignColumns: [evaluationCriteria.tenantId, evaluationCriteria.id],
    }).onDelete('cascade'),
  ],
);

/** An award of a closed round: an honour title and funding in fen, within the round's budget. */
export const evaluationAwards = pgTable(
  'evaluation_awards',
  {
    tenantId: text('tenant_id').notNull(),
    roundId: uuid('round_id').notNull(),
    projectId: uuid('project_id').notNull(),
    honour: text('honour').notNull(),
    fundingFen: integer('funding_fen').notNull(),
    awardedBy: uuid('awarded_by'),
    awardedAt: timestamp('awarded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.roundId, t.projectId] }),
    foreignKey({
      columns: [t.tenantId, t.roundId],
      foreignColumns: [evaluationRounds.tenantId, evaluationRounds.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }),
  ],
);
