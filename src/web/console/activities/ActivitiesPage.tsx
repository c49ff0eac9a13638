/**
 * 志愿活动 (organisers): activities in the caller's scope or run by teams they manage; create, edit,
 * publish, cancel; one activity's sign-ups per occurrence in a drawer (/console/activities/:id).
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  type ActivityState,
  type ActivitySummary,
  useCancelActivity,
  usePublishActivity,
  useStaffActivities,
} from '../../activities/data.js';
import { sessionTime } from '../../activities/format.js';
import { errorText } from '../../api/errors.js';
import { currentLanguage } from '../../i18n/index.js';
import { PageError, usePageTitle } from '../PageState.js';
import { ActivityFormModal } from './ActivityFormModal.js';
import { RosterDrawer } from './RosterDrawer.js';

const states: ActivityState[] = ['draft', 'published', 'cancelled', 'finished'];
const colours = { draft: 'default', published: 'green', cancelled: 'red', finished: 'default' } as const;

export function ActivitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('activities.title'));
  const { id } = useParams();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const [filter, setFilter] = useState<{ state?: ActivityState; q?: string }>({});
  const [editing, setEditing] = useState<ActivitySummary | 'new' | null>(null);
  const list = useStaffActivities(filter);
  const publish = usePublishActivity();
  const cancel = useCancelActivity();
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const en = currentLanguage() === 'en';

  const doPublish = (a: ActivitySummary) =>
    modal.confirm({
      title: a.title,
      content: t('activities.console.confirmPublish'),
      okText: t('activities.console.publish'),
      onOk: async () => {
        try {
          await publish.mutateAsync({ params: { path: { id: a.id } } });
          void message.success(t('activities.console.published'));
        } catch (err) {
          void message.error(errorText(err));
        }
      },
    });

  const doCancel = (a: ActivitySummary) => {
    let reason = '';
    modal.confirm({
      title: `${t('activities.console.cancel')}：${a.title}`,
      content: (
        <Input.TextArea
          aria-label={t('activities.console.cancelReason')}
          placeholder={t('activities.console.cancelReason')}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      okButtonProps: { danger: true },
      okText: t('activities.console.cancel'),
      onOk: async () => {
        if (!reason.trim()) {
          void message.error(t('activities.console.cancelReason'));
          throw new Error('reason required');
        }
        try {
          await cancel.mutateAsync({ params: { path: { id: a.id } }, body: { reason: reason.trim() } });
        } catch (err) {
          void message.error(errorText(err));
        }
      },
    });
  };

  const columns: TableColumnsType<ActivitySummary> = [
    {
      title: t('activities.fields.title'),
      key: 'title',
      render: (_, a) => (
        <Space size={4} wrap>
          <Button type="link" className="lf-act-open" onClick={() => navigate(`/console/activities/${a.id}`)}>
            {a.title}
          </Button>
          {a.series && <Tag color="blue">{a.series}</Tag>}
          {a.synthetic && <Tag>{t('activities.console.synthetic')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('activities.fields.state'),
      key: 'state',
      render: (_, a) => <Tag color={colours[a.state]}>{t(`activities.states.${a.state}`)}</Tag>,
    },
    {
      title: t('activities.fields.time'),
      key: 'time',
      render: (_, a) =>
        `${a.recurrence ? `${en ? a.recurrence.en : a.recurrence.zh} · ` : ''}${sessionTime(a.startsAt, a.endsAt)}`,
    },
    { title: t('activities.fields.place'), key: 'place', render: (_, a) => a.site?.name ?? a.address },
    {
      title: t('activities.fields.organisation'),
      key: 'org',
      responsive: ['lg'],
      render: (_, a) => a.organisation.name,
    },
    {
      title: t('activities.fields.nextSession'),
      key: 'next',
      responsive: ['lg'],
      render: (_, a) =>
        a.nextSession
          ? `${sessionTime(a.nextSession.startsAt, a.nextSession.endsAt)} · ${t('activities.seats', a.nextSession)}`
          : '—',
    },
    {
      title: '',
      key: 'actions',
      render: (_, a) => (
        <Space wrap>
          {a.actions.edit && a.state === 'draft' && (
            <Button size="small" onClick={() => setEditing(a)}>
              {t('activities.console.edit')}
            </Button>
          )}
          {a.actions.publish && (
            <Button size="small" type="primary" onClick={() => doPublish(a)}>
              {t('activities.console.publish')}
            </Button>
          )}
          {a.state === 'published' && (
            <Button size="small" onClick={() => navigate(`/console/activities/${a.id}`)}>
              {t('activities.console.roster')}
            </Button>
          )}
          {a.actions.cancel && (
            <Button size="small" danger onClick={() => doCancel(a)}>
              {t('activities.console.cancel')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="lf-page-head">
        <div>
          <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
            {t('activities.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('activities.console.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('activities.console.create')}
        </Button>
      </div>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<ActivityState>
            allowClear
            aria-label={t('activities.fields.state')}
            placeholder={t('activities.console.all')}
            value={filter.state}
            onChange={(state) => setFilter((f) => ({ ...f, state }))}
            options={states.map((s) => ({ value: s, label: t(`activities.states.${s}`) }))}
            style={{ minWidth: 120 }}
          />
          <Input.Search
            allowClear
            aria-label={t('activities.search.placeholder')}
            placeholder={t('activities.search.placeholder')}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
            style={{ width: 260 }}
          />
        </Space>
        {list.isError && <PageError error={list.error} onRetry={() => list.refetch()} />}
        <Table<ActivitySummary>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('activities.console.empty')} /> }}
        />
        {list.hasNextPage && (
          <div className="lf-sites-footer">
            <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('orders.menu.loadMore')}
            </Button>
          </div>
        )}
      </Card>
      <ActivityFormModal editing={editing} onClose={() => setEditing(null)} />
      <RosterDrawer activityId={id ?? null} onClose={() => navigate('/console/activities')} />
    </Space>
  );
}
