/** 培训学院 desk: courses with their sessions, attendance and question banks; the verification queue; partners. */
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import '../../h5/academy/strings.js';
import { usePageTitle } from '../PageState.js';
import { CoursesTab } from './CoursesTab.js';
import { PartnersTab, QualificationsTab } from './QueueTabs.js';
import { SkillsTab } from './SkillsTab.js';

export function AcademyPage() {
  const { t } = useTranslation();
  usePageTitle(t('academy.desk.title'));
  return (
    <>
      <Typography.Title level={3}>{t('academy.desk.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'courses', label: t('academy.desk.tabs.courses'), children: <CoursesTab /> },
          { key: 'verify', label: t('academy.desk.tabs.qualifications'), children: <QualificationsTab /> },
          { key: 'partners', label: t('academy.desk.tabs.partners'), children: <PartnersTab /> },
          { key: 'skills', label: t('academy.desk.tabs.skills'), children: <SkillsTab /> },
        ]}
      />
    </>
  );
}
