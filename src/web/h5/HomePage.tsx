import { Button, Card, Grid } from 'antd-mobile';
import {
  CalendarOutline,
  EnvironmentOutline,
  GiftOutline,
  HeartOutline,
  ShopbagOutline,
  VideoOutline,
} from 'antd-mobile-icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isStaff, type Me } from '../api/session.js';
import { MyOrderLinks } from './orders/MyOrderLinks.js';

/** Entries with `to` are open; the others say they are coming. */
const entries = [
  { key: 'order', icon: <HeartOutline />, to: '/h5/menu' },
  { key: 'activities', icon: <CalendarOutline />, to: '/h5/activities' },
  { key: 'wish', icon: <GiftOutline />, to: '/h5/wishes' },
  { key: 'store', icon: <ShopbagOutline /> },
  { key: 'academy', icon: <VideoOutline />, to: '/h5/academy' },
  { key: 'stations', icon: <EnvironmentOutline />, to: '/sites/map' },
] as const;

export function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${t('h5.tabs.home')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div className="lf-h5-page">
      <section className="lf-h5-welcome">
        <h1>{t('app.name')}</h1>
        <p className="lf-h5-greeting">{t('h5.home.greeting', { name: me.displayName })}</p>
        <p className="lf-h5-slogan">{t('h5.home.slogan')}</p>
        <p className="lf-h5-intro">{t('h5.home.intro')}</p>
      </section>
      <Card title={t('h5.home.entries')} className="lf-h5-card">
        {/* The services arrive with their modules; until then they say so instead of pretending to work. */}
        <Grid columns={3} gap={8}>
          {entries.map((e) => (
            <Grid.Item key={e.key}>
              {'to' in e ? (
                <Link className="lf-h5-entry lf-h5-entry-open" to={e.to}>
                  <span className="lf-h5-entry-icon" aria-hidden="true">
                    {e.icon}
                  </span>
                  <span className="lf-h5-entry-title">{t(`h5.home.entry.${e.key}`)}</span>
                </Link>
              ) : (
                <div className="lf-h5-entry" aria-disabled="true">
                  <span className="lf-h5-entry-icon" aria-hidden="true">
                    {e.icon}
                  </span>
                  <span className="lf-h5-entry-title">{t(`h5.home.entry.${e.key}`)}</span>
                  <span className="lf-h5-entry-soon">{t('h5.home.comingSoon')}</span>
                </div>
              )}
            </Grid.Item>
          ))}
        </Grid>
      </Card>
      <MyOrderLinks me={me} />
      {me.roles.some((r) => r.role === 'judge') && (
        <div className="lf-h5-block">
          <Button
            block
            color="primary"
            fill="outline"
            size="large"
            onClick={() => navigate('/h5/projects/evaluations')}
          >
            {t('h5.home.toJudge')}
          </Button>
        </div>
      )}
      {isStaff(me) && (
        <div className="lf-h5-block">
          <Button block color="primary" fill="outline" size="large" onClick={() => navigate('/console')}>
            {t('h5.home.toConsole')}
          </Button>
        </div>
      )}
    </div>
  );
}
