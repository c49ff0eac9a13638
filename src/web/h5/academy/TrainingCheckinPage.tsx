/**
 * 培训签到: scan the training session's screen (or arrive from its QR link with `?t=`), or type the
 * 6-digit code under its QR code, then check in or out; the browser's position goes with it and the server judges the geofence. Checking out records
 * training minutes, which never count as service hours or points. Errors stay on the page with what
 * to do next.
 */
import { Button, Card, List, Result } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { currentPosition, tokenFromScan } from '../../activities/checkin-data.js';
import { dateTime } from '../../activities/format.js';
import '../../activities/strings.js';
import { ApiError, errorText } from '../../api/errors.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { CheckInOutButtons, CodeEntry } from '../activities/CodeEntry.js';
import { SubPage } from '../people/states.js';
import '../activities/activities.css';
import { hoursOf, type TrainingAttendance, useTrainingAttendance } from './data.js';

/** Codes after which the scanned token is of no further use: the person scans the screen again. */
const RESCAN = new Set(['CHECKIN_CODE_EXPIRED', 'CHECKIN_CODE_INVALID']);

export function TrainingCheckinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [token, setToken] = useState<string | null>(params.get('t'));
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<{ text: string; code: string | null } | null>(null);
  const [result, setResult] = useState<{ direction: 'in' | 'out'; value: TrainingAttendance } | null>(null);
  const attendance = useTrainingAttendance();

  const submit = async (direction: 'in' | 'out') => {
    const typed = code.trim();
    if (!token && !typed) {
      setProblem({ text: t('academy.checkin.needScan'), code: null });
      return;
    }
    setProblem(null);
    setLocating(true);
    let position: Awaited<ReturnType<typeof currentPosition>>;
    try {
      position = await currentPosition();
    } catch {
      setProblem({ text: t('checkin.noLocation'), code: null });
      return;
    } finally {
      setLocating(false);
    }
    attendance[direction].mutate(
      {
        body: typed ? { code: typed, position } : { token: token as string, position },
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      },
      {
        onSuccess: (value) => {
          setResult({ direction, value });
          setToken(null);
          setCode('');
        },
        onError: (err) => {
          const code = err instanceof ApiError ? err.code : null;
          if (code && RESCAN.has(code)) setToken(null);
          setProblem({ text: errorText(err), code });
        },
      },
    );
  };

  const busy = locating || attendance.in.isPending || attendance.out.isPending;
  const r = result?.value;
  return (
    <SubPage title={t('academy.checkin.title')} back="/h5/academy/mine">
      {r && result ? (
        <>
          <Result
            status="success"
            title={result.direction === 'in' ? t('academy.checkin.checkedIn') : t('academy.checkin.checkedOut')}
            description={`${r.courseTitle} · ${r.place}`}
          />
          <List mode="card">
            {r.checkedInAt && <List.Item extra={dateTime(r.checkedInAt)}>{t('checkin.result.checkedInAt')}</List.Item>}
            {r.checkedOutAt && (
              <List.Item extra={dateTime(r.checkedOutAt)}>{t('checkin.result.checkedOutAt')}</List.Item>
            )}
            {r.trainingMinutes !== null && (
              <List.Item
                extra={t('academy.checkin.minutesValue', {
                  minutes: r.trainingMinutes,
                  hours: hoursOf(r.trainingMinutes),
                })}
                description={t('academy.checkin.notService')}
              >
                {t('academy.checkin.minutes')}
              </List.Item>
            )}
          </List>
          <div className="lf-h5-block">
            {result.direction === 'in' && <p className="lf-h5-muted">{t('academy.checkin.outLater')}</p>}
            <Button
              block
              onClick={() => {
                // 扫码签退 opens the scanner straight away.
                setScanning(result.direction === 'in');
                setResult(null);
              }}
            >
              {result.direction === 'in' ? t('academy.checkin.toCheckOut') : t('academy.checkin.title')}
            </Button>
            <Button block fill="none" color="primary" onClick={() => navigate('/h5/academy/mine')}>
              {t('academy.checkin.myTraining')}
            </Button>
          </div>
        </>
      ) : (
        <Card className="lf-h5-card">
          <p className="lf-h5-muted">{t('academy.checkin.intro')}</p>
          <CodeEntry
            token={token}
            code={code}
            scanning={scanning}
            setScanning={setScanning}
            onScanned={(text) => {
              setToken(tokenFromScan(text));
              setCode('');
              setProblem(null);
            }}
            onCode={setCode}
            onNoCamera={() => setProblem({ text: t('academy.checkin.noCamera'), code: null })}
          />
          {problem && (
            <div className="lf-checkin-result" data-kind="error" role="alert">
              {problem.text}
              {problem.code === 'CHECKIN_NOT_SIGNED_UP' && (
                <Button size="small" fill="none" color="primary" onClick={() => navigate('/h5/academy')}>
                  {t('academy.checkin.toCourses')}
                </Button>
              )}
            </div>
          )}
          {locating && <p className="lf-h5-muted">{t('checkin.locating')}</p>}
          <div style={{ marginTop: 16 }}>
            <CheckInOutButtons busy={busy} onSubmit={(direction) => void submit(direction)} />
          </div>
        </Card>
      )}
    </SubPage>
  );
}
