/** 我的活动: the occurrences I signed up for, coming and past. */
import { Button, CapsuleTabs } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMySignups } from '../../activities/data.js';
import { SubPage } from '../people/states.js';
import { SessionList } from './SessionCard.js';
import './activities.css';

export function MyActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [view, setView] = useState<'upcoming' | 'past'>('upcoming');
  const mine = useMySignups(view);
  return (
    <SubPage title={t('activities.mine')} back="/h5/activities">
      <div className="lf-h5-block">
        <Button block color="primary" onClick={() => navigate('/h5/checkin')}>
          {t('checkin.title')}
        </Button>
      </div>
      <CapsuleTabs activeKey={view} onChange={(k) => setView(k as 'upcoming' | 'past')}>
        <CapsuleTabs.Tab key="upcoming" title={t('activities.my.upcoming')} />
        <CapsuleTabs.Tab key="past" title={t('activities.my.past')} />
      </CapsuleTabs>
      <SessionList query={mine} empty={t('activities.my.empty')} />
      <div className="lf-h5-block">
        <Button block fill="outline" color="primary" onClick={() => navigate('/h5/activities')}>
          {t('activities.my.toList')}
        </Button>
      </div>
    </SubPage>
  );
}
