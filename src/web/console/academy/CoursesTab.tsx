/** The course list; a course opens in a drawer with its sessions and question bank. */
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hoursOf, useCourses } from '../../h5/academy/data.js';
import { formatShortDateTime } from '../../shared/time.js';
import { PageError } from '../PageState.js';
import { CourseDrawer } from './CourseDrawer.js';
import { CourseModal } from './CourseModal.js';

export function CoursesTab() {
  const { t } = useTranslation();
  const courses = useCourses(undefined, 50);
  const rows = courses.data?.pages.flatMap((p) => p.items) ?? [];
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  if (courses.isError) return <PageError error={courses.error} onRetry={() => courses.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setCreating(true)}>
        {t('academy.desk.newCourse')}
      </Button>
      <Table
        rowKey="id"
        loading={courses.isPending}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t('academy.desk.fields.title'),
            render: (_, c) => (
              <Button type="link" onClick={() => setOpen(c.id)} style={{ padding: 0 }}>
                {c.title}
              </Button>
            ),
          },
          { title: t('academy.desk.fields.category'), render: (_, c) => t(`academy.categories.${c.category}`) },
          { title: t('academy.desk.fields.partner'), render: (_, c) => c.partner?.name },
          {
            title: t('academy.course.hours'),
            render: (_, c) => t('academy.course.minutes', { hours: hoursOf(c.trainingMinutes) }),
          },
          {
            title: t('academy.course.qualification'),
            render: (_, c) => c.qualification && <Tag color="green">{c.qualification.name}</Tag>,
          },
          { title: t('academy.desk.bank'), dataIndex: 'questionCount' },
          {
            title: t('academy.course.nextSession', { at: '' }).replace(/[：:]\s*$/, ''),
            render: (_, c) => (c.nextSessionAt ? formatShortDateTime(c.nextSessionAt) : '—'),
          },
        ]}
      />
      {courses.hasNextPage && (
        <Button block onClick={() => void courses.fetchNextPage()} loading={courses.isFetchingNextPage}>
          {t('academy.course.loadMore')}
        </Button>
      )}
      {creating && <CourseModal course={null} onClose={() => setCreating(false)} />}
      {open && <CourseDrawer id={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}
