/**
 * 评选: rounds the caller runs (create, criteria, judges, open/close, awards, publish) or judges in
 * (the scoring form). Scores stay blind until the round closes; the ranking comes from the server.
 */
import { CloseOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.js';
import { pick, yuan } from '../../projects/data.js';
import {
  type RoundDetail,
  resultsXlsxUrl,
  useAssignJudge,
  useRound,
  useRoundStep,
  useRounds,
  useUnassignJudge,
} from '../../projects/evaluation-data.js';
import { PageError } from '../PageState.js';
import { CreateRound } from './EvaluationCreate.js';
import { Ranking } from './EvaluationRanking.js';
import { Scoring } from './EvaluationScoring.js';

export function EvaluationTab() {
  const { t } = useTranslation();
  const rounds = useRounds();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  if (rounds.isError) return <PageError error={rounds.error} onRetry={() => rounds.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setCreating(true)}>
        {t('projects.evaluation.new')}
      </Button>
      <Table
        rowKey="id"
        loading={rounds.isPending}
        dataSource={rounds.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('projects.evaluation.empty') }}
        columns={[
          { title: t('projects.evaluation.title'), dataIndex: 'title' },
          { title: t('projects.evaluation.level'), render: (_, r) => t(`projects.levels.${r.level}`) },
          { title: t('projects.evaluation.year'), dataIndex: 'year', width: 70 },
          { title: t('projects.evaluation.state'), render: (_, r) => <Tag>{pick(r.stateLabel)}</Tag> },
          { title: t('projects.evaluation.projects'), dataIndex: 'projects', width: 80 },
          { title: '', render: (_, r) => <Tag>{t(`projects.evaluation.roles.${r.role}`)}</Tag> },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" onClick={() => setOpenId(r.id)}>
                {t('projects.evaluation.open')}
              </Button>
            ),
          },
        ]}
      />
      {creating && (
        <CreateRound
          onClose={(id) => {
            setCreating(false);
            if (id) setOpenId(id);
          }}
        />
      )}
      {openId && <RoundPanel id={openId} />}
    </Space>
  );
}

function RoundPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const round = useRound(id);
  const step = useRoundStep(id);
  if (round.isError) return <PageError error={round.error} onRetry={() => round.refetch()} />;
  const r = round.data;
  if (!r) return null;
  const run = (event: 'open' | 'close' | 'publish') =>
    step.mutateAsync(event).catch((e: Error) => message.error(e.message));
  return (
    <Card
      title={`${r.title} · ${pick(r.stateLabel)}`}
      extra={
        <Space>
          {(['open', 'close', 'publish'] as const).map(
            (e) =>
              r.actions[e] && (
                <Button key={e} type="primary" onClick={() => run(e)}>
                  {t(`projects.evaluation.steps.${e}`)}
                </Button>
              ),
          )}
          {r.state === 'published' && (
            <>
              <a href={`/library/evaluations/${r.id}`} target="_blank" rel="noreferrer">
                {t('projects.evaluation.publicPage')}
              </a>
              <a href={resultsXlsxUrl(r.id)}>{t('projects.evaluation.export')}</a>
            </>
          )}
        </Space>
      }
    >
      <Typography.Paragraph>
        {t('projects.evaluation.criteria')}：
        {r.criteria
          .map((c) => `${c.name} ${c.weight}%${c.metric ? `（${t(`projects.evaluation.metrics.${c.metric}`)}）` : ''}`)
          .join('、')}
        {' · '}
        {t('projects.evaluation.budget')} {yuan(r.budgetFen)}
      </Typography.Paragraph>
      {r.ranking === null && (
        <Typography.Paragraph type="secondary">{t('projects.evaluation.blind')}</Typography.Paragraph>
      )}
      {r.role === 'admin' && (r.state === 'draft' || r.state === 'scoring') && <Assign round={r} />}
      {r.role === 'admin' && r.entries.length > 0 && r.ranking === null && <Entries round={r} />}
      {r.actions.score && <Scoring round={r} />}
      {r.ranking && <Ranking round={r} />}
    </Card>
  );
}

function Assign({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const assign = useAssignJudge(round.id);
  const [q, setQ] = useState('');
  const library = useQuery({
    queryKey: ['evaluation', 'candidates', round.level, round.year, q],
    queryFn: () =>
      call(
        api.GET('/api/v1/public/projects', {
          params: { query: { level: round.level, year: round.year, q, limit: 50 } },
        }),
      ),
  });
  const [form] = Form.useForm();
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginBottom: 12 }}
      onFinish={(v: { projectId: string; judgePhone: string }) =>
        assign
          .mutateAsync(v)
          .then(() => form.resetFields(['judgePhone']))
          .catch((e: Error) => message.error(e.message))
      }
    >
      <Form.Item name="projectId" label={t('projects.evaluation.project')} rules={[{ required: true }]}>
        <Select
          showSearch
          filterOption={false}
          onSearch={setQ}
          style={{ width: 280 }}
          options={(library.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name}（${p.organisation.name}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="judgePhone" label={t('projects.evaluation.judgePhone')} rules={[{ required: true }]}>
        <Input style={{ width: 160 }} />
      </Form.Item>
      <Button htmlType="submit">{t('projects.evaluation.assign')}</Button>
    </Form>
  );
}

/** The round's projects and their judges; a judge who has not scored may be taken off until scoring closes. */
function Entries({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const unassign = useUnassignJudge(round.id);
  const open = round.state === 'draft' || round.state === 'scoring';
  return (
    <Table
      rowKey={(e) => e.project.id}
      size="small"
      pagination={false}
      dataSource={round.entries}
      columns={[
        { title: t('projects.evaluation.project'), render: (_, e) => e.project.name },
        {
          title: t('projects.evaluation.judges'),
          render: (_, e) =>
            e.judges.map((j) => (
              <Tag
                key={j.id}
                color={j.scored ? 'green' : 'default'}
                closable={open && !j.scored}
                closeIcon={<CloseOutlined aria-label={`${t('projects.evaluation.removeJudge')} ${j.name}`} />}
                onClose={(ev) => {
                  ev.preventDefault();
                  unassign
                    .mutateAsync({ projectId: e.project.id, judgeId: j.id })
                    .catch((err: Error) => message.error(err.message));
                }}
              >
                {j.name} · {t(j.scored ? 'projects.evaluation.scored' : 'projects.evaluation.notScored')}
              </Tag>
            )),
        },
      ]}
    />
  );
}
