/**
 * 覆盖分析: how far the 15-minute volunteer-service circle reaches — covered people and share for
 * the caller's scope and per community, the coverage after each rollout batch, the uncovered cells
 * on a map with the sites by batch and their walking reach; the xlsx export; the reach settings
 * (centre admins change them) and siting proposals kept as a planned batch. The demo's population
 * is synthetic, and says so wherever it shows.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { lazyNamed } from '../../app/lazy.js';
import { useMapConfig, usePublicRegions } from '../../sites/data.js';
import '../../sites/sites.css';
import { PageError, PageLoading, usePageTitle } from '../PageState.js';
import './coverage.css';
import {
  type CandidateSource,
  type CoverageReport,
  exportUrl,
  percent,
  type SitingProposal,
  useCoverageReport,
  useImportCandidates,
  useProposeSites,
  useSaveProposal,
} from './data.js';
import { RoadsCard } from './RoadsCard.js';
import { SettingsCard } from './SettingsCard.js';
import './strings.js';

import { BatchTable, CellTable, CommunityTable, Figures, Legend, people } from './CoverageFigures.js';

const CoverageMap = lazyNamed(() => import('./CoverageMap.js'), 'CoverageMap');

export function CoveragePage() {
  const { t } = useTranslation();
  usePageTitle(t('coverage.title'));
  const [community, setCommunity] = useState<string | undefined>();
  const scope = useCoverageReport();
  const report = useCoverageReport(community);
  const config = useMapConfig();
  const regions = usePublicRegions();
  const [proposal, setProposal] = useState<SitingProposal | null>(null);
  // A proposal belongs to the report it was made for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: clear on a change of community or settings
  useEffect(() => setProposal(null), [community, report.data?.settings.reachM]);

  const batchName = (batch: number | null) =>
    batch === null
      ? t('coverage.batch.other')
      : batch === 1
        ? t('coverage.batch.pilot')
        : t('coverage.batch.numbered', { n: batch });

  const data = report.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} className="lf-coverage">
      <div className="lf-coverage-head">
        <div>
          <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
            {t('coverage.title')}
            {data?.synthetic && (
              <Tag
                color="orange"
                className="lf-synthetic-tag"
                style={{ marginInlineStart: 12, verticalAlign: 'middle' }}
              >
                {t('coverage.synthetic')}
              </Tag>
            )}
          </Typography.Title>
          <Typography.Text type="secondary">{t('coverage.intro')}</Typography.Text>
        </div>
        <Space wrap>
          {(scope.data?.communities.length ?? 0) > 1 && (
            <Select
              aria-label={t('coverage.community')}
              className="lf-coverage-community"
              style={{ minWidth: 200 }}
              value={community ?? ''}
              onChange={(v) => setCommunity(v || undefined)}
              showSearch={{ optionFilterProp: 'label' }}
              options={[
                { value: '', label: t('coverage.allCommunities') },
                ...(scope.data?.communities ?? []).map((c) => ({ value: c.regionCode, label: c.name })),
              ]}
            />
          )}
          <Button icon={<DownloadOutlined />} href={exportUrl(community)} download>
            {t('coverage.export')}
          </Button>
        </Space>
      </div>
      {report.isPending && <PageLoading />}
      {report.isError && <PageError error={report.error} onRetry={() => void report.refetch()} />}
      {data && (
        <>
          {data.synthetic && <Alert type="warning" showIcon title={t('coverage.syntheticNote')} />}
          <Figures report={data} />
          <Card>
            {config.data ? (
              <Suspense fallback={<div className="lf-site-map lf-site-map-plain lf-coverage-map" aria-busy="true" />}>
                <CoverageMap
                  report={data}
                  config={config.data}
                  regions={regions.data?.items}
                  proposal={proposal}
                  batchName={batchName}
                />
              </Suspense>
            ) : (
              <div className="lf-site-map lf-site-map-plain lf-coverage-map" aria-busy="true" />
            )}
            <Legend report={data} batchName={batchName} proposal={proposal} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <BatchTable report={data} batchName={batchName} />
            </Col>
            <Col xs={24} xl={12}>
              <CommunityTable report={data} />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <SitingCard report={data} regionCode={community} proposal={proposal} onProposal={setProposal} />
            </Col>
            <Col xs={24} xl={12}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <SettingsCard />
                <RoadsCard report={data} regionCode={community} />
              </Space>
            </Col>
          </Row>
          <CellTable report={data} />
        </>
      )}
    </Space>
  );
}

function SitingCard({
  report,
  regionCode,
  proposal,
  onProposal,
}: {
  report: CoverageReport;
  regionCode?: string;
  proposal: SitingProposal | null;
  onProposal: (p: SitingProposal | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const propose = useProposeSites();
  const save = useSaveProposal();
  const importCandidates = useImportCandidates();
  const [n, setN] = useState(5);
  const [source, setSource] = useState<CandidateSource>('cells');
  const [name, setName] = useState(t('coverage.siting.nameDefault'));
  const body = { n, candidates: source, ...(regionCode ? { regionCode } : {}) };
  const upload = async (file: File) => {
    const content = await file.text();
    const format = /\.csv$/i.test(file.name) ? ('csv' as const) : ('geojson' as const);
    importCandidates.mutate(
      { body: { format, content, ...(regionCode ? { regionCode } : {}) } },
      {
        onSuccess: (r) => {
          if (r.stored) {
            void message.success(t('coverage.siting.imported', { count: r.validFeatures }));
            setSource('both');
          }
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );
  };
  const problems = importCandidates.data && !importCandidates.data.stored ? importCandidates.data : null;
  return (
    <Card title={t('coverage.siting.title')} className="lf-coverage-siting">
      <Typography.Paragraph type="secondary">{t('coverage.siting.intro')}</Typography.Paragraph>
      <Space wrap>
        <span>{t('coverage.siting.n')}</span>
        <InputNumber
          aria-label={t('coverage.siting.n')}
          min={1}
          max={50}
          precision={0}
          value={n}
          onChange={(v) => setN(v ?? 1)}
        />
        <span>{t('coverage.siting.source')}</span>
        <Select<CandidateSource>
          aria-label={t('coverage.siting.source')}
          value={source}
          onChange={setSource}
          style={{ width: 200 }}
          options={(['cells', 'imported', 'both'] as const).map((v) => ({
            value: v,
            label: t(`coverage.siting.sources.${v}`),
          }))}
        />
        <Button
          type="primary"
          loading={propose.isPending}
          disabled={report.uncoveredCount === 0}
          onClick={() =>
            propose.mutate({ body }, { onSuccess: onProposal, onError: (err) => void message.error(errorText(err)) })
          }
        >
          {t('coverage.siting.propose')}
        </Button>
        <Upload
          accept=".csv,.geojson,.json"
          showUploadList={false}
          beforeUpload={(f) => {
            void upload(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={importCandidates.isPending}>
            {t('coverage.siting.import')}
          </Button>
        </Upload>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('coverage.siting.importHint')}
      </Typography.Paragraph>
      {problems && (
        <Alert
          type="error"
          style={{ marginTop: 8 }}
          className="lf-coverage-candidate-problems"
          title={t('coverage.siting.importProblems', { count: problems.problemCount })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.problems.slice(0, 10).map((p) => (
                <li key={`${p.feature}-${p.field}`}>
                  {t('coverage.siting.problem', {
                    feature: p.feature,
                    field: p.field,
                    message: i18n.language.startsWith('en') ? p.messageEn : p.message,
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {proposal && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="success"
            className="lf-coverage-proposal"
            title={t('coverage.siting.result', {
              before: percent(proposal.before.share),
              after: percent(proposal.after.share),
              gain: people(proposal.after.covered - proposal.before.covered),
            })}
          />
          <Table
            size="small"
            style={{ marginTop: 8 }}
            rowKey="cell"
            pagination={false}
            dataSource={proposal.picks.map((p, i) => ({ ...p, rank: i + 1 }))}
            columns={[
              { title: t('coverage.siting.rank'), dataIndex: 'rank' },
              {
                title: t('coverage.cells.place'),
                key: 'place',
                render: (_, p) => `${p.name ? `${p.name} · ` : ''}${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}`,
              },
              {
                title: t('coverage.siting.gain'),
                dataIndex: 'gain',
                align: 'right',
                render: (v: number) => `+${people(v)}`,
              },
            ]}
          />
          <Space wrap style={{ marginTop: 12 }}>
            <Input
              aria-label={t('coverage.siting.name')}
              value={name}
              maxLength={textLimits.coverageProposalName}
              onChange={(e) => setName(e.target.value)}
              style={{ width: 240 }}
            />
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { body: { ...body, name } },
                  {
                    onSuccess: (saved) => {
                      void message.success(t('coverage.siting.saved', { batch: saved.batch }));
                      onProposal(null);
                    },
                    onError: (err) => void message.error(errorText(err)),
                  },
                )
              }
            >
              {t('coverage.siting.save')}
            </Button>
          </Space>
        </div>
      )}
    </Card>
  );
}
