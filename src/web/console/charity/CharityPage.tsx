/** 爱心义卖 desk: events with stalls, sales and reconciliation; funds; donations; beneficiaries; disbursements. */
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import '../../charity/strings.js';
import { usePageTitle } from '../PageState.js';
import { BeneficiariesTab } from './BeneficiariesTab.js';
import { DisbursementsTab } from './DisbursementsTab.js';
import { DonationsTab } from './DonationsTab.js';
import { EventDetailPage } from './EventDetailPage.js';
import { EventsTab } from './EventsTab.js';
import { FundsTab } from './FundsTab.js';

const tabs = ['events', 'funds', 'donations', 'beneficiaries', 'disbursements'] as const;

function Desk() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  usePageTitle(t('charity.console.title'));
  const active = tabs.find((k) => k === tab) ?? 'events';
  return (
    <>
      <Typography.Title level={3}>{t('charity.console.title')}</Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/console/charity/${key}`)}
        destroyOnHidden
        items={[
          { key: 'events', label: t('charity.console.tabs.events'), children: <EventsTab /> },
          { key: 'funds', label: t('charity.console.tabs.funds'), children: <FundsTab /> },
          { key: 'donations', label: t('charity.console.tabs.donations'), children: <DonationsTab /> },
          { key: 'beneficiaries', label: t('charity.console.tabs.beneficiaries'), children: <BeneficiariesTab /> },
          { key: 'disbursements', label: t('charity.console.tabs.disbursements'), children: <DisbursementsTab /> },
        ]}
      />
    </>
  );
}

export function CharityPage() {
  return (
    <Routes>
      <Route index element={<Desk />} />
      <Route path="events/:id" element={<EventDetailPage />} />
      <Route path=":tab" element={<Desk />} />
    </Routes>
  );
}
