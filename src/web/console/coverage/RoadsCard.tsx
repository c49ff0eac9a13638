/** The road network of 覆盖分析: which reach the report uses, a GeoJSON import and a way to clear it. */
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors.js';
import { type CoverageReport, useClearRoads, useImportRoads } from './data.js';
import './strings.js';

export function RoadsCard({ report, regionCode }: { report: CoverageReport; regionCode?: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const importRoads = useImportRoads();
  const clear = useClearRoads();
  const r = report.reach;
  const upload = async (file: File) => {
    const content = await file.text();
    importRoads.mutate(
      { body: { content, ...(regionCode ? { regionCode } : {}) } },
      {
        onSuccess: (res) => {
          if (res.stored) void message.success(t('coverage.roads.imported', { count: res.lines }));
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );
  };
  const problems = importRoads.data && !importRoads.data.stored ? importRoads.data : null;
  return (
    <Card title={t('coverage.roads.title')} className="lf-coverage-roads">
      <Typography.Paragraph className="lf-coverage-reach-method">
        {r.method === 'roads'
          ? t('coverage.roads.methodRoads', { meters: Math.round(r.walkM), lines: r.roadLines, snap: r.snapM })
          : t('coverage.roads.methodStraight', { meters: Math.round(r.walkM) })}
      </Typography.Paragraph>
      <Space wrap>
        <Upload
          accept=".geojson,.json"
          showUploadList={false}
          beforeUpload={(f) => {
            void upload(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={importRoads.isPending}>
            {t('coverage.roads.import')}
          </Button>
        </Upload>
        {r.method === 'roads' && (
          <Popconfirm
            title={t('coverage.roads.clear')}
            onConfirm={() =>
              clear.mutate(
                { params: { query: regionCode ? { regionCode } : {} } },
                {
                  onSuccess: (res) => void message.success(t('coverage.roads.cleared', { count: res.removed })),
                  onError: (err) => void message.error(errorText(err)),
                },
              )
            }
          >
            <Button danger icon={<DeleteOutlined />} loading={clear.isPending}>
              {t('coverage.roads.clear')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('coverage.roads.hint')}
      </Typography.Paragraph>
      {problems && (
        <Alert
          type="error"
          style={{ marginTop: 8 }}
          title={t('coverage.roads.problems', { count: problems.problemCount })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.problems.slice(0, 10).map((p) => (
                <li key={`${p.feature}-${p.field}`}>
                  {t('coverage.roads.problem', {
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
    </Card>
  );
}
