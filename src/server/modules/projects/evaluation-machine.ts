/**
 * An evaluation round's life as data: 筹备 (criteria, judges) → 评分 (blind) → 评分结束 (ranking,
 * awards) → 已公布 (the public results page). Only centre admins over the round take its steps.
 */
import type { Actor } from '../../platform/access.js';
import { can, machineFromTable } from '../../platform/state-machine.js';
import type { EvaluationState, evaluationRounds } from './evaluation-schema.js';

export type RoundRow = typeof evaluationRounds.$inferSelect;
export type RoundEvent = 'open' | 'close' | 'publish';

export const roundMachine = machineFromTable<EvaluationState, RoundEvent, RoundRow>({
  subject: { zh: '评选', en: 'evaluation round' },
  roles: ['centre_admin'],
  states: [
    ['draft', '筹备中', 'in preparation'],
    ['scoring', '评分中', 'scoring'],
    ['closed', '评分结束', 'scoring closed'],
    ['published', '已公布', 'published'],
  ],
  events: [
    ['open', '开始评分', 'open scoring', 'draft', 'scoring'],
    ['close', '结束评分', 'close scoring', 'scoring', 'closed', { writes: ({ now }) => ({ closedAt: now }) }],
    [
      'publish',
      '公布结果',
      'publish the results',
      'closed',
      'published',
      { writes: ({ now }) => ({ publishedAt: now }) },
    ],
  ],
});

export const roundActions = (round: RoundRow, actor: Actor | null) => can(roundMachine, round, actor);
/** Scores stay blind (each judge sees only their own) until the round closes. */
export const scoresRevealed = (state: EvaluationState) => state === 'closed' || state === 'published';
