/** 我的培训: total training time (kept apart from service hours) and my enrolments. */
import { Button, Empty } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { hoursOf, useMyTraining } from './data.js';
import { SessionList } from './SessionList.js';
import './academy.css';

export function MyTrainingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyTraining();
  const live = mine.data?.enrolments.filter((e) => e.status !== 'cancelled') ?? [];
  return (
    <SubPage title={t('academy.mine.title')} back="/h5/academy">
      {mine.isPending ? (
        <H5Loading />
      ) : mine.isError ? (
        <H5Error error={mine.error} onRetry={() => mine.refetch()} />
      ) : (
        <>
          <section className="lf-academy-total">
            <span>{t('academy.mine.totalMinutes')}</span>
            <strong>{t('academy.course.minutes', { hours: hoursOf(mine.data.totalMinutes) })}</strong>
            <small>{t('academy.mine.note')}</small>
          </section>
          <div className="lf-h5-block">
            <Button block color="primary" fill="outline" onClick={() => navigate('/h5/academy/checkin')}>
              {t('academy.checkin.title')}
            </Button>
          </div>
          {live.length === 0 ? (
            <div className="lf-h5-block">
              <Empty description={t('academy.mine.empty')} />
              <Button block color="primary" onClick={() => navigate('/h5/academy')}>
                {t('academy.mine.browse')}
              </Button>
            </div>
          ) : (
            <SessionList
              sessions={live}
              showCourse
              canEnrol
              onOpen={(s) => navigate(`/h5/academy/courses/${s.courseId}`)}
            />
          )}
        </>
      )}
    </SubPage>
  );
}
