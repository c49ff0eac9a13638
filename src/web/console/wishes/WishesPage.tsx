/**
 * 微心愿 (keeper): the review queue, the wishes waiting for delivery to be confirmed, or every wish in
 * scope, by state and community; one wish opens in a drawer (/console/wishes/:id).
 */
import { GiftOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import {
  allWishStates,
  type StaffWishFilter,
  useStaffWishes,
  type Wish,
  type WishState,
} from '../../h5/wishes/data.js';
import { useLiveWishes } from '../../h5/wishes/live.js';
import { dateTime } from '../../orders/format.js';
import { ListFooter, PageHead, RegionFilter } from '../ListFrame.js';
import { PageError, usePageTitle } from '../PageState.js';
import { EnterWishModal } from './EnterWishModal.js';
import { consoleColour, WishDrawer } from './WishDrawer.js';
import { WishSettingsPage } from './WishSettingsPage.js';

export function WishesConsole() {
  return (
    <Routes>
      <Route index element={<WishesPage />} />
      <Route path="settings" element={<WishSettingsPage />} />
      <Route path=":id" element={<WishesPage />} />
    </Routes>
  );
}

function WishesPage() {
  const { t } = useTranslation();
  usePageTitle(t('wishes.console.title'));
  useLiveWishes();
  const { id } = useParams();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<StaffWishFilter>({ queue: 'review' });
  const [entering, setEntering] = useState(false);
  const wishes = useStaffWishes(filter);
  const rows = useMemo(() => wishes.data?.pages.flatMap((p) => p.items) ?? [], [wishes.data]);

  const columns: TableColumnsType<Wish> = [
    {
      title: t('wishes.fields.title'),
      key: 'title',
      render: (_, w) => (
        <Space size={4} wrap>
          <Button type="link" onClick={() => navigate(`/console/wishes/${w.id}`)}>
            {w.title}
          </Button>
          {w.synthetic && <Tag className="lf-synthetic">{t('wishes.console.synthetic')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('wishes.console.state'),
      key: 'state',
      render: (_, w) => <Tag color={consoleColour[w.state]}>{t(`wishes.states.${w.state}`)}</Tag>,
    },
    {
      title: t('wishes.fields.beneficiary'),
      key: 'who',
      render: (_, w) => `${w.beneficiaryName} · ${t(`wishes.groups.${w.beneficiaryGroup}`)}`,
    },
    { title: t('wishes.fields.community'), key: 'region', render: (_, w) => w.regionName },
    { title: t('wishes.fields.claimer'), key: 'claimer', responsive: ['lg'], render: (_, w) => w.claimer?.name ?? '—' },
    { title: t('wishes.fields.deadline'), key: 'deadline', render: (_, w) => dateTime(w.deadline) },
    { title: t('wishes.fields.number'), dataIndex: 'number', key: 'number', responsive: ['xl'] },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHead
        title={t('wishes.console.title')}
        intro={t('wishes.console.intro')}
        actions={
          <Space wrap>
            <Button type="primary" icon={<GiftOutlined />} onClick={() => setEntering(true)}>
              {t('wishes.console.enter')}
            </Button>
            <Button icon={<SettingOutlined />} onClick={() => navigate('/console/wishes/settings')}>
              {t('wishes.console.settingsLink')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void wishes.refetch()} loading={wishes.isRefetching}>
              {t('app.retry')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented<StaffWishFilter['queue']>
            value={filter.queue}
            onChange={(queue) => setFilter((f) => ({ ...f, queue }))}
            options={(['review', 'confirm', 'all'] as const).map((q) => ({
              value: q,
              label: t(`wishes.console.queue.${q}`),
            }))}
          />
          <Select<WishState>
            allowClear
            aria-label={t('wishes.console.allStates')}
            placeholder={t('wishes.console.allStates')}
            value={filter.state}
            onChange={(state) => setFilter((f) => ({ ...f, state }))}
            options={allWishStates.map((s) => ({ value: s, label: t(`wishes.states.${s}`) }))}
            style={{ minWidth: 130 }}
          />
          <RegionFilter
            label={t('wishes.fields.community')}
            placeholder={t('wishes.console.allRegions')}
            value={filter.regionCode}
            onChange={(regionCode) => setFilter((f) => ({ ...f, regionCode }))}
          />
        </Space>
        {wishes.isError && <PageError error={wishes.error} onRetry={() => wishes.refetch()} />}
        <Table<Wish>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={wishes.isPending}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('wishes.console.empty')} /> }}
        />
        <ListFooter list={wishes} count={rows.length} />
      </Card>
      <WishDrawer id={id ?? null} onClose={() => navigate('/console/wishes')} />
      <EnterWishModal
        open={entering}
        onClose={() => setEntering(false)}
        onEntered={(wishId) => {
          setEntering(false);
          navigate(`/console/wishes/${wishId}`);
        }}
      />
    </Space>
  );
}
