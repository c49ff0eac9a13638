/** /login: phone + password. Staff go on to the console, everyone else to the H5 app. */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd-mobile';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { errorText } from '../api/errors.js';
import { $api } from '../api/queries.js';
import { homePath, type Me, resetSession, useMe } from '../api/session.js';
import { FullPageError, FullPageLoading } from '../app/states.js';
import { MobilePrefs } from '../shared/MobilePrefs.js';
import { MobileProviders } from '../shared/MobileProviders.js';
import { phonePattern } from '../shared/phone.js';
import './login.css';

interface LoginForm {
  phone: string;
  password: string;
}

/** Where to go after signing in: back to the page that sent the user here, if it is in their area. */
function destination(me: Me, from: unknown): string {
  const home = homePath(me);
  return typeof from === 'string' && from.startsWith(home) ? from : home;
}

export function LoginPage() {
  return (
    <MobileProviders>
      <Login />
    </MobileProviders>
  );
}

function Login() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const from = (location.state as { from?: string } | null)?.from;
  const login = $api.useMutation('post', '/api/v1/auth/login', {
    onSuccess: ({ me: signedIn }) => {
      resetSession(queryClient, signedIn);
      navigate(destination(signedIn, from), { replace: true });
    },
  });

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.name')}`;
  }, [t]);

  if (me.isPending) return <FullPageLoading />;
  if (me.isError) return <FullPageError error={me.error} onRetry={() => me.refetch()} />;
  // The next area's code may still be loading: the page stays on screen until it arrives, so it
  // shows the loading state rather than nothing.
  if (me.data && !login.isPending)
    return (
      <>
        <FullPageLoading />
        <Navigate to={destination(me.data, from)} replace />
      </>
    );

  return (
    <main className="lf-login">
      <header className="lf-login-brand">
        <div className="lf-login-logo" aria-hidden="true">
          雷
        </div>
        <h1>{t('app.name')}</h1>
        <p>{t('auth.subtitle')}</p>
      </header>
      <section className="lf-login-card" aria-labelledby="login-title">
        <h2 id="login-title">{t('auth.welcome')}</h2>
        <Form
          layout="vertical"
          mode="card"
          onFinish={(values: LoginForm) =>
            login.mutate({ body: { phone: values.phone.trim(), password: values.password } })
          }
          footer={
            <>
              {login.isError && (
                <div className="lf-login-error" role="alert">
                  {errorText(login.error)}
                </div>
              )}
              <Button block type="submit" color="primary" size="large" loading={login.isPending}>
                {t('auth.submit')}
              </Button>
              <p className="lf-login-register">
                <Link to="/register">{t('register.link')}</Link>
              </p>
              <p className="lf-login-register">
                <Link to="/reset-password">{t('reset.link')}</Link>
              </p>
            </>
          }
        >
          <Form.Item
            name="phone"
            label={t('auth.phone')}
            rules={[
              { required: true, message: t('auth.phoneRequired') },
              { pattern: phonePattern, message: t('auth.phoneInvalid') },
            ]}
          >
            <Input
              type="tel"
              inputMode="numeric"
              autoComplete="username"
              maxLength={11}
              clearable
              placeholder={t('auth.phonePlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input type="password" autoComplete="current-password" placeholder={t('auth.passwordPlaceholder')} />
          </Form.Item>
        </Form>
      </section>
      <p className="lf-login-public">
        <Link to="/sites/map">{t('sitePages.browseWithoutLogin')}</Link>
      </p>
      <p className="lf-login-public">
        <Link to="/charity/report">{t('sitePages.charityReport')}</Link>
      </p>
      <div className="lf-login-prefs">
        <MobilePrefs />
      </div>
    </main>
  );
}
