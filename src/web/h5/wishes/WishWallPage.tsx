/** 微心愿墙: reviewed wishes, newest first, by state and community; links to my wishes, my claims, making a wish. */
import { Button, CapsuleTabs } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CommunityPicker } from '../CommunityPicker.js';
import { useCommunities } from '../orders/communities.js';
import { SubPage } from '../people/states.js';
import { useWall, type WallState, wallStates } from './data.js';
import { WishList } from './WishList.js';
import './wishes.css';

export function WishWallPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<WallState>('approved');
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const communities = useCommunities();
  const wall = useWall({ state, ...(regionCode ? { regionCode } : {}) });
  return (
    <SubPage title={t('wishes.wallTitle')} back="/h5">
      <p className="lf-wish-intro">{t('wishes.wallIntro')}</p>
      <div className="lf-wish-links">
        <Button color="primary" onClick={() => navigate('/h5/wishes/new')}>
          {t('wishes.mine.place')}
        </Button>
        <Button onClick={() => navigate('/h5/wishes/mine')}>{t('wishes.mine.title')}</Button>
        <Button onClick={() => navigate('/h5/wishes/claims')}>{t('wishes.claims.title')}</Button>
      </div>
      <div className="lf-wish-filter">
        <CommunityPicker communities={communities.list} value={regionCode} onChange={setRegionCode} />
        {regionCode && (
          <Button size="small" fill="none" onClick={() => setRegionCode(undefined)}>
            {t('wishes.clearCommunity')}
          </Button>
        )}
      </div>
      <CapsuleTabs activeKey={state} onChange={(k) => setState(k as WallState)}>
        {wallStates.map((s) => (
          <CapsuleTabs.Tab key={s} title={t(`wishes.states.${s}`)} />
        ))}
      </CapsuleTabs>
      <WishList query={wall} empty={t('wishes.empty')} onOpen={(w) => navigate(`/h5/wishes/${w.id}`)} />
    </SubPage>
  );
}
