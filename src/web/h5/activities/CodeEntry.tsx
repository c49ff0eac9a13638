/** The check-in pages' shared parts: scan the screen's QR code or type its 6-digit code, then check in or out. */
import { Button, Input } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { QrScanner } from './QrScanner.js';

export function CodeEntry(props: {
  token: string | null;
  code: string;
  scanning: boolean;
  setScanning: (scanning: boolean) => void;
  /** The text of a QR code the camera read. */
  onScanned: (text: string) => void;
  onCode: (code: string) => void;
  onNoCamera: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.scanning ? (
        <>
          <QrScanner
            onFound={(text) => {
              props.setScanning(false);
              props.onScanned(text);
            }}
            onError={() => {
              props.setScanning(false);
              props.onNoCamera();
            }}
          />
          <Button block onClick={() => props.setScanning(false)}>
            {t('checkin.stopScan')}
          </Button>
        </>
      ) : (
        <Button block color="primary" fill="outline" onClick={() => props.setScanning(true)}>
          {props.token ? `✓ ${t('checkin.scanned')}` : t('checkin.scan')}
        </Button>
      )}
      <div className="lf-checkin-code">
        <Input
          aria-label={t('checkin.code')}
          placeholder={t('checkin.codePlaceholder')}
          inputMode="numeric"
          maxLength={6}
          value={props.code}
          onChange={(v) => props.onCode(v.replace(/\D/g, ''))}
          clearable
        />
      </div>
    </>
  );
}

export function CheckInOutButtons(props: { busy: boolean; onSubmit: (direction: 'in' | 'out') => void }) {
  const { t } = useTranslation();
  return (
    <div className="lf-checkin-actions">
      <Button color="primary" size="large" loading={props.busy} onClick={() => props.onSubmit('in')}>
        {t('checkin.checkIn')}
      </Button>
      <Button color="success" size="large" loading={props.busy} onClick={() => props.onSubmit('out')}>
        {t('checkin.checkOut')}
      </Button>
    </div>
  );
}
