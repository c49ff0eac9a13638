/**
 * 评选: rounds the caller runs (create, criteria, judges, open/close, awards, publish) or judges in
 * (the scoring form). Scores stay blind until the round closes; the ranking comes from the server.
 */
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { api, call } from '../../api/client.js';
import { hoursOf, levels, pick, yuan } from '../../projects/data.js';
import {
  type CreateRoundBody,
  type RoundDetail,
  resultsXlsxUrl,
  useAssignJudge,
  useAwards,
  useCreateRound,
  useRound,
  useRoundStep,
  useRounds,
  useScore,
} from '../../projects/evaluation-data.js';
import { PageError } from '../PageState.js';

const metrics = ['minutesServed', 'volunteers', 'ordersCompleted', 'averageStars'] as const;

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

function CreateRound({ onClose }: { onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateRound();
  const [form] = Form.useForm();
  const criteria = Form.useWatch('criteria', form) as { weight?: number }[] | undefined;
  const sum = (criteria ?? []).reduce((s, c) => s + (c?.weight ?? 0), 0);
  const submit = async (v: { budgetYuan: number } & Omit<CreateRoundBody, 'budgetFen'>) => {
    try {
      const { budgetYuan, ...rest } = v;
      const round = await create.mutateAsync({ ...rest, budgetFen: Math.round(budgetYuan * 100) });
      onClose(round.id);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('projects.evaluation.new')} onCancel={() => onClose()} onOk={() => form.submit()} width={720}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          level: 'district',
          year: new Date().getFullYear(),
          criteria: [
            { name: '创新性', weight: 40, maxScore: 10, metric: null },
            { name: '实效', weight: 40, maxScore: 10, metric: null },
            { name: '服务时长', weight: 20, maxScore: 10, metric: 'minutesServed' },
          ],
        }}
      >
        <Form.Item name="title" label={t('projects.evaluation.title')} rules={[{ required: true }]}>
          <Input maxLength={textLimits.evaluationTitle} showCount />
        </Form.Item>
        <Space wrap>
          <Form.Item name="level" label={t('projects.evaluation.level')}>
            <Select
              style={{ width: 180 }}
              options={levels.map((l) => ({ value: l, label: t(`projects.levels.${l}`) }))}
            />
          </Form.Item>
          <Form.Item name="year" label={t('projects.evaluation.year')}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="budgetYuan" label={t('projects.evaluation.budget')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('projects.evaluation.criteria')}</Typography.Text>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input
                      placeholder={t('projects.evaluation.criterion')}
                      maxLength={textLimits.evaluationCriterionName}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]}>
                    <InputNumber min={1} max={100} addonBefore={t('projects.evaluation.weight')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'maxScore']}>
                    <InputNumber min={1} max={100} addonBefore={t('projects.evaluation.maxScore')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'metric']}>
                    <Select
                      style={{ width: 160 }}
                      options={[
                        { value: null, label: t('projects.evaluation.judgeScored') },
                        ...metrics.map((m) => ({ value: m, label: t(`projects.evaluation.metrics.${m}`) })),
                      ]}
                    />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    ×
                  </Button>
                </Space>
              ))}
              <Space>
                <Button onClick={() => add({ weight: 10, maxScore: 10, metric: null })}>
                  {t('projects.evaluation.addCriterion')}
                </Button>
                <Typography.Text type={sum === 100 ? 'success' : 'danger'}>
                  {t('projects.evaluation.weightsSum', { sum })}
                </Typography.Text>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
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
      {r.role === 'admin' && r.entries.length > 0 && r.ranking === null && (
        <Table
          rowKey={(e) => e.project.id}
          size="small"
          pagination={false}
          dataSource={r.entries}
          columns={[
            { title: t('projects.evaluation.project'), render: (_, e) => e.project.name },
            {
              title: t('projects.evaluation.judges'),
              render: (_, e) =>
                e.judges.map((j) => (
                  <Tag key={j.id} color={j.scored ? 'green' : 'default'}>
                    {j.name} · {t(j.scored ? 'projects.evaluation.scored' : 'projects.evaluation.notScored')}
                  </Tag>
                )),
            },
          ]}
        />
      )}
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

function Scoring({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const score = useScore(round.id);
  const judged = round.criteria.filter((c) => !c.metric);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5}>{t('projects.evaluation.mine')}</Typography.Title>
      {round.mine.map((m) => (
        <Form
          key={m.project.id}
          layout="inline"
          aria-label={m.project.name}
          initialValues={Object.fromEntries(m.scores.map((s) => [s.criterionId, s.score]))}
          onFinish={(v: Record<string, number>) =>
            score
              .mutateAsync({
                projectId: m.project.id,
                scores: judged.map((c) => ({ criterionId: c.id, score: v[c.id] as number })),
              })
              .then(() => message.success(t('projects.evaluation.saved')))
              .catch((e: Error) => message.error(e.message))
          }
        >
          <Typography.Text strong style={{ minWidth: 200 }}>
            {m.project.name}
          </Typography.Text>
          {judged.map((c) => (
            <Form.Item key={c.id} name={c.id} label={`${c.name}（≤${c.maxScore}）`} rules={[{ required: true }]}>
              <InputNumber min={0} max={c.maxScore} aria-label={`${m.project.name} ${c.name}`} />
            </Form.Item>
          ))}
          <Button htmlType="submit">{t('projects.evaluation.score')}</Button>
        </Form>
      ))}
    </Space>
  );
}

function Ranking({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const awards = useAwards(round.id);
  const ranking = round.ranking ?? [];
  const [form] = Form.useForm();
  const save = (v: Record<string, { honour?: string; funding?: number }>) =>
    awards
      .mutateAsync({
        awards: ranking
          .filter((r) => v[r.project.id]?.honour)
          .map((r) => ({
            projectId: r.project.id,
            honour: v[r.project.id]?.honour as string,
            fundingFen: Math.round((v[r.project.id]?.funding ?? 0) * 100),
          })),
      })
      .then(() => message.success(t('projects.evaluation.saved')))
      .catch((e: Error) => message.error(e.message));
  return (
    <Form
      form={form}
      onFinish={save}
      initialValues={Object.fromEntries(
        ranking.map((r) => [
          r.project.id,
          { honour: r.award?.honour, funding: r.award ? r.award.fundingFen / 100 : undefined },
        ]),
      )}
    >
      <Typography.Title level={5}>{t('projects.evaluation.ranking')}</Typography.Title>
      <Table
        rowKey={(r) => r.project.id}
        size="small"
        pagination={false}
        dataSource={ranking}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('projects.evaluation.rank'), dataIndex: 'rank', width: 60 },
          {
            title: t('projects.evaluation.project'),
            render: (_, r) => `${r.project.name}（${r.project.organisation.name}）`,
          },
          { title: t('projects.evaluation.total'), dataIndex: 'total', width: 70 },
          ...round.criteria.map((c) => ({
            title: c.name,
            key: c.id,
            render: (_: unknown, r: (typeof ranking)[number]) =>
              r.criteria.find((x) => x.criterionId === c.id)?.points ?? 0,
          })),
          { title: t('projects.evaluation.hours'), render: (_, r) => hoursOf(r.results.minutesServed) },
          { title: t('projects.evaluation.volunteers'), render: (_, r) => r.results.volunteers },
          { title: t('projects.evaluation.orders'), render: (_, r) => r.results.ordersCompleted },
          {
            title: t('projects.evaluation.honour'),
            render: (_, r) =>
              round.actions.award ? (
                <Form.Item name={[r.project.id, 'honour']} noStyle>
                  <Input
                    maxLength={textLimits.evaluationHonour}
                    aria-label={`${r.project.name} ${t('projects.evaluation.honour')}`}
                  />
                </Form.Item>
              ) : (
                (r.award?.honour ?? '')
              ),
          },
          {
            title: t('projects.evaluation.funding'),
            render: (_, r) =>
              round.actions.award ? (
                <Form.Item name={[r.project.id, 'funding']} noStyle>
                  <InputNumber
                    min={0}
                    precision={2}
                    aria-label={`${r.project.name} ${t('projects.evaluation.funding')}`}
                  />
                </Form.Item>
              ) : r.award ? (
                yuan(r.award.fundingFen)
              ) : (
                ''
              ),
          },
        ]}
      />
      {round.actions.award && (
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit">
            {t('projects.evaluation.saveAwards')}
          </Button>
          <Typography.Text>
            {t('projects.evaluation.awarded')} {yuan(round.awardedFen)} / {yuan(round.budgetFen)}
          </Typography.Text>
        </Space>
      )}
    </Form>
  );
}
