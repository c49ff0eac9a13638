/** 我的心愿 (resident) and 我的认领 (giver): the caller's wishes, newest first. */
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SubPage } from '../people/states.js';
import { useMyClaims, useMyWishes } from './data.js';
import { WishList } from './WishList.js';
import './wishes.css';

export function MyWishesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const wishes = useMyWishes();
  const place = (
    <Button color="primary" onClick={() => navigate('/h5/wishes/new')}>
      {t('wishes.mine.place')}
    </Button>
  );
  return (
    <SubPage title={t('wishes.mine.title')} back="/h5/wishes">
      <WishList
        query={wishes}
        empty={t('wishes.mine.empty')}
        emptyAction={place}
        onOpen={(w) => navigate(`/h5/wishes/${w.id}`)}
      />
      <div className="lf-h5-block">{place}</div>
    </SubPage>
  );
}

export function MyClaimsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const claims = useMyClaims();
  return (
    <SubPage title={t('wishes.claims.title')} back="/h5/wishes">
      <WishList
        query={claims}
        empty={t('wishes.claims.empty')}
        emptyAction={
          <Button color="primary" onClick={() => navigate('/h5/wishes')}>
            {t('wishes.claims.toWall')}
          </Button>
        }
        onOpen={(w) => navigate(`/h5/wishes/${w.id}`)}
      />
    </SubPage>
  );
}
