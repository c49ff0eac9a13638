/**
 * 签到大屏 (display mode) for one occurrence: the rotating QR code, the short code under it, and
 * how many have checked in and out. The QR code holds a link to the H5 check-in page with the token,
 * so a phone's own camera app also leads there.
 */
import { Alert, Button, Card, Space, Typography } from 'antd';
import QRCodeModule from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCheckinCode } from '../../activities/checkin-data.js';
import { sessionTime } from '../../activities/format.js';
import { errorText } from '../../api/errors.js';
import { defaultExport } from '../../shared/interop.js';

const QRCode = defaultExport<typeof QRCodeModule>(QRCodeModule);

export function DisplayPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const sessionId = params.get('session');
  const code = useCheckinCode(sessionId);
  const [image, setImage] = useState<string | null>(null);
  const token = code.data?.token;

  useEffect(() => {
    if (!token) return;
    let live = true;
    const link = `${window.location.origin}/h5/checkin?t=${encodeURIComponent(token)}`;
    void QRCode.toDataURL(link, { width: 420, margin: 1, errorCorrectionLevel: 'M' }).then((url) => {
      if (live) setImage(url);
    });
    return () => {
      live = false;
    };
  }, [token]);

  const back = <Button onClick={() => navigate('/console/activities')}>{t('checkin.display.back')}</Button>;
  if (!sessionId) return <Alert type="info" title={t('checkin.display.noSession')} action={back} />;
  return (
    <Card className="lf-display" title={code.data?.activity.title ?? t('checkin.display.title')} extra={back}>
      {code.isError && <Alert type="error" title={errorText(code.error)} />}
      {code.data && (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{sessionTime(code.data.startsAt, code.data.endsAt)}</Typography.Text>
          {image && <img src={image} alt={t('checkin.display.title')} width={420} height={420} />}
          <Typography.Text>{t('checkin.display.hint')}</Typography.Text>
          <div className="lf-display-code" data-testid="checkin-code">
            {code.data.shortCode}
          </div>
          <Typography.Text type="secondary">
            {t('checkin.display.refresh', { seconds: code.data.refreshSeconds })}
          </Typography.Text>
          <Typography.Title level={4}>
            {t('checkin.display.counts', { in: code.data.checkedIn, out: code.data.checkedOut })}
          </Typography.Title>
        </Space>
      )}
    </Card>
  );
}
