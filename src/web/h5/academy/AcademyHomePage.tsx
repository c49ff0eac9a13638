/** 培训学院: the course catalogue by category, with links to my training, my qualifications and the lectures. */
import { Button, CapsuleTabs, Empty, List, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dateTime } from '../../orders/format.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { type Category, categories, hoursOf, useCourses } from './data.js';
import './academy.css';

export function AcademyHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [category, setCategory] = useState<Category | 'all'>('all');
  const courses = useCourses(category === 'all' ? undefined : category);
  const items = courses.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <SubPage title={t('academy.title')} back="/h5">
      <p className="lf-academy-intro">{t('academy.intro')}</p>
      <div className="lf-academy-links">
        <Button color="primary" onClick={() => navigate('/h5/academy/mine')}>
          {t('academy.links.mine')}
        </Button>
        <Button onClick={() => navigate('/h5/academy/qualifications')}>{t('academy.links.qualifications')}</Button>
        <Button onClick={() => navigate('/h5/academy/lectures')}>{t('academy.links.lectures')}</Button>
      </div>
      <CapsuleTabs activeKey={category} onChange={(k) => setCategory(k as Category | 'all')}>
        {(['all', ...categories] as const).map((c) => (
          <CapsuleTabs.Tab key={c} title={t(`academy.categories.${c}`)} />
        ))}
      </CapsuleTabs>
      {courses.isPending ? (
        <H5Loading />
      ) : courses.isError ? (
        <H5Error error={courses.error} onRetry={() => courses.refetch()} />
      ) : items.length === 0 ? (
        <Empty description={t('academy.course.empty')} />
      ) : (
        <List mode="card">
          {items.map((c) => (
            <List.Item
              key={c.id}
              onClick={() => navigate(`/h5/academy/courses/${c.id}`)}
              description={
                <div className="lf-academy-meta">
                  {c.partner && <span>{c.partner.name}</span>}
                  <span>
                    {t('academy.course.hours')} {t('academy.course.minutes', { hours: hoursOf(c.trainingMinutes) })}
                  </span>
                  <span>
                    {c.nextSessionAt
                      ? t('academy.course.nextSession', { at: dateTime(c.nextSessionAt) })
                      : t('academy.course.noNextSession')}
                  </span>
                </div>
              }
              extra={c.qualification && <Tag color="success">{c.qualification.name}</Tag>}
            >
              <span className="lf-academy-title">{c.title}</span>
            </List.Item>
          ))}
        </List>
      )}
      {courses.hasNextPage && (
        <div className="lf-h5-block">
          <Button block onClick={() => void courses.fetchNextPage()} loading={courses.isFetchingNextPage}>
            {t('academy.course.loadMore')}
          </Button>
        </div>
      )}
    </SubPage>
  );
}
