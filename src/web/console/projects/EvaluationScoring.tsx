/** The judge's scoring form in the console: one row per assigned project, a box per judge-scored criterion. */
import { App, Button, Form, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type RoundDetail, useScore } from '../../projects/evaluation-data.js';

export function Scoring({ round }: { round: RoundDetail }) {
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
