/** 培训签到大屏: a training session's rotating code, shown on the screen at the session's place. */
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { sessionTime } from '../../activities/format.js';
import { CheckinScreen } from '../activities/CheckinScreen.js';
import { useTrainingCheckinCode } from './data.js';

export function TrainingScreenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const code = useTrainingCheckinCode(id);
  const d = code.data;
  return (
    <CheckinScreen
      title={d ? t('academy.screen.title', { title: d.courseTitle }) : t('academy.screen.titleShort')}
      subtitle={d && `${sessionTime(d.startsAt, d.endsAt)} · ${d.place}`}
      code={d}
      error={code.isError ? code.error : null}
      checkinPath="/h5/academy/checkin"
      hint={t('academy.screen.hint')}
      back={<Button onClick={() => navigate('/console/academy')}>{t('academy.screen.back')}</Button>}
    />
  );
}
