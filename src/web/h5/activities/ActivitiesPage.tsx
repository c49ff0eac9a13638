/** 志愿活动: coming occurrences of published activities, by words, category, time or distance. */
import { Button, CapsuleTabs, SearchBar, Selector } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSessionSearch } from '../../activities/data.js';
import { currentLanguage } from '../../i18n/index.js';
import { useCategories } from '../../orders/data.js';
import { currentPosition } from '../../orders/format.js';
import { SubPage } from '../people/states.js';
import { SessionList } from './SessionCard.js';
import './activities.css';

export function ActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categories = useCategories();
  const [category, setCategory] = useState('all');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<'time' | 'distance'>('time');
  const [point, setPoint] = useState<{ lng: number; lat: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [noLocation, setNoLocation] = useState(false);
  const search = useSessionSearch({
    category: category === 'all' ? undefined : category,
    q: q || undefined,
    ...(sort === 'distance' && point ? { sort: 'distance', lng: point.lng, lat: point.lat } : {}),
  });

  const chooseSort = async (value: 'time' | 'distance') => {
    setNoLocation(false);
    if (value === 'time') return setSort('time');
    setLocating(true);
    const at = point ?? (await currentPosition());
    setLocating(false);
    if (!at) {
      setNoLocation(true);
      return setSort('time');
    }
    setPoint(at);
    setSort('distance');
  };

  return (
    <SubPage title={t('activities.title')} back="/h5">
      <div className="lf-h5-block">
        <SearchBar
          placeholder={t('activities.search.placeholder')}
          aria-label={t('activities.search.placeholder')}
          onSearch={(v) => setQ(v.trim())}
          onClear={() => setQ('')}
        />
      </div>
      <div className="lf-h5-block">
        <Selector
          value={[sort]}
          onChange={(v) => v[0] && void chooseSort(v[0] as 'time' | 'distance')}
          options={[
            { label: t('activities.search.soonest'), value: 'time' },
            { label: locating ? t('activities.search.locating') : t('activities.search.near'), value: 'distance' },
          ]}
        />
        {noLocation && (
          <p className="lf-h5-hint" role="alert">
            {t('activities.search.noLocation')}
          </p>
        )}
      </div>
      <CapsuleTabs activeKey={category} onChange={setCategory}>
        <CapsuleTabs.Tab key="all" title={t('activities.search.allCategories')} />
        {(categories.data?.items ?? []).map((c) => (
          <CapsuleTabs.Tab key={c.code} title={currentLanguage() === 'en' ? c.nameEn : c.name} />
        ))}
      </CapsuleTabs>
      <SessionList query={search} empty={t('activities.search.empty')} />
      <div className="lf-h5-block">
        <Button block fill="outline" color="primary" onClick={() => navigate('/h5/my-activities')}>
          {t('activities.mine')}
        </Button>
      </div>
    </SubPage>
  );
}
