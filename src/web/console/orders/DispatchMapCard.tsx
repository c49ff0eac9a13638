/**
 * 派单地图 in the order queue: the visible orders on a map; a selected order shows its candidates
 * (on the map and in a list) with one-click dispatch, or asks for review first. Leaflet loads with
 * the map only.
 */
import { Alert, App, Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors.js';
import { lazyNamed } from '../../app/lazy.js';
import { currentLanguage } from '../../i18n/index.js';
import { type Order, useCandidates, useDispatch } from '../../orders/data.js';
import { useMapConfig } from '../../sites/data.js';
import { consoleStateColour } from './colours.js';
import type { MappedOrder } from './DispatchMap.js';

const DispatchMap = lazyNamed(() => import('./DispatchMap.js'), 'DispatchMap');

const hasPoint = (o: Order): o is MappedOrder => o.lng !== null && o.lat !== null;

export function DispatchMapCard({ orders, onOpen }: { orders: Order[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const config = useMapConfig();
  const mapped = useMemo(() => orders.filter(hasPoint), [orders]);
  const [picked, setPicked] = useState<string | null>(null);
  const selected = mapped.find((o) => o.id === picked) ?? null;
  const candidates = useCandidates(selected?.id ?? '', Boolean(selected));
  const dispatch = useDispatch();
  const en = currentLanguage() === 'en';
  const items = selected ? (candidates.data?.items ?? []) : [];

  return (
    <Card
      className="lf-dispatch-map-card"
      title={t('orders.map.title')}
      extra={<Typography.Text type="secondary">{t('orders.map.intro')}</Typography.Text>}
    >
      {orders.length === 0 ? (
        <Empty description={t('orders.map.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            {config.data ? (
              <Suspense fallback={<div className="lf-site-map lf-site-map-plain lf-dispatch-map" aria-busy="true" />}>
                <DispatchMap
                  orders={mapped}
                  config={config.data}
                  selectedId={selected?.id ?? null}
                  onSelect={setPicked}
                  candidates={items}
                  ariaLabel={t('orders.map.ariaLabel')}
                />
              </Suspense>
            ) : (
              <div className="lf-site-map lf-site-map-plain lf-dispatch-map" aria-busy="true" />
            )}
            <Space size="middle" wrap className="lf-dispatch-legend">
              <span>
                <i className="lf-dot lf-dot-order" /> {t('orders.map.legendOrder')}
              </span>
              <span>
                <i className="lf-dot lf-dot-urgent" /> {t('orders.map.legendUrgent')}
              </span>
              <span>
                <i className="lf-dot lf-dot-candidate" /> {t('orders.map.legendCandidate')}
              </span>
              {mapped.length < orders.length && (
                <Typography.Text type="secondary">
                  {t('orders.map.noPoint')} · {orders.length - mapped.length}
                </Typography.Text>
              )}
            </Space>
          </Col>
          <Col xs={24} lg={9}>
            {!selected ? (
              <List
                size="small"
                className="lf-dispatch-queue"
                header={<Typography.Text strong>{t('orders.map.queue')}</Typography.Text>}
                footer={<Typography.Text type="secondary">{t('orders.map.pick')}</Typography.Text>}
                dataSource={mapped.slice(0, 8)}
                renderItem={(o) => (
                  <List.Item>
                    <Button type="link" size="small" onClick={() => setPicked(o.id)}>
                      {o.title}
                    </Button>
                    <Typography.Text type="secondary">{o.regionName}</Typography.Text>
                  </List.Item>
                )}
              />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }} className="lf-dispatch-selected-panel">
                <Space wrap>
                  <Typography.Text strong>{selected.title}</Typography.Text>
                  <Tag color={consoleStateColour[selected.state]}>{t(`orders.states.${selected.state}`)}</Tag>
                  {selected.urgency === 'urgent' && <Tag color="red">{t('orders.urgencies.urgent')}</Tag>}
                </Space>
                <Typography.Text type="secondary">
                  {selected.regionName} · {selected.address}
                </Typography.Text>
                <Space>
                  <Button size="small" onClick={() => onOpen(selected.id)}>
                    {t('orders.map.openDetail')}
                  </Button>
                  <Button size="small" type="text" onClick={() => setPicked(null)}>
                    {t('orders.map.queue')}
                  </Button>
                </Space>
                {selected.state === 'submitted' && <Alert type="info" showIcon title={t('orders.map.reviewFirst')} />}
                <List
                  size="small"
                  bordered
                  className="lf-dispatch-candidates"
                  header={<Typography.Text strong>{t('orders.map.candidates')}</Typography.Text>}
                  loading={candidates.isPending}
                  locale={{
                    emptyText: candidates.isError ? errorText(candidates.error) : t('orders.console.noCandidates'),
                  }}
                  dataSource={items}
                  renderItem={(c, i) => (
                    <List.Item
                      actions={
                        selected.actions.dispatch
                          ? [
                              <Button
                                key="send"
                                size="small"
                                type="primary"
                                ghost
                                loading={dispatch.isPending}
                                onClick={() =>
                                  dispatch.mutate(
                                    { id: selected.id, target: { kind: 'volunteer', volunteerId: c.volunteerId } },
                                    {
                                      onSuccess: () => {
                                        void message.success(t('orders.actions.dispatched'));
                                        setPicked(null);
                                      },
                                      onError: (err) => void message.error(errorText(err)),
                                    },
                                  )
                                }
                              >
                                {t('orders.console.sendTo')}
                              </Button>,
                            ]
                          : []
                      }
                    >
                      <List.Item.Meta title={`${i + 1}. ${c.name}`} description={en ? c.reasonsEn : c.reasons} />
                    </List.Item>
                  )}
                />
              </Space>
            )}
          </Col>
        </Row>
      )}
    </Card>
  );
}
