/** 志愿环翠大讲堂: the coming public lectures (sign up here) and the calendar feed to subscribe to. */
import { Button, Empty, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { LECTURES_ICS, useLectures } from './data.js';
import { SessionList } from './SessionList.js';
import './academy.css';

export function LecturesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lectures = useLectures();
  const feed = `${window.location.origin}${LECTURES_ICS}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(feed);
      Toast.show({ icon: 'success', content: t('academy.lectures.copied') });
    } catch {
      window.open(LECTURES_ICS, '_blank', 'noopener');
    }
  };
  return (
    <SubPage title={t('academy.lectures.title')} back="/h5/academy">
      <p className="lf-academy-intro">{t('academy.lectures.intro')}</p>
      <div className="lf-academy-ics">
        <p>{t('academy.lectures.calendarHint')}</p>
        <a href={LECTURES_ICS}>{feed}</a>
        <Button size="small" color="primary" fill="outline" onClick={() => void copy()}>
          {t('academy.lectures.calendar')}
        </Button>
      </div>
      {lectures.isPending ? (
        <H5Loading />
      ) : lectures.isError ? (
        <H5Error error={lectures.error} onRetry={() => lectures.refetch()} />
      ) : lectures.data.items.length === 0 ? (
        <Empty description={t('academy.lectures.empty')} />
      ) : (
        <SessionList
          sessions={lectures.data.items}
          showCourse
          canEnrol
          onOpen={(s) => navigate(`/h5/academy/courses/${s.courseId}`)}
        />
      )}
    </SubPage>
  );
}
