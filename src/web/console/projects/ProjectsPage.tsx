/** 项目与品牌 desk: calls for projects (项目征集), the review queue with each project's history, and the brands. */
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import '../../projects/strings.js';
import { usePageTitle } from '../PageState.js';
import { BrandsTab } from './BrandsTab.js';
import { CallsTab } from './CallsTab.js';
import { EvaluationTab } from './EvaluationTab.js';
import { ReviewTab } from './ReviewTab.js';

const tabs = ['review', 'calls', 'brands', 'evaluation'] as const;

export function ProjectsPage() {
  const { t } = useTranslation();
  usePageTitle(t('projects.desk.title'));
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((k) => k === params.get('tab')) ?? 'review';
  const callId = params.get('call') ?? undefined;
  return (
    <>
      <Typography.Title level={3}>{t('projects.desk.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          {
            key: 'review',
            label: t('projects.desk.tabs.review'),
            children: <ReviewTab callId={callId} onCall={(id) => setParams(id ? { tab, call: id } : { tab })} />,
          },
          {
            key: 'calls',
            label: t('projects.desk.tabs.calls'),
            children: <CallsTab onProjects={(id) => setParams({ tab: 'review', call: id })} />,
          },
          { key: 'brands', label: t('projects.desk.tabs.brands'), children: <BrandsTab /> },
          { key: 'evaluation', label: t('projects.evaluation.tab'), children: <EvaluationTab /> },
        ]}
      />
    </>
  );
}
