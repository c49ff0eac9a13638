/**
 * One wish on the phone: what, for whom (masked unless it is the caller's), where, until when; the
 * thanks; the timeline for the people it concerns; and the buttons the API says the caller may press.
 */
import { Image, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/errors.js';
import { dateTime } from '../../orders/format.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { StepTimeline } from '../StepTimeline.js';
import { stateColour, useWish, type WishDetail, yuan } from './data.js';
import { useLiveWishes } from './live.js';
import { WishActions } from './WishActions.js';
import './wishes.css';

export function WishPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const wish = useWish(id);
  useLiveWishes();
  const notFound = wish.error instanceof ApiError && wish.error.status === 404;
  return (
    <SubPage title={t('wishes.title')} back="/h5/wishes">
      {wish.isPending && <H5Loading />}
      {notFound && <p className="lf-h5-note">{t('wishes.notFound')}</p>}
      {wish.isError && !notFound && <H5Error error={wish.error} onRetry={() => wish.refetch()} />}
      {wish.data && <WishBody wish={wish.data} />}
    </SubPage>
  );
}

function WishBody({ wish }: { wish: WishDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="lf-wish-head">
        <div className="lf-wish-head-row">
          <h1>{wish.title}</h1>
          <Tag color={stateColour[wish.state]} data-testid="wish-state">
            {t(`wishes.states.${wish.state}`)}
          </Tag>
        </div>
        <p className="lf-h5-muted">
          {t('wishes.fields.number')} {wish.number}
        </p>
        {wish.description && <p className="lf-h5-text">{wish.description}</p>}
      </section>
      {wish.thanks && (
        <div className="lf-wish-thanks" role="note">
          <strong>{t('wishes.fields.thanks')}：</strong>
          {wish.thanks}
        </div>
      )}
      <WishActions wish={wish} />
      <List mode="card">
        <List.Item extra={`${wish.beneficiaryName} · ${t(`wishes.groups.${wish.beneficiaryGroup}`)}`}>
          {t('wishes.fields.beneficiary')}
        </List.Item>
        <List.Item extra={wish.regionName}>{t('wishes.fields.community')}</List.Item>
        <List.Item description={wish.address ?? t('wishes.addressHidden')}>{t('wishes.fields.address')}</List.Item>
        {wish.beneficiaryPhone && (
          <List.Item extra={<a href={`tel:${wish.beneficiaryPhone}`}>{wish.beneficiaryPhone}</a>}>
            {t('wishes.fields.phone')}
          </List.Item>
        )}
        {wish.estimatedValueFen !== null && (
          <List.Item extra={t('wishes.yuan', { value: yuan(wish.estimatedValueFen) })}>
            {t('wishes.fields.value')}
          </List.Item>
        )}
        <List.Item extra={dateTime(wish.deadline)}>{t('wishes.fields.deadline')}</List.Item>
        {wish.claimer && <List.Item extra={wish.claimer.name}>{t('wishes.fields.claimer')}</List.Item>}
        {wish.deliveryNote && <List.Item description={wish.deliveryNote}>{t('wishes.fields.deliveryNote')}</List.Item>}
        {wish.rejectReason && <List.Item description={wish.rejectReason}>{t('wishes.fields.rejectReason')}</List.Item>}
        {wish.withdrawReason && (
          <List.Item description={wish.withdrawReason}>{t('wishes.fields.withdrawReason')}</List.Item>
        )}
      </List>
      {!wish.mine && <p className="lf-wish-intro">{t('wishes.privacyNote')}</p>}
      {wish.photo && (
        <List header={t('wishes.fields.photo')} mode="card">
          <div className="lf-wish-photo">
            <Image src={wish.photo.url} width={160} height={160} fit="cover" alt={wish.title} />
          </div>
        </List>
      )}
      {wish.mine && <StepTimeline header={t('wishes.timeline')} empty={t('wishes.noTimeline')} steps={wish.timeline} />}
    </>
  );
}
