import { ApartmentOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../api/session.js';
import { useRegions } from './data.js';
import { PageError, PageLoading, usePageTitle } from './PageState.js';
import { summariseRegions } from './region-tree.js';

export function OverviewPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('console.overview.title'));
  const regions = useRegions();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {t('console.overview.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('console.overview.intro')}</Typography.Text>
      </div>
      {regions.isPending && <PageLoading />}
      {regions.isError && <PageError error={regions.error} onRetry={() => regions.refetch()} />}
      {regions.data && (
        <Stats regions={regions.data.regions} showSubdistricts={me.scope.some((s) => s.level !== 'community')} />
      )}
      <Card title={t('console.overview.scopeTitle')}>
        <Space wrap>
          {me.scope.map((s) => (
            <Tag key={s.code} color="red" className="lf-scope-tag">
              {s.name} · {t(`levels.${s.level}`)} · {s.code}
            </Tag>
          ))}
        </Space>
        <div style={{ marginTop: 16 }}>
          <Space wrap>
            <Link to="/console/regions">
              <Button icon={<ApartmentOutlined />}>{t('console.overview.viewRegions')}</Button>
            </Link>
            <Link to="/console/sites">
              <Button icon={<EnvironmentOutlined />}>{t('console.overview.viewSites')}</Button>
            </Link>
          </Space>
        </div>
      </Card>
    </Space>
  );
}

function Stats({
  regions,
  showSubdistricts,
}: {
  regions: Parameters<typeof summariseRegions>[0];
  /** A community's keeper has no subdistricts to count. */
  showSubdistricts: boolean;
}) {
  const { t } = useTranslation();
  const summary = summariseRegions(regions);
  const cards = [
    { key: 'subdistricts', label: t('console.overview.subdistricts'), value: summary.subdistricts },
    { key: 'communities', label: t('console.overview.communities'), value: summary.communities },
    { key: 'sites', label: t('console.overview.sites'), value: summary.sites },
  ].filter((c) => c.key !== 'subdistricts' || showSubdistricts);
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col span={24 / cards.length} key={c.key}>
          <Card data-testid={`stat-${c.key}`}>
            <Statistic title={c.label} value={c.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
