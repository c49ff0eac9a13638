/**
 * A project for its reviewer: what was submitted, its results, the review chain and history, and the
 * decisions the server says the caller may take now (a comment is needed to return or reject).
 */
import { App, Button, Descriptions, Drawer, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { pick, type ReviewStep, useProject, useProjectStep, yuan } from '../../projects/data.js';
import { ResultFigures } from '../../projects/ResultFigures.js';
import { ReviewHistory } from '../../projects/ReviewHistory.js';
import { PageError, PageLoading } from '../PageState.js';
import { stateColour } from './ReviewTab.js';

export function ProjectDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const project = useProject(id);
  const step = useProjectStep();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const p = project.data;

  const take = (s: ReviewStep) => {
    if ((s === 'return' || s === 'reject') && !comment.trim()) return setMissing(true);
    step.mutate(
      { id, step: s, comment: comment.trim() || undefined },
      {
        onSuccess: () => {
          setComment('');
          setMissing(false);
          void message.success(t('projects.desk.review.done'));
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };
  const a = p?.actions;
  const canDecide = a && (a.pass || a.approve || a.return || a.reject);
  return (
    <Drawer open onClose={onClose} size={720} title={p?.name ?? t('projects.desk.review.detail')}>
      {project.isPending && <PageLoading />}
      {project.isError && <PageError error={project.error} onRetry={() => project.refetch()} />}
      {p && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={stateColour[p.state]}>{pick(p.stateLabel)}</Tag>
            <Tag>{t(`projects.levels.${p.level}`)}</Tag>
            <Tag>{t(`projects.categories.${p.category}`)}</Tag>
            {p.synthetic && <Tag>{t('projects.synthetic')}</Tag>}
            {(p.state === 'approved' || p.state === 'concluded') && (
              <a href={`/library/projects/${p.id}`} target="_blank" rel="noreferrer">
                {t('projects.desk.review.publicPage')}
              </a>
            )}
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('projects.fields.call')}>{p.call.title}</Descriptions.Item>
            <Descriptions.Item label={t('projects.fields.organisation')}>
              {p.organisation.name}（{p.regionName}）
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.fields.brand')}>
              {p.brand ? `${p.brand.name}${p.series ? ` · ${p.series.name}` : ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.fields.contactName')}>
              {p.contactName} {p.contactPhone}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.fields.objectives')}>{p.objectives || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('projects.fields.beneficiaries')}>{p.beneficiaries || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('projects.fields.regionsServed')}>
              {p.regionsServed.map((r) => r.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.fields.plan')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{p.plan || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.fields.budget')}>
              {p.budgetFen === null ? '—' : yuan(p.budgetFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.fields.expectedOutputs')}>
              {p.expectedOutputs || '—'}
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('projects.results.title')}</Typography.Title>
            <ResultFigures results={p.results} />
          </div>
          <div>
            <Typography.Title level={5}>{t('projects.desk.review.history')}</Typography.Title>
            <ReviewHistory project={p} />
          </div>
          {canDecide && (
            <Form layout="vertical">
              <Form.Item
                label={t('projects.desk.review.comment')}
                extra={t('projects.desk.review.commentHint')}
                validateStatus={missing ? 'error' : undefined}
                help={missing ? t('projects.desk.review.commentRequired') : undefined}
              >
                <Input.TextArea
                  aria-label={t('projects.desk.review.comment')}
                  rows={3}
                  value={comment}
                  maxLength={textLimits.projectReviewComment}
                  onChange={(e) => setComment(e.target.value)}
                />
              </Form.Item>
              <Space wrap>
                {a.pass && (
                  <Button type="primary" loading={step.isPending} onClick={() => take('approve')}>
                    {t('projects.desk.review.pass')}
                  </Button>
                )}
                {a.approve && (
                  <Button type="primary" loading={step.isPending} onClick={() => take('approve')}>
                    {t('projects.desk.review.approve')}
                  </Button>
                )}
                {a.return && (
                  <Button loading={step.isPending} onClick={() => take('return')}>
                    {t('projects.desk.review.return')}
                  </Button>
                )}
                {a.reject && (
                  <Button danger loading={step.isPending} onClick={() => take('reject')}>
                    {t('projects.desk.review.reject')}
                  </Button>
                )}
              </Space>
            </Form>
          )}
          {a?.conclude && (
            <Button loading={step.isPending} onClick={() => take('conclude')}>
              {t('projects.desk.review.conclude')}
            </Button>
          )}
        </Space>
      )}
    </Drawer>
  );
}
