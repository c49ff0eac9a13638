import { Button, List, Tag } from 'antd-mobile';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Me, useLogout } from '../api/session.js';
import { MobilePrefs } from '../shared/MobilePrefs.js';
import { maskPhone } from '../shared/phone.js';
import { AcademyEntry } from './academy/AcademyEntry.js';
import { CharityEntry } from './charity/CharityEntry.js';
import { MyHoursEntry } from './hours/MyHoursEntry.js';
import { MyOrderLinks } from './orders/MyOrderLinks.js';
import { MyPeopleLinks } from './people/MyPeopleLinks.js';
import { StoreEntry } from './store/StoreEntry.js';

export function MinePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  useEffect(() => {
    document.title = `${t('h5.mine.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div className="lf-h5-page">
      <section className="lf-h5-profile">
        <div className="lf-h5-avatar" aria-hidden="true">
          {me.displayName.slice(0, 1)}
        </div>
        <div>
          <h1 className="lf-h5-name">{me.displayName}</h1>
          <p className="lf-h5-phone">{maskPhone(me.phone)}</p>
        </div>
      </section>
      <List header={t('h5.mine.roles')} mode="card">
        {me.roles.length === 0 && <List.Item>{t('h5.mine.noRoles')}</List.Item>}
        {me.roles.map((r) => {
          const place = r.organisation?.name ?? r.region?.name;
          return (
            <List.Item key={`${r.role}-${r.region?.code ?? ''}-${r.organisation?.id ?? ''}`} description={place}>
              <Tag color="primary" fill="outline">
                {t(`roles.${r.role}`)}
              </Tag>
            </List.Item>
          );
        })}
      </List>
      <List mode="card">
        <List.Item onClick={() => navigate('/h5/mine/volunteer')}>
          {me.roles.some((r) => r.role === 'volunteer') ? t('myVolunteer.entry') : t('myVolunteer.applyEntry')}
        </List.Item>
        {me.roles.some((r) => r.role === 'volunteer') && <MyHoursEntry />}
        <StoreEntry me={me} />
        <List.Item onClick={() => navigate('/h5/mine/points')}>{t('points.entry')}</List.Item>
        <AcademyEntry me={me} />
        <CharityEntry />
      </List>
      <MyOrderLinks me={me} />
      <MyPeopleLinks />
      <List header={t('h5.mine.settings')} mode="card">
        <List.Item onClick={() => navigate('/h5/settings/notifications')}>{t('notifySettings.entry')}</List.Item>
        <List.Item onClick={() => navigate('/h5/mine/password')}>{t('h5.password.title')}</List.Item>
      </List>
      <MobilePrefs />
      <div className="lf-h5-block">
        <Button
          block
          size="large"
          color="danger"
          fill="outline"
          loading={logout.isPending}
          onClick={() => logout.mutate()}
        >
          {t('auth.logout')}
        </Button>
      </div>
    </div>
  );
}
