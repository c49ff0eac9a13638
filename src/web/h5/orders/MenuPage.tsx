/** 服务菜单: browse by category, by words, and near me (the browser's position or a chosen community). */
import { Button, CapsuleTabs, Empty, List, SearchBar, Tag } from 'antd-mobile';
import { EnvironmentOutline } from 'antd-mobile-icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { currentLanguage } from '../../i18n/index.js';
import { type MenuFilter, type MenuItem, useCategories, useMenu } from '../../orders/data.js';
import { currentPosition } from '../../orders/format.js';
import { CommunityPicker } from '../CommunityPicker.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { rememberCommunity, storedCommunity, useCommunities } from './communities.js';
import './orders.css';

type Near = { kind: 'none' } | { kind: 'point'; lng: number; lat: number } | { kind: 'community'; code: string };

export function MenuPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categories = useCategories();
  const communities = useCommunities();
  const [category, setCategory] = useState('all');
  const [q, setQ] = useState('');
  const [near, setNear] = useState<Near>(() => {
    const code = storedCommunity();
    return code ? { kind: 'community', code } : { kind: 'none' };
  });
  const [locating, setLocating] = useState(false);
  const [locateFailed, setLocateFailed] = useState(false);
  const filter: MenuFilter = {
    category: category === 'all' ? undefined : category,
    q: q || undefined,
    ...(near.kind === 'point' ? { lng: near.lng, lat: near.lat } : {}),
    ...(near.kind === 'community' ? { regionCode: near.code } : {}),
  };
  const menu = useMenu(filter);
  const rows = useMemo(() => menu.data?.pages.flatMap((p) => p.items) ?? [], [menu.data]);
  const nearCode = menu.data?.pages[0]?.regionCode ?? null;
  const nearName = communities.list.find((c) => c.code === nearCode)?.name;

  const locate = async () => {
    setLocating(true);
    setLocateFailed(false);
    const at = await currentPosition();
    setLocating(false);
    if (at) setNear({ kind: 'point', ...at });
    else setLocateFailed(true);
  };

  return (
    <SubPage title={t('orders.menu.title')} back="/h5">
      <p className="lf-h5-hint">{t('orders.menu.intro')}</p>
      <div className="lf-h5-block">
        <SearchBar
          placeholder={t('orders.menu.search')}
          aria-label={t('orders.menu.search')}
          onSearch={(v) => setQ(v.trim())}
          onClear={() => setQ('')}
        />
      </div>
      <div className="lf-order-near">
        <Button size="small" fill="outline" color="primary" loading={locating} onClick={() => void locate()}>
          <EnvironmentOutline /> {t('orders.menu.nearMe')}
        </Button>
        <div className="lf-order-near-picker">
          <CommunityPicker
            communities={communities.list}
            value={near.kind === 'community' ? near.code : undefined}
            onChange={(code) => {
              rememberCommunity(code);
              setNear({ kind: 'community', code });
            }}
          />
        </div>
        {near.kind !== 'none' && (
          <Button size="small" fill="none" onClick={() => setNear({ kind: 'none' })}>
            {t('orders.menu.clearNear')}
          </Button>
        )}
      </div>
      {nearName && <p className="lf-h5-hint">{t('orders.menu.nearCommunity', { name: nearName })}</p>}
      {locateFailed && (
        <p className="lf-h5-hint" role="alert">
          {t('orders.menu.locateFailed')}
        </p>
      )}
      <CapsuleTabs activeKey={category} onChange={setCategory}>
        <CapsuleTabs.Tab key="all" title={t('orders.menu.all')} />
        {(categories.data?.items ?? []).map((c) => (
          <CapsuleTabs.Tab key={c.code} title={currentLanguage() === 'en' ? c.nameEn : c.name} />
        ))}
      </CapsuleTabs>
      {menu.isPending && <H5Loading />}
      {menu.isError && <H5Error error={menu.error} onRetry={() => menu.refetch()} />}
      {menu.isSuccess && rows.length === 0 && (
        <Empty description={`${t('orders.menu.empty')}。${t('orders.menu.emptyHint')}`} />
      )}
      {rows.length > 0 && (
        <List mode="card" className="lf-order-menu">
          {rows.map((item) => (
            <MenuRow key={item.id} item={item} onOpen={() => navigate(`/h5/menu/${item.id}`)} />
          ))}
        </List>
      )}
      {menu.hasNextPage && (
        <div className="lf-h5-block">
          <Button block onClick={() => void menu.fetchNextPage()} loading={menu.isFetchingNextPage}>
            {t('orders.menu.loadMore')}
          </Button>
        </div>
      )}
      <div className="lf-h5-block">
        <Button block fill="outline" onClick={() => navigate('/h5/orders/new')}>
          {t('orders.menu.freeRequest')}
        </Button>
        <Button block fill="none" className="lf-order-link" onClick={() => navigate('/h5/orders')}>
          {t('orders.menu.myOrders')}
        </Button>
      </div>
    </SubPage>
  );
}

function MenuRow({ item, onOpen }: { item: MenuItem; onOpen: () => void }) {
  const { t } = useTranslation();
  const provider = item.organisationName ?? item.projectName;
  return (
    <List.Item
      onClick={onOpen}
      description={
        <>
          <div className="lf-order-clamp">{item.description}</div>
          <div className="lf-h5-muted">
            {provider ? `${provider} · ` : ''}
            {t('orders.fields.duration', { minutes: item.durationMinutes })}
          </div>
        </>
      }
    >
      <span className="lf-order-item-title">{item.title}</span>{' '}
      <Tag color="primary" fill="outline">
        {currentLanguage() === 'en' ? item.categoryNameEn : item.categoryName}
      </Tag>
    </List.Item>
  );
}
