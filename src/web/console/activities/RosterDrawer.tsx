/** One activity's occurrences and, for the chosen one, who signed up, who came, and the decisions. */
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { textLimits } from '../../../shared/text-limits.js';
import {
  type RosterEntry,
  type SignupAction,
  useActivity,
  useCancelSession,
  useRoster,
  useSignupActions,
} from '../../activities/data.js';
import { cancelledSessionText, dateTime, sessionTime } from '../../activities/format.js';
import { errorText } from '../../api/errors.js';
import { currentLanguage } from '../../i18n/index.js';
import { PageError } from '../PageState.js';

const colours = {
  pending: 'orange',
  confirmed: 'green',
  waitlisted: 'blue',
  rejected: 'red',
  cancelled: 'default',
} as const;

export function RosterDrawer({ activityId, onClose }: { activityId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const activity = useActivity(activityId ?? undefined);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const roster = useRoster(sessionId);
  const act = useSignupActions();
  const cancelSession = useCancelSession();
  const en = currentLanguage() === 'en';

  // The first occurrence still on; one called off stays in the list, with its reason.
  const sessions = activity.data?.sessions;
  const firstSession = (sessions?.find((s) => !s.cancelled) ?? sessions?.[0])?.id ?? null;
  // Keeps the chosen occurrence while it is listed (also once called off), else takes the first.
  useEffect(() => {
    setSessionId((chosen) => (chosen && sessions?.some((s) => s.id === chosen) ? chosen : firstSession));
  }, [firstSession, sessions]);

  const run = (entry: RosterEntry, action: SignupAction) => {
    if (!entry.signupId) return;
    const id = entry.signupId;
    if (action === 'approve') {
      act.approve.mutate({ params: { path: { id } } }, { onError: (err) => void message.error(errorText(err)) });
      return;
    }
    let reason = '';
    modal.confirm({
      title: `${action === 'reject' ? t('activities.console.reject') : t('activities.console.cancelSignup')}：${entry.name}`,
      content: (
        <Input.TextArea
          aria-label={t('activities.console.rejectReason')}
          placeholder={t('activities.console.rejectReason')}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      onOk: async () => {
        try {
          const params = { path: { id } };
          if (action === 'reject') await act.reject.mutateAsync({ params, body: { reason: reason.trim() || '—' } });
          else await act.cancel.mutateAsync({ params, body: { reason: reason.trim() || undefined } });
        } catch (err) {
          void message.error(errorText(err));
        }
      },
    });
  };

  const askCancelSession = (id: string, when: string) => {
    let reason = '';
    modal.confirm({
      title: `${t('activities.console.cancelSession')}：${when}`,
      content: (
        <Input.TextArea
          aria-label={t('activities.console.cancelSessionReason')}
          placeholder={t('activities.console.cancelSessionReason')}
          maxLength={textLimits.activityReason}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      okButtonProps: { danger: true },
      okText: t('activities.console.cancelSession'),
      onOk: async () => {
        if (!reason.trim()) {
          void message.error(t('activities.console.cancelSessionReason'));
          throw new Error('reason required');
        }
        try {
          // The occurrence stays chosen: the drawer shows it called off, with the reason.
          await cancelSession.mutateAsync({ params: { path: { id } }, body: { reason: reason.trim() } });
          void message.success(t('activities.console.sessionCancelled'));
        } catch (err) {
          void message.error(errorText(err));
        }
      },
    });
  };

  const columns: TableColumnsType<RosterEntry> = [
    {
      title: t('activities.console.person'),
      key: 'name',
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>{e.name}</span>
          <span className="lf-muted">{[e.volunteerNumber, e.phone].filter(Boolean).join(' · ')}</span>
        </Space>
      ),
    },
    {
      title: t('activities.fields.state'),
      key: 'state',
      render: (_, e) => (e.state ? <Tag color={colours[e.state]}>{t(`activities.signupStates.${e.state}`)}</Tag> : '—'),
    },
    {
      title: t('activities.console.attendance'),
      key: 'attendance',
      render: (_, e) =>
        e.attendance ? (
          <Space orientation="vertical" size={0}>
            <span>
              {dateTime(e.attendance.checkInAt)}
              {e.attendance.checkOutAt ? ` – ${dateTime(e.attendance.checkOutAt)}` : ''}
            </span>
            {e.attendance.minutes !== null && (
              <span>{t('activities.my.attended', { minutes: e.attendance.minutes })}</span>
            )}
            {e.attendance.autoClosed && <Tag color="orange">{t('activities.console.autoClosed')}</Tag>}
            {e.attendance.manualReason && <span className="lf-muted">{e.attendance.manualReason}</span>}
          </Space>
        ) : (
          <span className="lf-muted">{t('activities.console.notCheckedIn')}</span>
        ),
    },
    {
      title: '',
      key: 'actions',
      render: (_, e) => (
        <Space wrap>
          {e.actions.approve && (
            <Button size="small" type="primary" onClick={() => run(e, 'approve')}>
              {t('activities.console.approve')}
            </Button>
          )}
          {e.actions.reject && (
            <Button size="small" danger onClick={() => run(e, 'reject')}>
              {t('activities.console.reject')}
            </Button>
          )}
          {e.actions.cancel && (
            <Button size="small" onClick={() => run(e, 'cancel')}>
              {t('activities.console.cancelSignup')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const a = activity.data;
  const chosen = a?.sessions.find((s) => s.id === sessionId);
  const cancellable =
    !!a && a.actions.cancel && !!chosen && !chosen.cancelled && new Date(chosen.startsAt) > new Date();
  return (
    <Drawer
      open={activityId !== null}
      onClose={onClose}
      size="large"
      title={a?.title ?? t('activities.console.roster')}
    >
      {activity.isError && <PageError error={activity.error} onRetry={() => activity.refetch()} />}
      {a && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('activities.fields.time')}>
              {a.recurrence ? `${en ? a.recurrence.en : a.recurrence.zh} · ` : ''}
              {sessionTime(a.startsAt, a.endsAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.place')}>{a.site?.name ?? a.address}</Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.organisation')}>{a.organisation.name}</Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.approvalMode')}>
              {t(`activities.approvalModes.${a.approvalMode}`)}
            </Descriptions.Item>
          </Descriptions>
          {a.sessions.length === 0 ? (
            <Empty description={t('activities.detail.noSessions')} />
          ) : (
            <Space wrap>
              <Select
                aria-label={t('activities.console.session')}
                value={sessionId ?? undefined}
                onChange={setSessionId}
                style={{ minWidth: 280 }}
                options={a.sessions.map((s) => ({
                  value: s.id,
                  label: `${sessionTime(s.startsAt, s.endsAt)} · ${s.cancelled ? t('activities.cancelledSession') : t('activities.seats', s)}`,
                }))}
              />
              {sessionId && (
                <Button onClick={() => navigate(`/console/activities/display?session=${sessionId}`)}>
                  {t('activities.console.display')}
                </Button>
              )}
              {cancellable && chosen && (
                <Button danger onClick={() => askCancelSession(chosen.id, sessionTime(chosen.startsAt, chosen.endsAt))}>
                  {t('activities.console.cancelSession')}
                </Button>
              )}
            </Space>
          )}
          {chosen?.cancelled && <Alert type="warning" showIcon title={cancelledSessionText(t, chosen)} />}
          {roster.isError && <PageError error={roster.error} onRetry={() => roster.refetch()} />}
          {sessionId && (
            <Table<RosterEntry>
              rowKey="userId"
              columns={columns}
              dataSource={roster.data?.items ?? []}
              loading={roster.isPending}
              pagination={false}
              size="small"
              locale={{ emptyText: <Empty description={t('activities.my.empty')} /> }}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}
