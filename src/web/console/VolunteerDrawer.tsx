/** One volunteer for staff: masked ID number with an audited reveal, and the status actions. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../shared/text-limits.js';
import { errorText } from '../api/errors.js';
import { $api } from '../api/queries.js';
import { formatDate } from '../shared/time.js';
import { statusColour, type VolunteerStatus } from '../shared/volunteers.js';
import { CorrectVolunteerModal } from './CorrectVolunteerModal.js';
import { VolunteerStars } from './hours/VolunteerStars.js';
import { PageError, PageLoading } from './PageState.js';
import { useVolunteer, volunteerChanged } from './volunteers-data.js';

export function VolunteerDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const volunteer = useVolunteer(id);
  const [revealed, setRevealed] = useState<{ id: string; idNumber: string } | null>(null);
  const [suspending, setSuspending] = useState(false);
  const [reason, setReason] = useState('');
  const [correcting, setCorrecting] = useState(false);

  const reveal = $api.useMutation('post', '/api/v1/volunteers/{id}/reveal-id', {
    onSuccess: (data, { params }) => setRevealed({ id: params.path.id, idNumber: data.idNumber }),
  });
  const status = $api.useMutation('post', '/api/v1/volunteers/{id}/status', {
    onSuccess: (data) => {
      void volunteerChanged(queryClient, data);
      setSuspending(false);
      setReason('');
      void message.success(t('console.volunteers.statusChanged'));
    },
  });
  const changeStatus = (body: { status: VolunteerStatus; reason?: string }) =>
    status.mutate({ params: { path: { id: id as string } }, body });

  const v = volunteer.data;
  const weekday = (d: number) => t(`volunteer.weekdays.${d}` as 'volunteer.weekdays.1');
  return (
    <Drawer open={Boolean(id)} onClose={onClose} title={t('console.volunteers.detail')} size={560}>
      {volunteer.isPending && <PageLoading />}
      {volunteer.isError && <PageError error={volunteer.error} onRetry={() => volunteer.refetch()} />}
      {v && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('volunteer.fields.number')}>{v.number}</Descriptions.Item>
            <Descriptions.Item label={t('volunteer.fields.name')}>{v.name}</Descriptions.Item>
            <Descriptions.Item label={t('volunteer.fields.status')}>
              <Tag color={statusColour[v.status]}>{t(`volunteer.statuses.${v.status}`)}</Tag>
              {v.statusReason && <Typography.Text type="secondary">{v.statusReason}</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteer.fields.idNumber')}>
              <Space wrap>
                <Typography.Text code className="lf-id-number">
                  {revealed?.id === v.id ? revealed.idNumber : v.idNumberMasked}
                </Typography.Text>
                {revealed?.id !== v.id && v.can.revealIdNumber && (
                  <Button
                    size="small"
                    loading={reveal.isPending}
                    onClick={() => reveal.mutate({ params: { path: { id: v.id } } })}
                  >
                    {t('console.volunteers.reveal')}
                  </Button>
                )}
              </Space>
              {revealed?.id === v.id && (
                <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                  {t('console.volunteers.revealed')}
                </Typography.Paragraph>
              )}
              {reveal.isError && <Alert type="error" title={errorText(reveal.error)} />}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteer.fields.gender')}>
              {t(`volunteer.genders.${v.gender}`)} · {t('volunteer.fields.birthYear')} {v.birthYear}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteer.fields.phone')}>{v.phone}</Descriptions.Item>
            <Descriptions.Item label={t('hours.console.hoursAndStars')}>
              <VolunteerStars volunteerId={v.id} />
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteer.fields.community')}>{v.region.name}</Descriptions.Item>
            <Descriptions.Item label={t('volunteer.fields.skills')}>
              {v.skills.length ? v.skills.map((s) => <Tag key={s.code}>{s.name}</Tag>) : t('volunteer.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteer.fields.availability')}>
              {v.availability.length
                ? v.availability.map((s) => `${weekday(s.weekday)} ${s.start}–${s.end}`).join('；')
                : t('volunteer.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteer.fields.serviceAreas')}>
              {v.serviceAreas.length ? v.serviceAreas.map((a) => a.name).join('、') : t('volunteer.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteer.fields.registeredVia')}>
              {t(`volunteer.channels.${v.registeredVia}`)} · {formatDate(v.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteer.fields.consentRecord')}>
              {v.consent ? `${v.consent.version} · ${formatDate(v.consent.acceptedAt)}` : t('volunteer.none')}
            </Descriptions.Item>
            {v.intro && <Descriptions.Item label={t('volunteer.fields.intro')}>{v.intro}</Descriptions.Item>}
          </Descriptions>
          {v.can.changeStatus && (
            <Space wrap>
              {v.status === 'pending' && (
                <Button type="primary" loading={status.isPending} onClick={() => changeStatus({ status: 'active' })}>
                  {t('console.volunteers.approve')}
                </Button>
              )}
              {v.status === 'suspended' && (
                <Button type="primary" loading={status.isPending} onClick={() => changeStatus({ status: 'active' })}>
                  {t('console.volunteers.reinstate')}
                </Button>
              )}
              {v.status !== 'suspended' && (
                <Button danger onClick={() => setSuspending(true)}>
                  {t('console.volunteers.suspend')}
                </Button>
              )}
              {v.can.correct && (
                <Button onClick={() => setCorrecting(true)}>{t('volunteerForms.correction.action')}</Button>
              )}
            </Space>
          )}
          {correcting && <CorrectVolunteerModal volunteer={v} onClose={() => setCorrecting(false)} />}
          {status.isError && !suspending && <Alert type="error" title={errorText(status.error)} />}
        </Space>
      )}
      <Modal
        open={suspending}
        title={t('console.volunteers.suspend')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: status.isPending }}
        onOk={() => changeStatus({ status: 'suspended', reason: reason.trim() })}
        onCancel={() => setSuspending(false)}
      >
        <Typography.Paragraph>{t('console.volunteers.suspendReason')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('console.volunteers.suspendReason')}
          value={reason}
          maxLength={textLimits.statusReason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('console.volunteers.suspendReasonPlaceholder')}
        />
        {status.isError && <Alert type="error" title={errorText(status.error)} style={{ marginTop: 12 }} />}
      </Modal>
    </Drawer>
  );
}
