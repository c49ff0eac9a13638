/** 我的 → 我的服务时长, with the confirmed total and the star level at a glance; for team leaders also 本队待确认时长. */
import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hours, useLeadsATeam, useMyHours } from '../../hours/data.js';
import { Stars } from '../../hours/stars.js';

export function MyHoursEntry() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summary = useMyHours();
  const leads = useLeadsATeam();
  const star = summary.data?.star;
  return (
    <>
      <List.Item
        onClick={() => navigate('/h5/mine/hours')}
        description={star ? <Stars level={star.level} testId="mine-stars" /> : undefined}
        extra={
          star ? (
            <span data-testid="mine-hours">{t('hours.mine.hoursValue', { hours: hours(star.totalMinutes) })}</span>
          ) : undefined
        }
      >
        {t('hours.mine.entry')}
      </List.Item>
      {leads && (
        <List.Item onClick={() => navigate('/h5/mine/team-records')} data-testid="team-records-entry">
          {t('hours.team.entry')}
        </List.Item>
      )}
    </>
  );
}
