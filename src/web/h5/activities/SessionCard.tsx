/** One occurrence in a list: title, time, place, seats and the caller's own sign-up. */
import { List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { SessionItem } from '../../activities/data.js';
import { distance, sessionTime, signupColour } from '../../activities/format.js';
import { currentLanguage } from '../../i18n/index.js';

export function SessionRow({ item, onOpen }: { item: SessionItem; onOpen: () => void }) {
  const { t } = useTranslation();
  const en = currentLanguage() === 'en';
  const full = item.taken >= item.quota;
  return (
    <List.Item
      onClick={onOpen}
      description={
        <>
          <div>{sessionTime(item.startsAt, item.endsAt)}</div>
          <div className="lf-h5-muted">
            {item.activity.site?.name ?? item.activity.address}
            {item.distanceM !== null
              ? ` · ${t('activities.search.distance', { distance: distance(item.distanceM) })}`
              : ''}
          </div>
          <div className="lf-h5-muted">
            {item.activity.organisation.name} · {full ? t('activities.full') : t('activities.seats', item)}
            {item.waitlisted > 0 ? ` · ${t('activities.waitlist', { count: item.waitlisted })}` : ''}
          </div>
        </>
      }
      extra={
        item.mySignup && (
          <Tag color={signupColour[item.mySignup.state]}>
            {en ? item.mySignup.stateLabel.en : item.mySignup.stateLabel.zh}
          </Tag>
        )
      }
    >
      <span className="lf-act-title">{item.activity.title}</span>{' '}
      {item.activity.series && (
        <Tag color="primary" fill="outline">
          {item.activity.series}
        </Tag>
      )}{' '}
      <Tag fill="outline">{en ? item.activity.category.nameEn : item.activity.category.name}</Tag>
    </List.Item>
  );
}
