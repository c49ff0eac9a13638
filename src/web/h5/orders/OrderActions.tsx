/**
 * The buttons of one order on the phone, exactly those the API's `actions` allow: cancel and rate
 * for the resident; accept (or grab), decline, check in and complete for the volunteer.
 */
import { Button, Dialog, Popup, Toast } from 'antd-mobile';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { ApiError, errorText } from '../../api/errors.js';
import {
  type OrderDetail,
  useCheckIn,
  useComplete,
  useRate,
  useReasonAction,
  useSimpleAction,
} from '../../orders/data.js';
import { currentPosition } from '../../orders/format.js';
import { LimitedTextArea } from '../../shared/LimitedTextArea.js';
import { type Photo, PhotoPicker } from './PhotoPicker.js';

type Sheet = 'cancel' | 'decline' | 'rate' | 'complete' | 'check_in' | null;

export function OrderActions({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const a = order.actions;
  const [sheet, setSheet] = useState<Sheet>(null);
  const [text, setText] = useState('');
  const [stars, setStars] = useState(0);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [busyPhotos, setBusyPhotos] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  /** The phone gave no position (or a wrong one): offer the check-in on a typed note. */
  const [noFix, setNoFix] = useState(false);
  const simple = useSimpleAction();
  const reason = useReasonAction();
  const checkIn = useCheckIn();
  const complete = useComplete();
  const rate = useRate();

  const done = (message: string) => () => {
    Toast.show({ icon: 'success', content: message });
    setSheet(null);
  };
  const failed = (err: unknown) => setFormError(errorText(err));
  const failedToast = (err: unknown) => Toast.show({ icon: 'fail', content: errorText(err) });
  const open = (s: Sheet) => {
    setText('');
    setStars(0);
    setPhotos([]);
    setFormError(null);
    setSheet(s);
  };

  const doCheckIn = async () => {
    setLocating(true);
    const at = await currentPosition();
    setLocating(false);
    if (!at) {
      setNoFix(true);
      const withNote = await Dialog.confirm({
        content: t('orders.actions.checkInNoLocation'),
        confirmText: t('orders.actions.checkInNoteButton'),
        cancelText: t('orders.actions.back'),
      });
      if (withNote) open('check_in');
      return;
    }
    checkIn.mutate(
      { id: order.id, ...at },
      {
        onSuccess: done(t('orders.actions.checkedIn')),
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'ORDER_CHECKIN_TOO_FAR') setNoFix(true);
          failedToast(err);
        },
      },
    );
  };

  const submitSheet = () => {
    setFormError(null);
    const value = text.trim();
    if (sheet === 'cancel')
      reason.mutate(
        { id: order.id, action: 'cancel', reason: value || undefined },
        { onSuccess: done(t('orders.actions.cancelled')), onError: failed },
      );
    if (sheet === 'decline') {
      if (!value) return setFormError(t('orders.actions.reasonRequired'));
      reason.mutate(
        { id: order.id, action: 'decline', reason: value },
        { onSuccess: done(t('orders.actions.declined')), onError: failed },
      );
    }
    if (sheet === 'rate') {
      if (!stars) return setFormError(t('orders.actions.starsRequired'));
      rate.mutate(
        { id: order.id, stars, comment: value },
        { onSuccess: done(t('orders.actions.rated')), onError: failed },
      );
    }
    if (sheet === 'check_in') {
      if (!value) return setFormError(t('orders.actions.checkInNoteRequired'));
      checkIn.mutate(
        { id: order.id, note: value },
        { onSuccess: done(t('orders.actions.checkedIn')), onError: failed },
      );
    }
    if (sheet === 'complete') {
      if (!value) return setFormError(t('orders.actions.summaryRequired'));
      complete.mutate(
        { id: order.id, summary: value, photoFileIds: photos.map((p) => p.id) },
        { onSuccess: done(t('orders.actions.completed')), onError: failed },
      );
    }
  };

  const buttons: ReactNode[] = [];
  if (a.accept)
    buttons.push(
      <Button
        key="accept"
        color="primary"
        size="large"
        block
        loading={simple.isPending}
        onClick={() =>
          simple.mutate(
            { id: order.id, action: 'accept' },
            { onSuccess: done(t('orders.actions.accepted')), onError: failedToast },
          )
        }
      >
        {order.target?.kind === 'open' ? t('orders.actions.grab') : t('orders.actions.accept')}
      </Button>,
    );
  if (a.check_in)
    buttons.push(
      <Button
        key="check_in"
        color="primary"
        size="large"
        block
        loading={locating || checkIn.isPending}
        onClick={() => void doCheckIn()}
      >
        {locating ? t('orders.actions.checkingIn') : t('orders.actions.checkIn')}
      </Button>,
    );
  if (a.check_in && noFix)
    buttons.push(
      <Button key="check_in_note" size="large" block fill="outline" onClick={() => open('check_in')}>
        {t('orders.actions.checkInWithNote')}
      </Button>,
    );
  if (a.complete)
    buttons.push(
      <Button key="complete" color="primary" size="large" block onClick={() => open('complete')}>
        {t('orders.actions.complete')}
      </Button>,
    );
  if (a.rate)
    buttons.push(
      <Button key="rate" color="primary" size="large" block onClick={() => open('rate')}>
        {t('orders.actions.rate')}
      </Button>,
    );
  if (a.decline)
    buttons.push(
      <Button key="decline" size="large" block onClick={() => open('decline')}>
        {t('orders.actions.decline')}
      </Button>,
    );
  if (a.cancel)
    buttons.push(
      <Button key="cancel" color="danger" fill="outline" size="large" block onClick={() => open('cancel')}>
        {t('orders.actions.cancel')}
      </Button>,
    );
  if (!buttons.length) return null;

  const titles = {
    cancel: t('orders.actions.cancelConfirm'),
    decline: t('orders.actions.declineTitle'),
    rate: t('orders.actions.rateTitle'),
    complete: t('orders.actions.completeTitle'),
    check_in: t('orders.actions.checkInNoteTitle'),
  };
  const placeholders = {
    cancel: t('orders.actions.cancelReason'),
    decline: t('orders.actions.declinePlaceholder'),
    rate: t('orders.actions.rateComment'),
    complete: t('orders.actions.completePlaceholder'),
    check_in: t('orders.actions.checkInNotePlaceholder'),
  };
  const sheetLimits = {
    cancel: textLimits.orderReason,
    decline: textLimits.orderReason,
    rate: textLimits.ratingComment,
    complete: textLimits.orderSummary,
    check_in: textLimits.orderCheckInNote,
  };
  const pending = reason.isPending || rate.isPending || complete.isPending || checkIn.isPending;

  return (
    <div className="lf-order-actions">
      {buttons}
      <Popup visible={sheet !== null} onMaskClick={() => setSheet(null)} bodyClassName="lf-order-sheet">
        {sheet && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submitSheet();
            }}
          >
            <h2 className="lf-order-sheet-title">{titles[sheet]}</h2>
            {sheet === 'check_in' && <p className="lf-h5-muted">{t('orders.actions.checkInNoteHint')}</p>}
            {sheet === 'rate' && (
              <div className="lf-order-stars">
                <span>{t('orders.actions.ratePrompt')}</span>
                <fieldset className="lf-order-rate" aria-label={t('orders.actions.rateTitle')}>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <button
                      key={n}
                      type="button"
                      className={n <= stars ? 'lf-order-star lf-order-star-on' : 'lf-order-star'}
                      aria-label={t('orders.actions.starsLabel', { count: n })}
                      aria-pressed={n === stars}
                      onClick={() => setStars(n)}
                    >
                      ★
                    </button>
                  ))}
                </fieldset>
              </div>
            )}
            <label htmlFor="lf-order-sheet-text" className="lf-sr-only">
              {placeholders[sheet]}
            </label>
            <LimitedTextArea
              id="lf-order-sheet-text"
              placeholder={placeholders[sheet]}
              value={text}
              onChange={(value) => {
                setText(value);
                setFormError(null);
              }}
              rows={3}
              limit={sheetLimits[sheet]}
            />
            {sheet === 'complete' && <PhotoPicker value={photos} onChange={setPhotos} onBusy={setBusyPhotos} />}
            {formError && (
              <div className="lf-h5-error" role="alert">
                {formError}
              </div>
            )}
            <div className="lf-order-sheet-buttons">
              <Button block size="large" onClick={() => setSheet(null)}>
                {t('orders.actions.back')}
              </Button>
              <Button
                block
                size="large"
                type="submit"
                color={sheet === 'cancel' ? 'danger' : 'primary'}
                loading={pending}
                disabled={busyPhotos}
              >
                {sheet === 'cancel' ? t('orders.actions.cancel') : t('orders.actions.confirm')}
              </Button>
            </div>
          </form>
        )}
      </Popup>
    </div>
  );
}
