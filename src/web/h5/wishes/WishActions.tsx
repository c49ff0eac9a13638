/**
 * The buttons of one wish on the phone, exactly those the API's `actions` allow: claim, release and
 * deliver for the giver; withdraw and thank for the resident.
 */
import { Button, Popup, Selector, Toast } from 'antd-mobile';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { LimitedTextArea } from '../../shared/LimitedTextArea.js';
import { useWishAction, type WishDetail } from './data.js';

type Sheet = 'claim' | 'deliver' | 'withdraw' | 'thank' | null;
const SELF = 'self';

export function WishActions({ wish }: { wish: WishDetail }) {
  const { t } = useTranslation();
  const a = wish.actions;
  const [sheet, setSheet] = useState<Sheet>(null);
  const [text, setText] = useState('');
  const [as, setAs] = useState<string>(SELF);
  const [formError, setFormError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const act = useWishAction();

  const open = (s: Sheet) => {
    setText('');
    setAs(SELF);
    setFormError(null);
    key.current = newIdempotencyKey();
    setSheet(s);
  };
  const done = (message: string) => () => {
    Toast.show({ icon: 'success', content: message });
    setSheet(null);
  };
  const failed = (err: unknown) => setFormError(errorText(err));

  const submit = () => {
    setFormError(null);
    const value = text.trim();
    if (sheet === 'claim')
      act.mutate(
        {
          id: wish.id,
          action: { kind: 'claim', key: key.current, ...(as === SELF ? {} : { organisationId: as }) },
        },
        { onSuccess: done(t('wishes.actions.claimed')), onError: failed },
      );
    if (sheet === 'deliver')
      act.mutate(
        { id: wish.id, action: { kind: 'deliver', note: value || undefined } },
        { onSuccess: done(t('wishes.actions.delivered')), onError: failed },
      );
    if (sheet === 'withdraw')
      act.mutate(
        { id: wish.id, action: { kind: 'withdraw', reason: value || undefined } },
        { onSuccess: done(t('wishes.actions.withdrawn')), onError: failed },
      );
    if (sheet === 'thank') {
      if (!value) return setFormError(t('wishes.actions.thanksRequired'));
      act.mutate(
        { id: wish.id, action: { kind: 'thank', message: value, key: key.current } },
        { onSuccess: done(t('wishes.actions.thanked')), onError: failed },
      );
    }
  };

  const buttons: ReactNode[] = [];
  const button = (s: Exclude<Sheet, null>, label: string, primary = true) =>
    buttons.push(
      <Button key={s} color={primary ? 'primary' : 'default'} size="large" block onClick={() => open(s)}>
        {label}
      </Button>,
    );
  if (a.claim) button('claim', t('wishes.actions.claim'));
  if (a.deliver) button('deliver', t('wishes.actions.deliver'));
  if (a.thank) button('thank', t('wishes.actions.thank'));
  if (a.release)
    buttons.push(
      <Button
        key="release"
        size="large"
        block
        loading={act.isPending && act.variables?.action.kind === 'release'}
        onClick={() =>
          act.mutate(
            { id: wish.id, action: { kind: 'release' } },
            {
              onSuccess: done(t('wishes.actions.released')),
              onError: (err) => Toast.show({ icon: 'fail', content: errorText(err) }),
            },
          )
        }
      >
        {t('wishes.actions.release')}
      </Button>,
    );
  if (a.withdraw)
    buttons.push(
      <Button key="withdraw" color="danger" fill="outline" size="large" block onClick={() => open('withdraw')}>
        {t('wishes.actions.withdraw')}
      </Button>,
    );
  if (!buttons.length) return null;

  const titles = {
    claim: t('wishes.actions.claimTitle'),
    deliver: t('wishes.actions.deliverTitle'),
    withdraw: t('wishes.actions.withdrawTitle'),
    thank: t('wishes.actions.thankTitle'),
  };
  const placeholders = {
    claim: '',
    deliver: t('wishes.actions.deliverPlaceholder'),
    withdraw: t('wishes.actions.withdrawPlaceholder'),
    thank: t('wishes.actions.thankPlaceholder'),
  };

  return (
    <div className="lf-wish-actions">
      {buttons}
      <Popup visible={sheet !== null} onMaskClick={() => setSheet(null)} bodyClassName="lf-wish-sheet">
        {sheet && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <h2>{titles[sheet]}</h2>
            {sheet === 'claim' ? (
              <>
                <p className="lf-h5-muted">{t('wishes.actions.claimHint')}</p>
                {wish.claimAs.length > 0 && (
                  <>
                    <p>{t('wishes.actions.claimAs')}</p>
                    <Selector
                      columns={1}
                      value={[as]}
                      onChange={(v) => setAs(v[0] ?? SELF)}
                      options={[
                        { value: SELF, label: t('wishes.actions.claimSelf') },
                        ...wish.claimAs.map((o) => ({ value: o.id, label: o.name })),
                      ]}
                    />
                  </>
                )}
              </>
            ) : (
              <>
                <label htmlFor="lf-wish-sheet-text" className="lf-sr-only">
                  {placeholders[sheet]}
                </label>
                <LimitedTextArea
                  id="lf-wish-sheet-text"
                  placeholder={placeholders[sheet]}
                  value={text}
                  onChange={setText}
                  rows={3}
                  limit={textLimits.wishMessage}
                />
              </>
            )}
            {formError && (
              <div className="lf-h5-error" role="alert">
                {formError}
              </div>
            )}
            <div className="lf-wish-sheet-buttons">
              <Button block size="large" onClick={() => setSheet(null)}>
                {t('wishes.actions.back')}
              </Button>
              <Button
                block
                size="large"
                type="submit"
                color={sheet === 'withdraw' ? 'danger' : 'primary'}
                loading={act.isPending}
              >
                {sheet === 'claim' ? t('wishes.actions.claim') : t('wishes.actions.confirm')}
              </Button>
            </div>
          </form>
        )}
      </Popup>
    </div>
  );
}
