/** The library: search by name, filter by level, category, subdistrict, brand, year and status; more on demand. */
import { Button, Dropdown, SearchBar, Selector, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCommunities } from '../h5/orders/communities.js';
import { H5Error, H5Loading } from '../h5/people/states.js';
import { categories, type LibraryFilter, levels, useBrands, useLibrary } from '../projects/data.js';
import { LibraryFrame } from './LibraryApp.js';
import { PublishedRounds } from './PublishedRounds.js';

const keys = ['level', 'category', 'regionCode', 'brandId', 'year', 'state', 'q'] as const;
const thisYear = new Date().getFullYear();
const years = [thisYear, thisYear - 1, thisYear - 2];

export function LibraryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))) as Record<
    (typeof keys)[number],
    string | undefined
  >;
  const query: Omit<LibraryFilter, 'cursor'> = {
    ...filter,
    year: filter.year ? Number(filter.year) : undefined,
    limit: 20,
  } as Omit<LibraryFilter, 'cursor'>;
  const library = useLibrary(query);
  const brands = useBrands();
  const { query: regions } = useCommunities();
  const subdistricts = (regions.data?.items ?? []).filter((r) => r.level === 'subdistrict');
  const set = (key: (typeof keys)[number], value?: string | number) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };
  const choice = (key: (typeof keys)[number], options: { value: string; label: string }[]) => (
    <Selector columns={3} value={filter[key] ? [filter[key]] : []} onChange={(v) => set(key, v[0])} options={options} />
  );
  const rows = library.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <LibraryFrame title={t('projects.library.title')}>
      <p className="lf-library-intro">{t('projects.library.intro')}</p>
      <PublishedRounds />
      <SearchBar
        placeholder={t('projects.library.search')}
        defaultValue={filter.q}
        onSearch={(v) => set('q', v.trim())}
        onClear={() => set('q')}
        aria-label={t('projects.library.search')}
      />
      <Dropdown>
        <Dropdown.Item
          key="level"
          title={filter.level ? t(`projects.levels.${filter.level as 'district'}`) : t('projects.fields.level')}
        >
          <div className="lf-library-filter">
            {choice(
              'level',
              levels.map((l) => ({ value: l, label: t(`projects.levels.${l}`) })),
            )}
          </div>
        </Dropdown.Item>
        <Dropdown.Item
          key="category"
          title={
            filter.category ? t(`projects.categories.${filter.category as 'other'}`) : t('projects.fields.category')
          }
        >
          <div className="lf-library-filter">
            {choice(
              'category',
              categories.map((c) => ({ value: c, label: t(`projects.categories.${c}`) })),
            )}
          </div>
        </Dropdown.Item>
        <Dropdown.Item
          key="region"
          title={subdistricts.find((r) => r.code === filter.regionCode)?.name ?? t('projects.fields.region')}
        >
          <div className="lf-library-filter">
            {choice(
              'regionCode',
              subdistricts.map((r) => ({ value: r.code, label: r.name })),
            )}
          </div>
        </Dropdown.Item>
        <Dropdown.Item key="more" title={t('projects.library.filters')}>
          <div className="lf-library-filter">
            <h3>{t('projects.fields.brand')}</h3>
            {choice(
              'brandId',
              (brands.data?.items ?? []).map((b) => ({ value: b.id, label: b.name })),
            )}
            <h3>{t('projects.fields.year')}</h3>
            {choice(
              'year',
              years.map((y) => ({ value: String(y), label: String(y) })),
            )}
            <h3>{t('projects.fields.state')}</h3>
            {choice(
              'state',
              (['approved', 'concluded'] as const).map((s) => ({ value: s, label: t(`projects.states.${s}`) })),
            )}
            <Button block fill="outline" onClick={() => setParams({}, { replace: true })}>
              {t('projects.library.reset')}
            </Button>
          </div>
        </Dropdown.Item>
      </Dropdown>
      {library.isPending && <H5Loading />}
      {library.isError && <H5Error error={library.error} onRetry={() => library.refetch()} />}
      {library.data && rows.length === 0 && <p className="lf-library-empty">{t('projects.library.empty')}</p>}
      <ul className="lf-library-list" data-testid="library-list">
        {rows.map((p) => (
          <li key={p.id}>
            <Link to={`/library/projects/${p.id}`}>
              <strong>{p.name}</strong>
              <span className="lf-library-org">
                {p.organisation.name} · {p.regionName}
              </span>
              <span className="lf-library-tags">
                <Tag color="primary" fill="outline">
                  {t(`projects.levels.${p.level}`)}
                </Tag>
                <Tag fill="outline">{t(`projects.categories.${p.category}`)}</Tag>
                {p.brand && <Tag color="warning">{p.brand.name}</Tag>}
                <Tag color={p.state === 'concluded' ? 'default' : 'success'}>{t(`projects.states.${p.state}`)}</Tag>
                <span>{p.year}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {library.hasNextPage && (
        <div className="lf-h5-block">
          <Button block onClick={() => void library.fetchNextPage()} loading={library.isFetchingNextPage}>
            {t('projects.library.loadMore')}
          </Button>
        </div>
      )}
      {brands.data && brands.data.items.length > 0 && (
        <section className="lf-library-brands">
          <h2>{t('projects.library.brands')}</h2>
          <div>
            {brands.data.items.map((b) => (
              <Link key={b.id} to={`/library/brands/${b.id}`}>
                {b.name}
              </Link>
            ))}
          </div>
        </section>
      )}
    </LibraryFrame>
  );
}
