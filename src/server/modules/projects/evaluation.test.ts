import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assign,
  criteria,
  type Detail,
  type EvaluationWorld,
  ev,
  libraryProject,
  marks,
  newRound,
  put,
  score,
  startEvaluationWorld,
} from '../../../../test/evaluation.js';
import { anonymous, type Client, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { evaluationScores } from './evaluation-schema.js';

startEvaluationWorld();
let t: TestContext;
let centre: Client;
let judges: EvaluationWorld['judges'];
let other: EvaluationWorld['other'];
beforeAll(() => {
  ({ t, centre, judges, other } = ev);
});

describe('a round from setup to published results', () => {
  it('scores blind, ranks by weighted mean with ties, awards within budget and publishes', async () => {
    const round = await newRound(1_000_000);
    const [a, b, c] = [
      await libraryProject('蓝色周六·海岸清洁', other),
      await libraryProject('金晖助老·上门理发', other),
      await libraryProject('精致童年·周末课堂', other),
    ];
    const [j1, j2] = judges as [(typeof judges)[number], (typeof judges)[number]];
    for (const p of [a, b, c] as string[])
      for (const j of [j1, j2]) expect((await assign(round.id, p, j.phone)).statusCode).toBe(201);
    const opened = await centre.post(`/api/v1/evaluation-rounds/${round.id}/open`);
    expect(opened.json()).toMatchObject({ state: 'scoring', actions: { setup: false, close: true } });
    expect((await put(centre, `/api/v1/evaluation-rounds/${round.id}/criteria`, { criteria })).json().error.code).toBe(
      'EVALUATION_SETUP_LOCKED',
    );

    const view = (await j1.client.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    expect(view.role).toBe('judge');
    expect(view.mine.map((m) => m.project.id).sort()).toEqual([a, b, c].sort());
    expect(view.entries).toEqual([]);

    // Bounded per criterion: 实效 is out of 20, 创新性 out of 10.
    const over = await score(j1.client, round.id, a as string, marks(view, 11, 15));
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0].field).toBe('body.scores.0.score');
    const missing = await score(j1.client, round.id, a as string, marks(view, 8, 15).slice(0, 1));
    expect(missing.statusCode).toBe(400);

    // a: (8/10·40 + 16/20·40) and (6/10·40 + 12/20·40) → means 7 and 14 → 28 + 28 = 56
    // b: (7, 14) twice → 56: a tie with a
    // c: (9, 18) and (10, 20) → 38 + 38 = 76
    expect((await score(j1.client, round.id, a as string, marks(view, 8, 16))).statusCode).toBe(200);
    expect((await score(j1.client, round.id, b as string, marks(view, 7, 14))).statusCode).toBe(200);
    expect((await score(j1.client, round.id, c as string, marks(view, 9, 18))).statusCode).toBe(200);

    // Blind: j2 sees none of j1's scores, the admin sees who has scored but no score and no ranking.
    const j2view = (await j2.client.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    expect(j2view.mine.every((m) => m.scores.length === 0)).toBe(true);
    expect(j2view.ranking).toBeNull();
    const adminView = (await centre.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    expect(adminView.ranking).toBeNull();
    expect(JSON.stringify(adminView)).not.toMatch(/"score":\d/);
    const entryA = adminView.entries.find((e) => e.project.id === a);
    expect(entryA?.judges.find((j) => j.id === j1.id)?.scored).toBe(true);
    expect(entryA?.judges.find((j) => j.id === j2.id)?.scored).toBe(false);
    const j1view = (await j1.client.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    expect(
      j1view.mine
        .find((m) => m.project.id === a)
        ?.scores.map((s) => s.score)
        .sort(),
    ).toEqual([16, 8]);
    // The audit log records that a score was given, not the score.
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'evaluation.score'));
    expect(audits.length).toBeGreaterThanOrEqual(3);
    for (const x of audits) expect(Object.keys(x.detail as object).sort()).toEqual(['criteria', 'projectId']);

    // A judge may not score a project they are not assigned to, nor open or close the round.
    const stranger = judges[2] as (typeof judges)[number];
    expect((await score(stranger.client, round.id, a as string, marks(view, 5, 5))).json().error.code).toBe(
      'EVALUATION_NOT_ASSIGNED',
    );
    expect((await j1.client.post(`/api/v1/evaluation-rounds/${round.id}/close`)).statusCode).toBe(403);

    // Two judges scoring at once: both land.
    const [r1, r2] = await Promise.all([
      score(j2.client, round.id, a as string, marks(view, 6, 12)),
      score(j2.client, round.id, b as string, marks(view, 7, 14)),
    ]);
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    expect((await score(j2.client, round.id, c as string, marks(view, 10, 20))).statusCode).toBe(200);

    // No awards before closing.
    expect((await put(centre, `/api/v1/evaluation-rounds/${round.id}/awards`, { awards: [] })).json().error.code).toBe(
      'ILLEGAL_TRANSITION',
    );
    const closed = (await centre.post(`/api/v1/evaluation-rounds/${round.id}/close`)).json() as Detail;
    expect(closed.state).toBe('closed');
    const late = await score(j1.client, round.id, a as string, marks(view, 10, 20));
    expect(late.json().error.code).toBe('EVALUATION_NOT_SCORING');

    const ranking = closed.ranking as NonNullable<Detail['ranking']>;
    expect(ranking.map((r) => [r.project.id, r.rank, r.total])).toEqual([
      [c, 1, 76],
      // a tie shares rank 2, listed by name
      ...[
        [a, 2, 56],
        [b, 2, 56],
      ].sort((x, y) =>
        (ranking.find((r) => r.project.id === x[0])?.project.name ?? '').localeCompare(
          ranking.find((r) => r.project.id === y[0])?.project.name ?? '',
          'zh',
        ),
      ),
    ]);
    // Judges see the ranking once scoring has closed.
    expect(((await j2.client.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail).ranking).toHaveLength(3);

    const overBudget = await put(centre, `/api/v1/evaluation-rounds/${round.id}/awards`, {
      awards: [
        { projectId: c, honour: '十佳志愿服务项目', fundingFen: 800_000 },
        { projectId: a, honour: '优秀志愿服务项目', fundingFen: 300_000 },
      ],
    });
    expect(overBudget.statusCode).toBe(409);
    expect(overBudget.json().error.code).toBe('EVALUATION_OVER_BUDGET');
    const awarded = await put(centre, `/api/v1/evaluation-rounds/${round.id}/awards`, {
      awards: [
        { projectId: c, honour: '十佳志愿服务项目', fundingFen: 600_000 },
        { projectId: a, honour: '优秀志愿服务项目', fundingFen: 200_000 },
        { projectId: b, honour: '优秀志愿服务项目', fundingFen: 200_000 },
      ],
    });
    expect(awarded.statusCode, awarded.body).toBe(200);
    expect(awarded.json().awardedFen).toBe(1_000_000);

    // Not public before publishing.
    expect((await anonymous(t.app).get(`/api/v1/public/evaluations/${round.id}`)).statusCode).toBe(404);
    expect((await centre.post(`/api/v1/evaluation-rounds/${round.id}/publish`)).json().state).toBe('published');
    const pub = await anonymous(t.app).get(`/api/v1/public/evaluations/${round.id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().ranking[0]).toMatchObject({
      rank: 1,
      project: { id: c, name: '精致童年·周末课堂' },
      total: 76,
      award: { honour: '十佳志愿服务项目', fundingFen: 600_000 },
      results: { minutesServed: 0 },
    });
    expect(JSON.stringify(pub.json())).not.toContain(j1.id);
    expect(
      (await anonymous(t.app).get('/api/v1/public/evaluations')).json().items.map((r: { id: string }) => r.id),
    ).toContain(round.id);

    const file = await anonymous(t.app).get(`/api/v1/public/evaluations/${round.id}/results.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as never);
    const sheet = book.getWorksheet('评选结果');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const first = rows.find((r) => r[0] === 1);
    expect(first?.slice(0, 4)).toEqual([1, '精致童年·周末课堂', expect.any(String), 76]);
    expect(first?.at(-2)).toBe('十佳志愿服务项目');
    expect(first?.at(-1)).toBe(6000);
    expect(rows.filter((r) => r[0] === 2)).toHaveLength(2);

    const steps = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, round.id));
    expect(steps.map((s) => s.action)).toEqual(
      expect.arrayContaining([
        'evaluation.create',
        'evaluation.open',
        'evaluation.close',
        'evaluation.awards',
        'evaluation.publish',
      ]),
    );
  });

  it('lets two judges score at the same moment, and closing waits for them', async () => {
    const round = await newRound();
    const p = await libraryProject('百姓故事会·社区讲堂', other);
    const [j1, j2] = judges as [(typeof judges)[number], (typeof judges)[number]];
    await assign(round.id, p, j1.phone);
    await assign(round.id, p, j2.phone);
    const view = (await centre.post(`/api/v1/evaluation-rounds/${round.id}/open`)).json() as Detail;
    const results = await Promise.all([
      score(j1.client, round.id, p, marks(view, 10, 20)),
      score(j2.client, round.id, p, marks(view, 5, 10)),
      centre.post(`/api/v1/evaluation-rounds/${round.id}/close`),
    ]);
    expect(results[2].statusCode).toBe(200);
    const stored = await t.database.db.select().from(evaluationScores).where(eq(evaluationScores.roundId, round.id));
    // Each score either landed whole before closing or was refused whole after it.
    const landed = results.slice(0, 2).filter((r) => r.statusCode === 200).length;
    for (const r of results.slice(0, 2))
      if (r.statusCode !== 200) expect(r.json().error.code).toBe('EVALUATION_NOT_SCORING');
    expect(stored).toHaveLength(landed * 2);
    const detail = (await centre.get(`/api/v1/evaluation-rounds/${round.id}`)).json() as Detail;
    const expected = landed === 2 ? 60 : landed === 0 ? 0 : undefined;
    if (expected !== undefined) expect(detail.ranking?.[0]?.total).toBe(expected);
  });
});
