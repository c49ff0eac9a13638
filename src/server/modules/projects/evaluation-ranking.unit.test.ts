import { describe, expect, it } from 'vitest';
import { rankProjects } from './evaluation-ranking.js';
import { noResults } from './results.js';

const criteria = [
  { id: 'c1', weight: 60, maxScore: 10, metric: null },
  { id: 'c2', weight: 40, maxScore: 10, metric: 'minutesServed' as const },
];
const project = (id: string, name: string, minutes: number) => ({
  id,
  name,
  results: { ...noResults, minutesServed: minutes },
});

describe('ranking a round', () => {
  it('weights judges’ means and platform figures (against the best of the round); equal totals share a rank', () => {
    const ranked = rankProjects(
      criteria,
      [project('a', '乙', 300), project('b', '甲', 600), project('c', '丙', 600)],
      [
        { projectId: 'a', judgeUserId: 'j1', criterionId: 'c1', score: 10 },
        { projectId: 'a', judgeUserId: 'j2', criterionId: 'c1', score: 10 },
        { projectId: 'b', judgeUserId: 'j1', criterionId: 'c1', score: 8 },
        { projectId: 'b', judgeUserId: 'j2', criterionId: 'c1', score: 6 },
        { projectId: 'c', judgeUserId: 'j1', criterionId: 'c1', score: 7 },
      ],
      new Map([
        ['a', 2],
        ['b', 2],
        ['c', 2],
      ]),
    );
    // a: 60 + 40·300/600 = 80; b: 60·0.7 + 40 = 82; c: 60·0.7 + 40 = 82 (one judge of two)
    expect(ranked.map((r) => [r.projectId, r.rank, r.total, r.complete])).toEqual([
      // ties listed by name in pinyin order: 丙 (bing) before 甲 (jia)
      ['c', 1, 82, false],
      ['b', 1, 82, true],
      ['a', 3, 80, true],
    ]);
  });

  it('gives a metric criterion nothing when no project has any figure', () => {
    const [only] = rankProjects(criteria, [project('a', '甲', 0)], [], new Map());
    expect(only).toMatchObject({ rank: 1, total: 0, complete: false });
  });
});
