/**
 * 我的志愿者档案: the owner's own profile, the ID number masked until they tap to see it (it is
 * theirs), and the service details they may change themselves: skills, weekly availability, intro.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ErrorBlock, Form, List, NavBar, NoticeBar, Selector, Tag, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { textLimits } from '../../shared/text-limits.js';
import { errorText } from '../api/errors.js';
import { $api, nullOn } from '../api/queries.js';
import { FullPageError, FullPageLoading } from '../app/states.js';
import { LimitedTextArea } from '../shared/LimitedTextArea.js';
import { formatDate } from '../shared/time.js';
import {
  type MyVolunteer,
  type Period,
  periods,
  presetKey,
  presetsToSlots,
  slotsToPresets,
  useRegistrationOptions,
} from '../shared/volunteers.js';

/** The caller's own volunteer record, or null when they have not registered (404). */
const myVolunteerQuery = nullOn(404, $api.queryOptions('get', '/api/v1/me/volunteer'));

const useMyVolunteer = () => useQuery(myVolunteerQuery);

export function MyVolunteerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyVolunteer();
  useEffect(() => {
    document.title = `${t('myVolunteer.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div className="lf-h5">
      <NavBar className="lf-h5-navbar" onBack={() => navigate('/h5/mine')}>
        {t('myVolunteer.title')}
      </NavBar>
      {mine.isPending && <FullPageLoading />}
      {mine.isError && <FullPageError error={mine.error} onRetry={() => mine.refetch()} />}
      {mine.data === null && (
        <main className="lf-h5-page">
          <ErrorBlock status="empty" title={t('myVolunteer.notVolunteer')} description="">
            <Button color="primary" onClick={() => navigate('/h5/mine/volunteer/apply')}>
              {t('myVolunteer.applyEntry')}
            </Button>
          </ErrorBlock>
        </main>
      )}
      {mine.data && <Profile v={mine.data} />}
    </div>
  );
}

function Profile({ v }: { v: MyVolunteer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [showId, setShowId] = useState(false);
  const [editing, setEditing] = useState(false);
  const weekday = (d: number) => t(`volunteer.weekdays.${d}` as 'volunteer.weekdays.1');
  return (
    <main className="lf-h5-page">
      {v.status === 'pending' && <NoticeBar content={t('myVolunteer.pendingHint')} color="alert" wrap />}
      {v.status === 'suspended' && (
        <NoticeBar
          content={`${t('myVolunteer.suspendedHint')}${v.statusReason ? `：${v.statusReason}` : ''}`}
          color="error"
          wrap
        />
      )}
      <List header={t('myVolunteer.realName')} mode="card">
        <List.Item extra={<span className="lf-h5-id">{v.number}</span>}>{t('volunteer.fields.number')}</List.Item>
        <List.Item
          extra={
            <Tag color={v.status === 'active' ? 'success' : v.status === 'pending' ? 'warning' : 'default'}>
              {t(`volunteer.statuses.${v.status}`)}
            </Tag>
          }
        >
          {t('volunteer.fields.status')}
        </List.Item>
        <List.Item extra={v.name}>{t('volunteer.fields.name')}</List.Item>
        <List.Item
          extra={<span className="lf-h5-id">{showId ? v.idNumber : v.idNumberMasked}</span>}
          description={
            <Button size="mini" fill="none" color="primary" onClick={() => setShowId((s) => !s)}>
              {showId ? t('myVolunteer.hideId') : t('myVolunteer.showId')}
            </Button>
          }
        >
          {t('volunteer.fields.idNumber')}
        </List.Item>
        <List.Item extra={t(`volunteer.genders.${v.gender}`)}>{t('volunteer.fields.gender')}</List.Item>
        <List.Item extra={v.birthDate}>{t('volunteer.fields.birthDate')}</List.Item>
        <List.Item extra={v.phoneMasked} onClick={() => navigate('/h5/mine/volunteer/phone')}>
          {t('volunteer.fields.phone')}
        </List.Item>
        <List.Item extra={v.region.name}>{t('volunteer.fields.community')}</List.Item>
        {v.consent && (
          <List.Item extra={`${v.consent.version} · ${formatDate(v.consent.acceptedAt)}`}>
            {t('volunteer.fields.consentRecord')}
          </List.Item>
        )}
      </List>
      <p className="lf-h5-hint">{t('myVolunteer.realNameHint')}</p>
      {editing ? (
        <EditService v={v} onDone={() => setEditing(false)} />
      ) : (
        <>
          <List header={t('myVolunteer.service')} mode="card">
            <List.Item description={v.skills.length ? v.skills.map((s) => s.name).join('、') : t('volunteer.none')}>
              {t('volunteer.fields.skills')}
            </List.Item>
            <List.Item
              description={
                v.availability.length
                  ? v.availability.map((s) => `${weekday(s.weekday)} ${s.start}–${s.end}`).join('；')
                  : t('volunteer.none')
              }
            >
              {t('volunteer.fields.availability')}
            </List.Item>
            <List.Item
              description={v.serviceAreas.length ? v.serviceAreas.map((a) => a.name).join('、') : t('volunteer.none')}
            >
              {t('volunteer.fields.serviceAreas')}
            </List.Item>
            <List.Item description={v.intro ?? t('volunteer.none')}>{t('volunteer.fields.intro')}</List.Item>
          </List>
          <div className="lf-h5-block">
            <Button block size="large" color="primary" fill="outline" onClick={() => setEditing(true)}>
              {t('myVolunteer.edit')}
            </Button>
          </div>
        </>
      )}
    </main>
  );
}

interface ServiceForm {
  skills: string[];
  availability: string[];
  intro?: string;
}

function EditService({ v, onDone }: { v: MyVolunteer; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = useRegistrationOptions();
  const [form] = Form.useForm<ServiceForm>();
  const { keys, others } = slotsToPresets(v.availability);
  const save = $api.useMutation('patch', '/api/v1/me/volunteer', {
    onSuccess: (data) => {
      queryClient.setQueryData(myVolunteerQuery.queryKey, data);
      Toast.show({ icon: 'success', content: t('myVolunteer.saved') });
      onDone();
    },
  });
  const slotOptions = [1, 2, 3, 4, 5, 6, 7].flatMap((d) =>
    (Object.keys(periods) as Period[]).map((p) => ({
      value: presetKey(d, p),
      label: `${t(`volunteer.weekdays.${d}` as 'volunteer.weekdays.1')}${t(`volunteer.periods.${p}`)}`,
    })),
  );
  return (
    <Form
      form={form}
      layout="vertical"
      mode="card"
      initialValues={{ skills: v.skills.map((s) => s.code), availability: keys, intro: v.intro ?? '' }}
      onFinish={(f: ServiceForm) =>
        save.mutate({
          body: {
            skills: f.skills,
            availability: [...presetsToSlots(f.availability), ...others],
            intro: f.intro?.trim() ?? '',
          },
        })
      }
      footer={
        <>
          {save.isError && (
            <div className="lf-h5-error" role="alert">
              {errorText(save.error)}
            </div>
          )}
          <Button block type="submit" color="primary" size="large" loading={save.isPending}>
            {t('myVolunteer.save')}
          </Button>
          <Button block fill="none" onClick={onDone} style={{ marginTop: 8 }}>
            {t('myVolunteer.cancel')}
          </Button>
        </>
      }
    >
      <Form.Header>{t('myVolunteer.service')}</Form.Header>
      <Form.Item name="skills" label={t('volunteer.fields.skills')}>
        <Selector
          multiple
          columns={3}
          options={(options.data?.skills ?? []).map((s) => ({ label: s.name, value: s.code }))}
        />
      </Form.Item>
      <Form.Item name="availability" label={t('volunteer.fields.availability')}>
        <Selector multiple columns={3} options={slotOptions} />
      </Form.Item>
      <Form.Item name="intro" label={t('volunteer.fields.intro')}>
        <LimitedTextArea
          limit={textLimits.volunteerIntro}
          rows={3}
          placeholder={t('volunteer.fields.introPlaceholder')}
        />
      </Form.Item>
    </Form>
  );
}
