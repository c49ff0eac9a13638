import { Alert, App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapConfig, usePublicRegions, useSiteMapPoints } from '../../sites/data.js';
import { LazySiteMap as SiteMap } from '../../sites/LazySiteMap.js';
import type { LngLat } from '../../sites/map-geometry.js';
import { PageError, PageLoading } from '../PageState.js';
import { type StaffSite, useCorrectLocation } from './data.js';
import { showFieldErrors } from './SiteInfoTab.js';

/**
 * Correct a site's location: drag the pin or type the coordinates (WGS-84, as GPS and OpenStreetMap
 * give them). On GCJ-02 tiles the pin's position is converted back to WGS-84 before saving.
 */
export function LocationTab({ site }: { site: StaffSite }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const config = useMapConfig();
  const neighbours = useSiteMapPoints();
  const regions = usePublicRegions();
  const correct = useCorrectLocation(site.id);
  const start =
    site.lng !== null && site.lat !== null ? { lng: site.lng, lat: site.lat } : (config.data?.centre ?? null);
  const [form] = Form.useForm<LngLat>();
  const [pin, setPin] = useState<LngLat | null>(start);
  const position = pin ?? start;

  if (config.isPending) return <PageLoading />;
  if (config.isError) return <PageError error={config.error} onRetry={() => config.refetch()} />;
  const b = config.data.bounds;

  const moved = (p: LngLat) => {
    setPin(p);
    form.setFieldsValue(p);
  };
  const save = (v: LngLat) =>
    correct.mutate(
      { params: { path: { id: site.id } }, body: v },
      {
        onSuccess: () => void message.success(t('siteConsole.locationSaved')),
        onError: (e) => showFieldErrors(e, form, (text) => void message.error(text)),
      },
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {site.locationApproximate ? (
        <Alert type="warning" showIcon title={t('siteConsole.approximateNotice')} />
      ) : (
        <Alert type="success" showIcon title={t('siteConsole.correctedNotice')} />
      )}
      <Card title={t('siteConsole.correctLocation')}>
        <Typography.Paragraph type="secondary">{t('siteConsole.locationHelp')}</Typography.Paragraph>
        <Form<LngLat>
          form={form}
          layout="inline"
          initialValues={position ?? undefined}
          onFinish={save}
          onValuesChange={(_, all) => {
            if (typeof all.lng === 'number' && typeof all.lat === 'number') setPin({ lng: all.lng, lat: all.lat });
          }}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item
            name="lng"
            label={t('siteConsole.lng')}
            rules={[{ required: true, type: 'number', min: b?.minLng ?? -180, max: b?.maxLng ?? 180 }]}
          >
            <InputNumber step={0.0001} precision={6} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="lat"
            label={t('siteConsole.lat')}
            rules={[{ required: true, type: 'number', min: b?.minLat ?? -90, max: b?.maxLat ?? 90 }]}
          >
            <InputNumber step={0.0001} precision={6} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={correct.isPending}>
            {t('siteConsole.saveLocation')}
          </Button>
        </Form>
        {position && (
          <SiteMap
            points={(neighbours.data?.items ?? []).filter((p) => p.id !== site.id)}
            regions={regions.data?.items}
            config={config.data}
            pin={{ position, onMove: moved, label: t('siteConsole.dragPin') }}
            singleZoom={16}
            ariaLabel={t('siteConsole.correctLocation')}
          />
        )}
      </Card>
    </Space>
  );
}
