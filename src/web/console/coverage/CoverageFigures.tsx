/** 覆盖分析's figures, legend and tables: what the coverage report says for the caller's scope. */
import { Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { batchColour, type CoverageReport, percent, type SitingProposal } from './data.js';
import './strings.js';

export const people = (n: number) => n.toLocaleString('zh-CN');

export function Figures({ report }: { report: CoverageReport }) {
  const { t } = useTranslation();
  const s = report.settings;
  const tag = report.synthetic ? <Tag color="orange">{t('coverage.synthetic')}</Tag> : null;
  return (
    <Row gutter={[16, 16]} className="lf-coverage-figures">
      <Col xs={12} lg={6}>
        <Card>
          <Statistic
            title={
              <span>
                {t('coverage.figures.covered')} {tag}
              </span>
            }
            value={people(report.covered)}
            className="lf-coverage-covered-people"
          />
          <Typography.Text type="secondary">
            {t('coverage.figures.population', { total: people(report.population) })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic title={t('coverage.figures.share')} value={percent(report.share)} className="lf-coverage-share" />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic
            title={t('coverage.figures.reach')}
            value={t('coverage.figures.reachValue', { metres: Math.round(s.reachM) })}
            className="lf-coverage-reach"
          />
          <Typography.Text type="secondary">
            {t('coverage.figures.reachHint', { speed: s.speedMPerMin, minutes: s.minutes, detour: s.detourFactor })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic title={t('coverage.figures.uncovered')} value={report.uncoveredCount} />
        </Card>
      </Col>
    </Row>
  );
}

export function Legend({
  report,
  batchName,
  proposal,
}: {
  report: CoverageReport;
  batchName: (b: number | null) => string;
  proposal: SitingProposal | null;
}) {
  const { t } = useTranslation();
  const batches = [...new Set(report.sites.map((s) => s.batch))].sort((a, b) =>
    a === null ? -1 : b === null ? 1 : a - b,
  );
  return (
    <Space size="middle" wrap className="lf-coverage-legend">
      <span>
        <i className="lf-swatch lf-swatch-covered" /> {t('coverage.map.covered')}
      </span>
      <span>
        <i className="lf-swatch lf-swatch-uncovered" /> {t('coverage.map.uncovered')}
      </span>
      {batches.map((b) => (
        <span key={b ?? 'other'}>
          <i className="lf-dot" style={{ background: batchColour(b) }} /> {batchName(b)}
        </span>
      ))}
      {report.reach.method === 'straight' && (
        <span>
          <i className="lf-ring" /> {t('coverage.map.reach')} {Math.round(report.settings.reachM)} m
        </span>
      )}
      {proposal && (
        <span>
          <i className="lf-dot lf-dot-pick" /> {t('coverage.map.proposed')}
        </span>
      )}
    </Space>
  );
}

export function BatchTable({ report, batchName }: { report: CoverageReport; batchName: (b: number | null) => string }) {
  const { t } = useTranslation();
  return (
    <Card title={t('coverage.batch.title')} className="lf-coverage-batches">
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => String(r.batch)}
        dataSource={report.byBatch}
        scroll={{ x: true }}
        columns={[
          {
            title: '',
            key: 'batch',
            render: (_, r) => (
              <Space size={4}>
                <i className="lf-dot" style={{ background: batchColour(r.batch) }} />
                {batchName(r.batch)}
                {r.planned && <Tag>{t('coverage.batch.planned')}</Tag>}
              </Space>
            ),
          },
          { title: t('coverage.batch.posts'), dataIndex: 'posts', align: 'right' },
          {
            title: t('coverage.batch.covered'),
            dataIndex: 'covered',
            align: 'right',
            render: (v: number) => people(v),
          },
          { title: t('coverage.batch.share'), dataIndex: 'share', align: 'right', render: (v: number) => percent(v) },
        ]}
      />
    </Card>
  );
}

export function CommunityTable({ report }: { report: CoverageReport }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('coverage.communities.title')}
      extra={report.synthetic ? <Tag color="orange">{t('coverage.synthetic')}</Tag> : null}
      className="lf-coverage-communities"
    >
      <Table
        size="small"
        rowKey="regionCode"
        dataSource={report.communities}
        pagination={report.communities.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        scroll={{ x: true }}
        columns={[
          { title: t('coverage.community'), dataIndex: 'name' },
          {
            title: t('coverage.communities.population'),
            dataIndex: 'population',
            align: 'right',
            render: (v: number) => people(v),
            sorter: (a, b) => a.population - b.population,
          },
          {
            title: t('coverage.communities.covered'),
            dataIndex: 'covered',
            align: 'right',
            render: (v: number) => people(v),
          },
          {
            title: t('coverage.communities.share'),
            dataIndex: 'share',
            align: 'right',
            render: (v: number) => percent(v),
            sorter: (a, b) => a.share - b.share,
          },
        ]}
      />
    </Card>
  );
}

export function CellTable({ report }: { report: CoverageReport }) {
  const { t } = useTranslation();
  const names = new Map(report.communities.map((c) => [c.regionCode, c.name]));
  return (
    <Card
      title={t('coverage.cells.title')}
      extra={
        <Typography.Text type="secondary">
          {t('coverage.cells.shown', { count: report.uncoveredCount, shown: report.uncoveredCells.length })}
        </Typography.Text>
      }
      className="lf-coverage-cells"
    >
      <Table
        size="small"
        rowKey="cell"
        dataSource={report.uncoveredCells}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        scroll={{ x: true }}
        columns={[
          { title: t('coverage.cells.cell'), dataIndex: 'cell', render: (v: string) => <code>{v}</code> },
          { title: t('coverage.community'), dataIndex: 'regionCode', render: (v: string) => names.get(v) ?? v },
          {
            title: (
              <span>
                {t('coverage.cells.people')} {report.synthetic && <Tag color="orange">{t('coverage.synthetic')}</Tag>}
              </span>
            ),
            dataIndex: 'population',
            align: 'right',
          },
          {
            title: t('coverage.cells.place'),
            key: 'place',
            render: (_, c) => `${c.lat.toFixed(5)}, ${c.lng.toFixed(5)}`,
          },
        ]}
      />
    </Card>
  );
}
