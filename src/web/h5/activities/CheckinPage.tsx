/**
 * 活动签到: scan the screen's QR code (camera + jsQR) or type its short code, then check in or out;
 * the browser's position goes with it (the server judges the geofence). A phone camera that opens
 * the QR link lands here with the token in `?t=`.
 */
import { Button, Card, List, Result, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type AttendanceResult, currentPosition, tokenFromScan, useAttendance } from '../../activities/checkin-data.js';
import { dateTime } from '../../activities/format.js';
import { errorText } from '../../api/errors.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { SubPage } from '../people/states.js';
import { CheckInOutButtons, CodeEntry } from './CodeEntry.js';
import './activities.css';

export function CheckinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [token, setToken] = useState<string | null>(params.get('t'));
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [locating, setLocating] = useState(false);
  const [result, setResult] = useState<{ direction: 'in' | 'out'; value: AttendanceResult } | null>(null);
  const attendance = useAttendance();

  const submit = async (direction: 'in' | 'out') => {
    const typed = code.trim();
    if (!token && !typed) {
      Toast.show({ content: t('checkin.needCode') });
      return;
    }
    setLocating(true);
    let position: Awaited<ReturnType<typeof currentPosition>>;
    try {
      position = await currentPosition();
    } catch {
      Toast.show({ icon: 'fail', content: t('checkin.noLocation') });
      return;
    } finally {
      setLocating(false);
    }
    const body = typed ? { code: typed, position } : { token: token as string, position };
    attendance[direction].mutate(
      { body, headers: { 'Idempotency-Key': newIdempotencyKey() } },
      {
        onSuccess: (value) => {
          setResult({ direction, value });
          setCode('');
          setToken(null);
        },
        onError: (err) => Toast.show({ icon: 'fail', content: errorText(err), duration: 4000 }),
      },
    );
  };

  const busy = locating || attendance.in.isPending || attendance.out.isPending;
  return (
    <SubPage title={t('checkin.title')} back="/h5/my-activities">
      {result ? (
        <>
          <Result
            status="success"
            title={result.direction === 'in' ? t('checkin.checkedIn') : t('checkin.checkedOut')}
            description={result.value.activity.title}
          />
          <List mode="card">
            <List.Item extra={dateTime(result.value.attendance.checkInAt)}>{t('checkin.result.checkedInAt')}</List.Item>
            {result.value.attendance.checkOutAt && (
              <List.Item extra={dateTime(result.value.attendance.checkOutAt)}>
                {t('checkin.result.checkedOutAt')}
              </List.Item>
            )}
            {result.value.attendance.minutes !== null && (
              <List.Item extra={t('checkin.result.minutesValue', { minutes: result.value.attendance.minutes })}>
                {t('checkin.result.minutes')}
              </List.Item>
            )}
            {result.value.attendance.distanceM !== null && (
              <List.Item extra={t('checkin.result.distanceValue', { distance: result.value.attendance.distanceM })}>
                {t('checkin.result.distance')}
              </List.Item>
            )}
          </List>
          <div className="lf-h5-block">
            <Button block onClick={() => setResult(null)}>
              {t('checkin.title')}
            </Button>
            <Button block fill="none" color="primary" onClick={() => navigate('/h5/mine/hours')}>
              {t('checkin.myHours')}
            </Button>
          </div>
        </>
      ) : (
        <Card className="lf-h5-card">
          <p className="lf-h5-muted">{t('checkin.intro')}</p>
          <CodeEntry
            token={token}
            code={code}
            scanning={scanning}
            setScanning={setScanning}
            onScanned={(text) => {
              setToken(tokenFromScan(text));
              setCode('');
              Toast.show({ icon: 'success', content: t('checkin.scanned') });
            }}
            onCode={setCode}
            onNoCamera={() => Toast.show({ content: t('checkin.noCamera') })}
          />
          {locating && <p className="lf-h5-muted">{t('checkin.locating')}</p>}
          <CheckInOutButtons busy={busy} onSubmit={(direction) => void submit(direction)} />
        </Card>
      )}
    </SubPage>
  );
}
