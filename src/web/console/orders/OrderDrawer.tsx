/** One order for staff: details, photos, the timeline, and the buttons its `actions` allow (review, dispatch, …). */
import { App, Button, Descriptions, Drawer, Image, Input, Modal, Rate, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { currentLanguage } from '../../i18n/index.js';
import { type OrderDetail, type ReasonAction, useOrder, useReasonAction, useSimpleAction } from '../../orders/data.js';
import { dateTime, timeWindow } from '../../orders/format.js';
import { PageError, PageLoading } from '../PageState.js';
import { consoleStateColour } from './colours.js';
import { DispatchPanel } from './DispatchPanel.js';

export function OrderDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const order = useOrder(id);
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={640}
      title={order.data?.title ?? t('orders.detail.title')}
      destroyOnHidden
    >
      {order.isPending && <PageLoading />}
      {order.isError && <PageError error={order.error} onRetry={() => order.refetch()} />}
      {order.data && <OrderBody order={order.data} />}
    </Drawer>
  );
}

function OrderBody({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const en = currentLanguage() === 'en';
  const target = order.target;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Tag color={consoleStateColour[order.state]}>{en ? order.stateLabel.en : order.stateLabel.zh}</Tag>
        {order.urgency === 'urgent' && <Tag color="red">{t('orders.urgencies.urgent')}</Tag>}
        {order.escalations > 0 && (
          <Tag color="orange">{t('orders.fields.escalations', { count: order.escalations })}</Tag>
        )}
        {order.synthetic && <Tag className="lf-synthetic">{t('orders.synthetic')}</Tag>}
        <Typography.Text type="secondary">{order.number}</Typography.Text>
      </Space>
      <Actions order={order} />
      {order.actions.dispatch && <DispatchPanel order={order} />}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('orders.fields.category')}>{order.categoryName}</Descriptions.Item>
        {order.description && (
          <Descriptions.Item label={t('orders.fields.description')}>{order.description}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('orders.fields.window')}>
          {timeWindow(order.windowStart, order.windowEnd)}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.address')}>
          {order.regionName} · {order.address}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.contact')}>
          {order.contactName} {order.contactPhone ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.channel')}>
          {t(`orders.channels.${order.channel}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.placedAt')}>{dateTime(order.placedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.handler')}>{order.handlerRegionName}</Descriptions.Item>
        {target && (
          <Descriptions.Item label={t('orders.fields.target')}>
            {t(`orders.targets.${target.kind}`)}
            {(target.volunteer?.name ?? target.organisationName ?? target.regionName)
              ? `：${target.volunteer?.name ?? target.organisationName ?? target.regionName}`
              : ''}
          </Descriptions.Item>
        )}
        {order.volunteer && (
          <Descriptions.Item label={t('orders.fields.volunteer')}>{order.volunteer.name}</Descriptions.Item>
        )}
        {order.checkIn && (
          <Descriptions.Item label={t('orders.fields.checkIn')}>
            {order.checkIn.noLocation ? (
              <>
                <Tag color="warning">{t('orders.detail.noLocation')}</Tag>
                {t('orders.detail.checkedInNoLocation', {
                  time: dateTime(order.checkIn.at),
                  note: order.checkIn.note ?? '',
                })}
              </>
            ) : order.checkIn.distanceM !== null ? (
              t('orders.detail.checkedIn', { time: dateTime(order.checkIn.at), distance: order.checkIn.distanceM }) +
              (order.checkIn.accuracyM !== null
                ? t('orders.detail.accuracy', { accuracy: order.checkIn.accuracyM })
                : '')
            ) : (
              t('orders.detail.checkedInNoDistance', { time: dateTime(order.checkIn.at) })
            )}
          </Descriptions.Item>
        )}
        {order.summary && <Descriptions.Item label={t('orders.fields.summary')}>{order.summary}</Descriptions.Item>}
        {order.rating && (
          <Descriptions.Item label={t('orders.fields.rating')}>
            <Rate disabled value={order.rating.stars} /> {order.rating.comment}
          </Descriptions.Item>
        )}
        {order.rejectReason && (
          <Descriptions.Item label={t('orders.fields.rejectReason')}>{order.rejectReason}</Descriptions.Item>
        )}
        {order.cancelReason && (
          <Descriptions.Item label={t('orders.fields.cancelReason')}>{order.cancelReason}</Descriptions.Item>
        )}
      </Descriptions>
      {[...order.photos, ...order.completionPhotos].length > 0 && (
        <Image.PreviewGroup>
          <Space wrap>
            {[...order.photos, ...order.completionPhotos].map((p) => (
              <Image
                key={p.id}
                src={p.url}
                width={96}
                height={96}
                style={{ objectFit: 'cover' }}
                alt={t('orders.fields.photos')}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      <div>
        <Typography.Title level={5}>{t('orders.detail.timeline')}</Typography.Title>
        <Timeline
          items={order.timeline.map((e) => ({
            key: `${e.at}-${e.event}`,
            content: (
              <>
                <Typography.Text strong>{en ? e.label.en : e.label.zh}</Typography.Text>{' '}
                {e.flag && <Tag color="warning">{en ? e.flag.en : e.flag.zh}</Tag>}
                <Typography.Text type="secondary">
                  {dateTime(e.at)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </Typography.Text>
                {e.note && <div>{e.note}</div>}
              </>
            ),
          }))}
        />
      </div>
    </Space>
  );
}

function Actions({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const simple = useSimpleAction();
  const reason = useReasonAction();
  const [asking, setAsking] = useState<ReasonAction | null>(null);
  const [text, setText] = useState('');
  const a = order.actions;
  const fail = (err: unknown) => void message.error(errorText(err));
  const run = (action: 'review' | 'take-over' | 'close', done: string) =>
    simple.mutate({ id: order.id, action }, { onSuccess: () => void message.success(done), onError: fail });
  const ask = (action: ReasonAction) => {
    setText('');
    setAsking(action);
  };
  const needsReason = asking === 'reject';
  const titles: Record<ReasonAction, string> = {
    reject: t('orders.actions.rejectTitle'),
    recall: t('orders.actions.recall'),
    cancel: t('orders.actions.cancelConfirm'),
    decline: t('orders.actions.declineTitle'),
  };
  const doneText: Record<ReasonAction, string> = {
    reject: t('orders.actions.rejected'),
    recall: t('orders.actions.recalled'),
    cancel: t('orders.actions.cancelled'),
    decline: t('orders.actions.declined'),
  };
  if (!(a.review || a.reject || a.recall || a.take_over || a.close || a.cancel)) return null;
  return (
    <Space wrap>
      {a.review && (
        <Button type="primary" loading={simple.isPending} onClick={() => run('review', t('orders.actions.reviewed'))}>
          {t('orders.actions.review')}
        </Button>
      )}
      {a.take_over && (
        <Button
          type="primary"
          loading={simple.isPending}
          onClick={() => run('take-over', t('orders.actions.tookOver'))}
        >
          {t('orders.actions.takeOver')}
        </Button>
      )}
      {a.reject && (
        <Button danger onClick={() => ask('reject')}>
          {t('orders.actions.reject')}
        </Button>
      )}
      {a.recall && <Button onClick={() => ask('recall')}>{t('orders.actions.recall')}</Button>}
      {a.close && (
        <Button loading={simple.isPending} onClick={() => run('close', t('orders.actions.closed'))}>
          {t('orders.actions.close')}
        </Button>
      )}
      {a.cancel && (
        <Button danger type="dashed" onClick={() => ask('cancel')}>
          {t('orders.actions.cancel')}
        </Button>
      )}
      <Modal
        open={asking !== null}
        title={asking ? titles[asking] : ''}
        onCancel={() => setAsking(null)}
        okText={t('orders.actions.confirm')}
        okButtonProps={{ danger: asking !== 'recall', disabled: needsReason && !text.trim() }}
        confirmLoading={reason.isPending}
        onOk={() =>
          asking &&
          reason.mutate(
            { id: order.id, action: asking, reason: text.trim() || undefined },
            {
              onSuccess: () => {
                void message.success(doneText[asking]);
                setAsking(null);
              },
              onError: fail,
            },
          )
        }
      >
        <Input.TextArea
          aria-label={needsReason ? t('orders.actions.rejectTitle') : t('orders.actions.cancelReason')}
          placeholder={needsReason ? t('orders.actions.rejectPlaceholder') : t('orders.actions.cancelReason')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={textLimits.orderReason}
          rows={3}
        />
      </Modal>
    </Space>
  );
}
