/**
 * The ranking of a round, pure: each criterion's points are the judges' mean score (or, for a metric
 * criterion, the project's platform figure against the best of the round, scaled to the criterion's
 * maximum); the total is the weighted mean on a 0–100 scale. Equal totals share a rank (1, 1, 3).
 */
import type { EvaluationMetric } from './evaluation-schema.js';
import type { Results } from './results.js';

export interface RankCriterion {
  id: string;
  weight: number;
  maxScore: number;
  metric: EvaluationMetric | null;
}
export interface RankProject {
  id: string;
  name: string;
  results: Results;
}
export interface RankScore {
  projectId: string;
  judgeUserId: string;
  criterionId: string;
  score: number;
}
export interface Ranked {
  projectId: string;
  /** 1-based; equal totals share a rank. */
  rank: number;
  /** Weighted mean, 0–100, two decimals. */
  total: number;
  /** Judges who scored every judged criterion of the project. */
  judges: number;
  /** Every judge assigned scored every judged criterion. */
  complete: boolean;
  criteria: { criterionId: string; points: number }[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const metricValue = (r: Results, m: EvaluationMetric) => (m === 'averageStars' ? (r.averageStars ?? 0) : r[m]);

export function rankProjects(
  criteria: RankCriterion[],
  projects: RankProject[],
  scores: RankScore[],
  assigned: Map<string, number>,
): Ranked[] {
  const best = new Map<EvaluationMetric, number>();
  for (const c of criteria)
    if (c.metric) best.set(c.metric, Math.max(0, ...projects.map((p) => metricValue(p.results, c.metric as never))));
  const judged = criteria.filter((c) => !c.metric);
  const rows = projects.map((p) => {
    const own = scores.filter((s) => s.projectId === p.id);
    const perJudge = new Map<string, number>();
    for (const s of own) perJudge.set(s.judgeUserId, (perJudge.get(s.judgeUserId) ?? 0) + 1);
    const judges = [...perJudge.values()].filter((n) => n >= judged.length).length;
    let total = 0;
    const points = criteria.map((c) => {
      let value: number;
      if (c.metric) {
        const top = best.get(c.metric) ?? 0;
        value = top > 0 ? (metricValue(p.results, c.metric) / top) * c.maxScore : 0;
      } else {
        const given = own.filter((s) => s.criterionId === c.id).map((s) => s.score);
        value = given.length ? given.reduce((a, b) => a + b, 0) / given.length : 0;
      }
      total += (c.weight * value) / c.maxScore;
      return { criterionId: c.id, points: round2(value) };
    });
    return {
      projectId: p.id,
      name: p.name,
      total: round2(total),
      judges,
      complete: judges > 0 && judges >= (assigned.get(p.id) ?? 0),
      criteria: points,
    };
  });
  rows.sort(
    (a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh') || a.projectId.localeCompare(b.projectId),
  );
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || r.total !== rows[i - 1]?.total) rank = i + 1;
    const { name: _name, ...rest } = r;
    return { ...rest, rank };
  });
}
