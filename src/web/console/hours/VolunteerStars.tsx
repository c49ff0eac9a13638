/** A volunteer's confirmed hours and star level, for the console's volunteer drawer. */
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../api/queries.js';
import { hours } from '../../hours/data.js';
import { Stars } from '../../hours/stars.js';

export function VolunteerStars({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const summary = $api.useQuery('get', '/api/v1/volunteers/{id}/hours', { params: { path: { id: volunteerId } } });
  if (summary.isPending) return <Skeleton.Input active size="small" />;
  if (!summary.data) return <span>—</span>;
  const { star, pendingMinutes } = summary.data;
  return (
    <span data-testid="volunteer-hours">
      {t('hours.mine.hoursValue', { hours: hours(star.totalMinutes) })} · <Stars level={star.level} />
      {pendingMinutes > 0 && <> · {t('hours.mine.pending', { hours: hours(pendingMinutes) })}</>}
    </span>
  );
}
