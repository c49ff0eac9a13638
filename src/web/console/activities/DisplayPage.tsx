/** 签到大屏 (display mode) for one activity occurrence: the rotating code for the H5 check-in page. */
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCheckinCode } from '../../activities/checkin-data.js';
import { sessionTime } from '../../activities/format.js';
import { CheckinScreen } from './CheckinScreen.js';

export function DisplayPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const sessionId = params.get('session');
  const code = useCheckinCode(sessionId);

  const back = <Button onClick={() => navigate('/console/activities')}>{t('checkin.display.back')}</Button>;
  if (!sessionId) return <Alert type="info" title={t('checkin.display.noSession')} action={back} />;
  return (
    <CheckinScreen
      title={code.data?.activity.title ?? t('checkin.display.title')}
      subtitle={code.data && sessionTime(code.data.startsAt, code.data.endsAt)}
      code={code.data}
      error={code.isError ? code.error : null}
      checkinPath="/h5/checkin"
      hint={t('checkin.display.hint')}
      back={back}
    />
  );
}
