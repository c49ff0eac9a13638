/** 创建评选: title, level, year, budget and the criteria with their weights (adding up to 100). */
import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { levels } from '../../projects/data.js';
import { type CreateRoundBody, useCreateRound } from '../../projects/evaluation-data.js';
import './evaluation.css';

const metrics = ['minutesServed', 'volunteers', 'ordersCompleted', 'averageStars'] as const;

export function CreateRound({ onClose }: { onClose: (id?: string) => void }) {
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
        <Typography.Title level={5}>{t('projects.evaluation.criteria')}</Typography.Title>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} className="lf-criterion-row">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]} className="lf-criterion-name">
                    <Input
                      placeholder={t('projects.evaluation.criterion')}
                      maxLength={textLimits.evaluationCriterionName}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]}>
                    <InputNumber
                      min={1}
                      max={100}
                      style={{ width: 120 }}
                      addonBefore={t('projects.evaluation.weight')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'maxScore']}>
                    <InputNumber
                      min={1}
                      max={100}
                      style={{ width: 120 }}
                      addonBefore={t('projects.evaluation.maxScore')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'metric']}>
                    <Select
                      style={{ width: 140 }}
                      aria-label={t('projects.evaluation.metric')}
                      options={[
                        { value: null, label: t('projects.evaluation.judgeScored') },
                        ...metrics.map((m) => ({ value: m, label: t(`projects.evaluation.metrics.${m}`) })),
                      ]}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('projects.evaluation.removeCriterion')}
                    onClick={() => remove(f.name)}
                  />
                </div>
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
