/** One wish for staff: details (in full), the timeline, and the buttons its `actions` allow (approve, reject, confirm, thank). */
import { App, Button, Descriptions, Drawer, Image, Input, Modal, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { useWish, useWishAction, type WishDetail, type WishState, yuan } from '../../h5/wishes/data.js';
import { currentLanguage } from '../../i18n/index.js';
import { dateTime, newIdempotencyKey } from '../../orders/format.js';
import { PageError, PageLoading } from '../PageState.js';

export const consoleColour: Record<WishState, string> = {
  submitted: 'gold',
  approved: 'blue',
  rejected: 'red',
  claimed: 'geekblue',
  delivered: 'orange',
  confirmed: 'green',
  thanked: 'green',
  withdrawn: 'default',
  expired: 'default',
};

export function WishDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const wish = useWish(id);
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={600}
      title={wish.data?.title ?? t('wishes.console.detail')}
      destroyOnHidden
    >
      {wish.isPending && <PageLoading />}
      {wish.isError && <PageError error={wish.error} onRetry={() => wish.refetch()} />}
      {wish.data && <WishBody wish={wish.data} />}
    </Drawer>
  );
}

function WishBody({ wish }: { wish: WishDetail }) {
  const { t } = useTranslation();
  const en = currentLanguage() === 'en';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Tag color={consoleColour[wish.state]} data-testid="wish-state">
          {t(`wishes.states.${wish.state}`)}
        </Tag>
        {wish.synthetic && <Tag className="lf-synthetic">{t('wishes.console.synthetic')}</Tag>}
        <Typography.Text type="secondary">{wish.number}</Typography.Text>
      </Space>
      <Actions wish={wish} />
      <Descriptions column={1} size="small" bordered>
        {wish.description ? (
          <Descriptions.Item label={t('wishes.fields.description')}>{wish.description}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('wishes.fields.beneficiary')}>
          {wish.beneficiaryName} · {t(`wishes.groups.${wish.beneficiaryGroup}`)} {wish.beneficiaryPhone ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('wishes.fields.address')}>
          {wish.regionName} · {wish.address ?? ''}
        </Descriptions.Item>
        {wish.estimatedValueFen !== null && (
          <Descriptions.Item label={t('wishes.fields.value')}>
            {t('wishes.yuan', { value: yuan(wish.estimatedValueFen) })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('wishes.fields.channel')}>{t(`wishes.channels.${wish.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('wishes.fields.deadline')}>{dateTime(wish.deadline)}</Descriptions.Item>
        {wish.claimer && <Descriptions.Item label={t('wishes.fields.claimer')}>{wish.claimer.name}</Descriptions.Item>}
        {wish.deliveryNote && (
          <Descriptions.Item label={t('wishes.fields.deliveryNote')}>{wish.deliveryNote}</Descriptions.Item>
        )}
        {wish.thanks && <Descriptions.Item label={t('wishes.fields.thanks')}>{wish.thanks}</Descriptions.Item>}
        {wish.rejectReason && (
          <Descriptions.Item label={t('wishes.fields.rejectReason')}>{wish.rejectReason}</Descriptions.Item>
        )}
        {wish.withdrawReason && (
          <Descriptions.Item label={t('wishes.fields.withdrawReason')}>{wish.withdrawReason}</Descriptions.Item>
        )}
      </Descriptions>
      {wish.photo && <Image src={wish.photo.url} width={160} alt={wish.title} />}
      <div>
        <Typography.Title level={5}>{t('wishes.timeline')}</Typography.Title>
        <Timeline
          items={wish.timeline.map((e) => ({
            content: (
              <>
                <strong>{en ? e.label.en : e.label.zh}</strong> · {dateTime(e.at)}
                {e.actorName ? ` · ${e.actorName}` : ''}
                {e.note && <div>{e.note}</div>}
              </>
            ),
          }))}
        />
      </div>
    </Space>
  );
}

function Actions({ wish }: { wish: WishDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useWishAction();
  const [dialog, setDialog] = useState<'reject' | 'thank' | null>(null);
  const [text, setText] = useState('');
  const a = wish.actions;
  const openDialog = (d: 'reject' | 'thank') => {
    setText('');
    setDialog(d);
  };
  if (!a.approve && !a.reject && !a.confirm && !a.thank) return null;
  const fail = (err: unknown) => void message.error(errorText(err));
  const ok = (text: string) => () => {
    void message.success(text);
    setDialog(null);
  };
  return (
    <Space wrap>
      {a.approve && (
        <Button
          type="primary"
          loading={act.isPending && act.variables?.action.kind === 'approve'}
          onClick={() =>
            act.mutate(
              { id: wish.id, action: { kind: 'approve' } },
              { onSuccess: ok(t('wishes.console.approved')), onError: fail },
            )
          }
        >
          {t('wishes.console.approve')}
        </Button>
      )}
      {a.reject && (
        <Button danger onClick={() => openDialog('reject')}>
          {t('wishes.console.reject')}
        </Button>
      )}
      {a.confirm && (
        <Button
          type="primary"
          loading={act.isPending && act.variables?.action.kind === 'confirm'}
          onClick={() =>
            act.mutate(
              { id: wish.id, action: { kind: 'confirm' } },
              { onSuccess: ok(t('wishes.console.confirmed')), onError: fail },
            )
          }
        >
          {t('wishes.console.confirmDelivery')}
        </Button>
      )}
      {a.thank && <Button onClick={() => openDialog('thank')}>{t('wishes.console.thankFor')}</Button>}
      <Modal
        open={dialog !== null}
        title={dialog === 'reject' ? t('wishes.console.rejectTitle') : t('wishes.actions.thankTitle')}
        onCancel={() => setDialog(null)}
        okButtonProps={{ disabled: !text.trim(), loading: act.isPending }}
        onOk={() =>
          dialog === 'reject'
            ? act.mutate(
                { id: wish.id, action: { kind: 'reject', reason: text.trim() } },
                { onSuccess: ok(t('wishes.console.rejected')), onError: fail },
              )
            : act.mutate(
                { id: wish.id, action: { kind: 'thank', message: text.trim(), key: newIdempotencyKey() } },
                { onSuccess: ok(t('wishes.actions.thanked')), onError: fail },
              )
        }
      >
        <Input.TextArea
          aria-label={dialog === 'reject' ? t('wishes.console.rejectReason') : t('wishes.actions.thankPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={textLimits.wishMessage}
          rows={3}
          showCount
        />
      </Modal>
    </Space>
  );
}
