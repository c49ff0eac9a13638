/**
 * 评审 on the phone: the rounds the signed-in judge scores in, and per round one card per assigned
 * project with a number box per judge-scored criterion. Scores stay blind; a refusal (own
 * organisation, round not open) is shown on the project's card.
 */
import { Button, Card, Input, List, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../api/errors.js';
import { pick } from '../../projects/data.js';
import '../../projects/projects.css';
import { type RoundDetail, useRound, useRounds, useScore } from '../../projects/evaluation-data.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';

export function JudgeRoundsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rounds = useRounds();
  const mine = (rounds.data?.items ?? []).filter((r) => r.role === 'judge');
  return (
    <SubPage title={t('projects.evaluation.mine')} back="/h5">
      {rounds.isPending && <H5Loading />}
      {rounds.isError && <H5Error error={rounds.error} onRetry={() => rounds.refetch()} />}
      {rounds.data && (
        <List mode="card">
          {mine.length === 0 && <List.Item>{t('projects.evaluation.empty')}</List.Item>}
          {mine.map((r) => (
            <List.Item
              key={r.id}
              onClick={() => navigate(`/h5/projects/evaluations/${r.id}`)}
              description={`${t(`projects.levels.${r.level}`)} · ${r.year}`}
              extra={<Tag color="primary">{pick(r.stateLabel)}</Tag>}
            >
              {r.title}
            </List.Item>
          ))}
        </List>
      )}
    </SubPage>
  );
}

export function JudgeRoundPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const round = useRound(id);
  const r = round.data;
  return (
    <SubPage title={r?.title ?? t('projects.evaluation.mine')} back="/h5/projects/evaluations">
      {round.isPending && <H5Loading />}
      {round.isError && <H5Error error={round.error} onRetry={() => round.refetch()} />}
      {r && (
        <>
          <section className="lf-h5-team-head">
            <h1>{r.title}</h1>
            <Tag color="primary">{pick(r.stateLabel)}</Tag>
            <p className="lf-h5-note">
              {t('projects.evaluation.criteria')}：
              {r.criteria
                .map(
                  (c) =>
                    `${c.name} ${c.weight}%${c.metric ? `（${t(`projects.evaluation.metrics.${c.metric}`)}）` : ''}`,
                )
                .join('、')}
            </p>
            <p className="lf-h5-note">{t('projects.evaluation.blind')}</p>
          </section>
          {r.mine.map((m) => (
            <ScoreCard key={m.project.id} round={r} entry={m} />
          ))}
        </>
      )}
    </SubPage>
  );
}

function ScoreCard({ round, entry }: { round: RoundDetail; entry: RoundDetail['mine'][number] }) {
  const { t } = useTranslation();
  const score = useScore(round.id);
  const judged = round.criteria.filter((c) => !c.metric);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(entry.scores.map((s) => [s.criterionId, String(s.score)])),
  );
  const [error, setError] = useState<string | null>(null);
  const complete = judged.every((c) => values[c.id] !== undefined && values[c.id] !== '');
  const submit = () => {
    setError(null);
    score.mutate(
      { projectId: entry.project.id, scores: judged.map((c) => ({ criterionId: c.id, score: Number(values[c.id]) })) },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('projects.evaluation.saved') }),
        onError: (e) => setError(errorText(e)),
      },
    );
  };
  return (
    <Card title={entry.project.name} className="lf-h5-judge-card" aria-label={entry.project.name}>
      <div className="lf-h5-note">{entry.project.organisation.name}</div>
      {judged.map((c) => (
        <div key={c.id} className="lf-h5-judge-row">
          <span>
            {c.name}（0–{c.maxScore}）
          </span>
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            max={c.maxScore}
            disabled={!round.actions.score}
            value={values[c.id] ?? ''}
            onChange={(v) => setValues((old) => ({ ...old, [c.id]: v }))}
            aria-label={`${entry.project.name} ${c.name}`}
          />
        </div>
      ))}
      {error && (
        <div className="lf-h5-error" role="alert">
          {error}
        </div>
      )}
      {round.actions.score && (
        <Button block color="primary" disabled={!complete} loading={score.isPending} onClick={submit}>
          {entry.scores.length ? t('projects.evaluation.rescore') : t('projects.evaluation.score')}
        </Button>
      )}
    </Card>
  );
}
