/**
 * The rotating check-in code on a screen (签到大屏): the QR code holding a link to an H5 check-in page
 * with the token (so a phone's own camera app also leads there), the short code under it when there is
 * one, and how many have checked in and out. Shown for activity occurrences and training sessions.
 */
import { Alert, Card, Space, Typography } from 'antd';
import QRCodeModule from 'qrcode';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../activities/strings.js';
import { errorText } from '../../api/errors.js';
import { defaultExport } from '../../shared/interop.js';

const QRCode = defaultExport<typeof QRCodeModule>(QRCodeModule);

export interface ScreenCode {
  token: string;
  /** The 6 digits under the QR code, for typing; absent where only scanning is accepted. */
  shortCode?: string;
  refreshSeconds: number;
  checkedIn: number;
  checkedOut: number;
}

export function CheckinScreen({
  title,
  subtitle,
  code,
  error,
  checkinPath,
  hint,
  back,
}: {
  title: string;
  subtitle?: ReactNode;
  code: ScreenCode | undefined;
  error: unknown;
  /** The H5 page the QR link opens, e.g. /h5/checkin; the token goes in `?t=`. */
  checkinPath: string;
  hint: string;
  back: ReactNode;
}) {
  const { t } = useTranslation();
  const [image, setImage] = useState<string | null>(null);
  const token = code?.token;

  useEffect(() => {
    if (!token) return;
    let live = true;
    const link = `${window.location.origin}${checkinPath}?t=${encodeURIComponent(token)}`;
    void QRCode.toDataURL(link, { width: 420, margin: 1, errorCorrectionLevel: 'M' }).then((url) => {
      if (live) setImage(url);
    });
    return () => {
      live = false;
    };
  }, [token, checkinPath]);

  return (
    <Card className="lf-display" title={title} extra={back}>
      {error ? <Alert type="error" title={errorText(error)} /> : null}
      {code && (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
          {image && (
            <img src={image} alt={t('checkin.display.title')} width={420} height={420} data-testid="checkin-qr" />
          )}
          <Typography.Text>{hint}</Typography.Text>
          {code.shortCode && (
            <div className="lf-display-code" data-testid="checkin-code">
              {code.shortCode}
            </div>
          )}
          <Typography.Text type="secondary">
            {t('checkin.display.refresh', { seconds: code.refreshSeconds })}
          </Typography.Text>
          <Typography.Title level={4}>
            {t('checkin.display.counts', { in: code.checkedIn, out: code.checkedOut })}
          </Typography.Title>
        </Space>
      )}
    </Card>
  );
}
