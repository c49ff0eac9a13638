/** The ranking of a closed round beside the platform figures, with the awards form (within the budget). */
import { App, Button, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { hoursOf, yuan } from '../../projects/data.js';
import { type RoundDetail, useAwards } from '../../projects/evaluation-data.js';

export function Ranking({ round }: { round: RoundDetail }) {
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
        bordered
        scroll={{ x: 1200 }}
        columns={[
          { title: t('projects.evaluation.rank'), dataIndex: 'rank', width: 60, fixed: 'left' },
          {
            title: t('projects.evaluation.project'),
            width: 220,
            fixed: 'left',
            render: (_, r) => `${r.project.name}（${r.project.organisation.name}）`,
          },
          { title: t('projects.evaluation.total'), dataIndex: 'total', width: 70 },
          {
            title: t('projects.evaluation.points'),
            children: round.criteria.map((c) => ({
              title: `${c.name} ${c.weight}%`,
              key: c.id,
              width: 90,
              render: (_: unknown, r: (typeof ranking)[number]) =>
                r.criteria.find((x) => x.criterionId === c.id)?.points ?? 0,
            })),
          },
          {
            title: t('projects.evaluation.platform'),
            children: [
              { title: t('projects.evaluation.hours'), width: 90, render: (_, r) => hoursOf(r.results.minutesServed) },
              { title: t('projects.evaluation.volunteers'), width: 70, render: (_, r) => r.results.volunteers },
              { title: t('projects.evaluation.orders'), width: 80, render: (_, r) => r.results.ordersCompleted },
              {
                title: t('projects.evaluation.stars'),
                width: 70,
                render: (_, r) => r.results.averageStars ?? '—',
              },
            ],
          },
          {
            title: t('projects.evaluation.honour'),
            width: 180,
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
            width: 140,
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
