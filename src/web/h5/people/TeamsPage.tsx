import { Button, CapsuleTabs, List, SearchBar, Tag } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type OrganisationKind, useMyOrganisations, useOrganisations } from '../../people/data.js';
import { H5Error, H5Loading, useH5Title } from './states.js';

const kindTabs: (OrganisationKind | 'all')[] = [
  'all',
  'team',
  'social_org',
  'caring_merchant',
  'bank_outlet',
  'school',
];

/** 队伍: my teams first, then the directory of teams and organisations with search and kinds. */
export function TeamsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useH5Title(t('people.teams.title'));
  const [kind, setKind] = useState<OrganisationKind | 'all'>('all');
  const [q, setQ] = useState('');
  const mine = useMyOrganisations();
  const list = useOrganisations({ kind: kind === 'all' ? undefined : kind, q });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  return (
    <div className="lf-h5-page">
      <h1 className="lf-h5-heading">{t('people.teams.title')}</h1>
      {mine.data && mine.data.items.length > 0 && (
        <List header={t('people.teams.mine')} mode="card">
          {mine.data.items.map((o) => (
            <List.Item
              key={o.id}
              onClick={() => navigate(`/h5/teams/${o.id}`)}
              extra={o.role ? <Tag color="primary">{t(`people.memberRoles.${o.role}`)}</Tag> : null}
            >
              {o.name}
            </List.Item>
          ))}
        </List>
      )}
      <div className="lf-h5-block">
        <SearchBar
          placeholder={t('people.teams.search')}
          aria-label={t('people.teams.search')}
          onSearch={(v) => setQ(v.trim())}
          onClear={() => setQ('')}
        />
      </div>
      <CapsuleTabs activeKey={kind} onChange={(k) => setKind(k as OrganisationKind | 'all')}>
        {kindTabs.map((k) => (
          <CapsuleTabs.Tab key={k} title={k === 'all' ? t('people.teams.allKinds') : t(`people.orgKinds.${k}`)} />
        ))}
      </CapsuleTabs>
      {list.isPending && <H5Loading />}
      {list.isError && <H5Error error={list.error} onRetry={() => list.refetch()} />}
      {list.isSuccess && (
        <List mode="card" className="lf-h5-teams">
          {rows.length === 0 && <List.Item>{t('people.teams.empty')}</List.Item>}
          {rows.map((o) => (
            <List.Item
              key={o.id}
              onClick={() => navigate(`/h5/teams/${o.id}`)}
              description={`${o.region.name} · ${t('people.teams.members', { count: o.memberCount })}`}
              extra={<Tag fill="outline">{t(`people.joinModes.${o.joinMode}`)}</Tag>}
            >
              <span className="lf-h5-team-name">{o.name}</span>{' '}
              <Tag color="primary" fill="outline">
                {t(`people.orgKinds.${o.kind}`)}
              </Tag>
            </List.Item>
          ))}
        </List>
      )}
      {list.hasNextPage && (
        <div className="lf-h5-block">
          <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('people.teams.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
