/**
 * One order on the phone, for the resident (/h5/orders/:id) and the volunteer (/h5/tasks/:id): what,
 * when, where, who; photos; the timeline; and the buttons the API says the caller may press now.
 */
import { Image, List, Rate, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/errors.js';
import { currentLanguage } from '../../i18n/index.js';
import { type OrderDetail, useOrder } from '../../orders/data.js';
import { dateTime, stateColour, timeWindow } from '../../orders/format.js';
import { useLiveOrders } from '../../orders/live.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { StepTimeline } from '../StepTimeline.js';
import { BlockVolunteer } from './BlockVolunteer.js';
import { OrderActions } from './OrderActions.js';
import './orders.css';

export function OrderPage({ back }: { back: string }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const order = useOrder(id);
  useLiveOrders();
  const notFound = order.error instanceof ApiError && order.error.status === 404;
  return (
    <SubPage title={t('orders.detail.title')} back={back}>
      {order.isPending && <H5Loading />}
      {notFound && <p className="lf-h5-note">{t('orders.detail.notFound')}</p>}
      {order.isError && !notFound && <H5Error error={order.error} onRetry={() => order.refetch()} />}
      {order.data && <OrderBody order={order.data} />}
      {order.data && back === '/h5/orders' && <BlockVolunteer order={order.data} />}
    </SubPage>
  );
}

function OrderBody({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const en = currentLanguage() === 'en';
  const target = order.target;
  const targetText = target
    ? `${t(`orders.targets.${target.kind}`)}${
        (target.volunteer?.name ?? target.organisationName ?? target.regionName)
          ? `：${target.volunteer?.name ?? target.organisationName ?? target.regionName}`
          : ''
      }`
    : null;
  return (
    <>
      <section className="lf-h5-team-head lf-order-head">
        <div className="lf-order-head-row">
          <h1>{order.title}</h1>
          <Tag color={stateColour[order.state]} className="lf-order-state">
            {en ? order.stateLabel.en : order.stateLabel.zh}
          </Tag>
        </div>
        <p className="lf-h5-muted">
          {t('orders.fields.number')} {order.number}
          {order.urgency === 'urgent' && (
            <Tag color="danger" className="lf-order-urgent">
              {t('orders.urgencies.urgent')}
            </Tag>
          )}
        </p>
        {order.description && <p className="lf-h5-text">{order.description}</p>}
      </section>
      <OrderActions order={order} />
      <List mode="card">
        <List.Item extra={timeWindow(order.windowStart, order.windowEnd)}>{t('orders.fields.window')}</List.Item>
        <List.Item description={order.address}>
          {t('orders.fields.address')} · {order.regionName}
        </List.Item>
        <List.Item extra={order.contactPhone ? <a href={`tel:${order.contactPhone}`}>{order.contactPhone}</a> : null}>
          {t('orders.fields.contact')} · {order.contactName}
        </List.Item>
        <List.Item extra={order.categoryName}>{t('orders.fields.category')}</List.Item>
        {order.channel !== 'app' && (
          <List.Item extra={t(`orders.channels.${order.channel}`)}>{t('orders.fields.channel')}</List.Item>
        )}
        {targetText && !order.volunteer && <List.Item extra={targetText}>{t('orders.fields.target')}</List.Item>}
        {order.volunteer && <List.Item extra={order.volunteer.name}>{t('orders.fields.volunteer')}</List.Item>}
        {order.checkIn && (
          <List.Item
            extra={dateTime(order.checkIn.at)}
            description={
              order.checkIn.noLocation
                ? order.checkIn.note
                : order.checkIn.distanceM !== null
                  ? t('orders.detail.distance', { distance: order.checkIn.distanceM }) +
                    (order.checkIn.accuracyM !== null
                      ? t('orders.detail.accuracy', { accuracy: order.checkIn.accuracyM })
                      : '')
                  : null
            }
          >
            {t('orders.fields.checkIn')}
            {order.checkIn.noLocation && (
              <Tag color="warning" fill="outline" className="lf-order-urgent">
                {t('orders.detail.noLocation')}
              </Tag>
            )}
          </List.Item>
        )}
        {order.summary && <List.Item description={order.summary}>{t('orders.fields.summary')}</List.Item>}
        {order.rating && (
          <List.Item description={order.rating.comment || null}>
            {t('orders.fields.rating')} <Rate readOnly value={order.rating.stars} className="lf-order-rate-small" />
            <span className="lf-sr-only">{t('orders.detail.stars', { count: order.rating.stars })}</span>
          </List.Item>
        )}
        {order.rejectReason && (
          <List.Item description={order.rejectReason}>{t('orders.fields.rejectReason')}</List.Item>
        )}
        {order.cancelReason && (
          <List.Item description={order.cancelReason}>{t('orders.fields.cancelReason')}</List.Item>
        )}
      </List>
      <Photos title={t('orders.fields.photos')} photos={order.photos} />
      <Photos title={t('orders.fields.completionPhotos')} photos={order.completionPhotos} />
      <StepTimeline header={t('orders.detail.timeline')} empty={t('orders.detail.noTimeline')} steps={order.timeline} />
    </>
  );
}

function Photos({ title, photos }: { title: string; photos: { id: string; url: string }[] }) {
  if (!photos.length) return null;
  return (
    <List header={title} mode="card">
      <div className="lf-order-photos">
        {photos.map((p) => (
          <Image key={p.id} src={p.url} width={88} height={88} fit="cover" alt={title} />
        ))}
      </div>
    </List>
  );
}
