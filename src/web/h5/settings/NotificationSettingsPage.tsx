/**
 * 通知设置 (H5): per kind of message, whether a text or a WeChat message comes as well as the inbox
 * entry; binding and unbinding WeChat. This page is also where WeChat's authorisation returns
 * (`?code=…&state=…`): it finishes the binding and drops the query from the address.
 */
import { Button, Dialog, ErrorBlock, List, NavBar, NoticeBar, Switch, Tag, Toast } from 'antd-mobile';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { errorText } from '../../api/errors.js';
import { FullPageLoading } from '../../app/states.js';
import { dateTime } from '../../orders/format.js';
import {
  SETTINGS_PATH,
  type TopicPreference,
  useBindWechat,
  useNotificationPreferences,
  useSavePreferences,
  useStartWechatBinding,
  useUnbindWechat,
} from './notify-data.js';

export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const prefs = useNotificationPreferences();
  const save = useSavePreferences();
  const start = useStartWechatBinding();
  const bind = useBindWechat();
  const unbind = useUnbindWechat();
  useEffect(() => {
    document.title = `${t('notifySettings.title')} · ${t('app.name')}`;
  }, [t]);

  // Back from WeChat's authorisation: bind once with the code and state, then clean the address.
  const returned = useRef(false);
  useEffect(() => {
    const query = new URLSearchParams(location.search);
    const code = query.get('code');
    const state = query.get('state');
    if (!code || !state || returned.current) return;
    returned.current = true;
    bind.mutate(
      { body: { code, state } },
      {
        onSuccess: () => void Toast.show({ icon: 'success', content: t('notifySettings.boundNow') }),
        onSettled: () => navigate(SETTINGS_PATH, { replace: true }),
      },
    );
  }, [location.search, bind, navigate, t]);

  if (prefs.isPending) return <FullPageLoading />;
  const data = prefs.data;
  const change = (topic: TopicPreference['topic'], channel: 'sms' | 'wechat', on: boolean) => {
    if (!data) return;
    const topics = data.topics.map((p) => (p.topic === topic ? { ...p, [channel]: on } : p));
    save.mutate({ body: { topics } }, { onError: (err) => void Toast.show({ icon: 'fail', content: errorText(err) }) });
  };
  const wechat = data?.wechat;

  return (
    <div className="lf-h5">
      <NavBar className="lf-h5-navbar" onBack={() => navigate('/h5/mine')}>
        {t('notifySettings.title')}
      </NavBar>
      <main className="lf-h5-page">
        {prefs.isError && (
          <ErrorBlock status="default" title={errorText(prefs.error)} description="">
            <Button onClick={() => void prefs.refetch()}>↻</Button>
          </ErrorBlock>
        )}
        {bind.isPending && <NoticeBar content={t('notifySettings.binding')} color="info" />}
        {bind.isError && <NoticeBar content={errorText(bind.error)} color="alert" />}
        {data && (
          <>
            <p className="lf-h5-hint">{t('notifySettings.intro')}</p>
            <List header={t('notifySettings.topicsHeader')} mode="card" className="lf-notify-topics">
              {data.topics.map((p) => (
                <List.Item
                  key={p.topic}
                  description={
                    <span className="lf-notify-channels">
                      <span>
                        {t('notifySettings.sms')}{' '}
                        <Switch
                          aria-label={`${t(`notifySettings.topics.${p.topic}`)} ${t('notifySettings.sms')}`}
                          checked={p.sms}
                          disabled={!data.sms.available || save.isPending}
                          onChange={(on) => change(p.topic, 'sms', on)}
                        />
                      </span>
                      <span>
                        {t('notifySettings.wechat')}{' '}
                        <Switch
                          aria-label={`${t(`notifySettings.topics.${p.topic}`)} ${t('notifySettings.wechat')}`}
                          checked={p.wechat && data.wechat.bound}
                          disabled={!data.wechat.bound || save.isPending}
                          onChange={(on) => change(p.topic, 'wechat', on)}
                        />
                      </span>
                    </span>
                  }
                >
                  {t(`notifySettings.topics.${p.topic}`)}
                </List.Item>
              ))}
            </List>
            {!data.sms.available && <p className="lf-h5-hint">{t('notifySettings.smsUnavailable')}</p>}
            <List header={t('notifySettings.wechatHeader')} mode="card" className="lf-notify-wechat">
              {!wechat?.available ? (
                <List.Item>{t('notifySettings.wechatUnavailable')}</List.Item>
              ) : wechat.bound ? (
                <List.Item
                  description={wechat.boundAt ? t('notifySettings.boundAt', { at: dateTime(wechat.boundAt) }) : null}
                  extra={
                    <Button
                      size="small"
                      color="danger"
                      fill="outline"
                      loading={unbind.isPending}
                      onClick={async () => {
                        if (!(await Dialog.confirm({ content: t('notifySettings.unbindConfirm') }))) return;
                        unbind.mutate(
                          {},
                          {
                            onSuccess: () => void Toast.show({ content: t('notifySettings.unbound') }),
                            onError: (err) => void Toast.show({ icon: 'fail', content: errorText(err) }),
                          },
                        );
                      }}
                    >
                      {t('notifySettings.unbind')}
                    </Button>
                  }
                >
                  <Tag color="success" fill="outline">
                    {t('notifySettings.bound')}
                  </Tag>
                </List.Item>
              ) : (
                <List.Item
                  description={wechat.demo ? t('notifySettings.demo') : t('notifySettings.wechatNeedsBinding')}
                  extra={
                    <Button
                      size="small"
                      color="primary"
                      loading={start.isPending}
                      onClick={() =>
                        start.mutate(
                          { body: { returnPath: SETTINGS_PATH } },
                          {
                            onSuccess: ({ url }) => window.location.assign(url),
                            onError: (err) => void Toast.show({ icon: 'fail', content: errorText(err) }),
                          },
                        )
                      }
                    >
                      {t('notifySettings.bind')}
                    </Button>
                  }
                >
                  {t('notifySettings.notBound')}
                </List.Item>
              )}
            </List>
          </>
        )}
      </main>
    </div>
  );
}
