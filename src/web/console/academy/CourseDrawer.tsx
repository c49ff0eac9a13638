/** A course at the desk: edit or withdraw it; its sessions (create, edit, cancel, mark attendance); its question bank. */
import { App, Button, Drawer, Form, Input, InputNumber, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { type Session, useCourse } from '../../h5/academy/data.js';
import { timeWindow } from '../../orders/format.js';
import { PageError, PageLoading } from '../PageState.js';
import { CourseModal } from './CourseModal.js';
import { useAddQuestions, useArchiveCourse, useBank, useCancelSession } from './data.js';
import { AttendanceModal, SessionModal } from './SessionModals.js';

/** Asks for a reason, then runs `act` with it. */
function useReasonPrompt() {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return (title: string, act: (reason: string) => Promise<unknown>) => {
    let reason = '';
    modal.confirm({
      title,
      content: (
        <Input.TextArea
          aria-label={t('academy.desk.reason')}
          placeholder={t('academy.desk.reason')}
          maxLength={textLimits.academyCancelReason}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      onOk: () => (reason.trim() ? act(reason.trim()) : Promise.reject(new Error(t('academy.desk.reasonRequired')))),
    });
  };
}

export function CourseDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const course = useCourse(id);
  const archive = useArchiveCourse();
  const cancel = useCancelSession();
  const ask = useReasonPrompt();
  const [editing, setEditing] = useState(false);
  const [session, setSession] = useState<Session | 'new' | null>(null);
  const [attendance, setAttendance] = useState<Session | null>(null);
  const fail = (e: unknown) => void message.error(errorText(e));
  const c = course.data;
  return (
    <Drawer open width={820} title={c?.title} onClose={onClose}>
      {course.isPending ? (
        <PageLoading />
      ) : course.isError ? (
        <PageError error={course.error} onRetry={() => course.refetch()} />
      ) : (
        c && (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Space>
              <Button onClick={() => setEditing(true)}>{t('academy.desk.editCourse')}</Button>
              <Button
                danger
                onClick={() =>
                  ask(t('academy.desk.archiveTitle', { title: c.title }), (reason) =>
                    archive.mutateAsync({ params: { path: { id: c.id } }, body: { reason } }).then(onClose, fail),
                  )
                }
              >
                {t('academy.desk.archive')}
              </Button>
            </Space>
            <div>
              <Space style={{ marginBottom: 8 }}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('academy.desk.sessions')}
                </Typography.Title>
                <Button size="small" type="primary" onClick={() => setSession('new')}>
                  {t('academy.desk.newSession')}
                </Button>
              </Space>
              <Table
                rowKey="id"
                size="small"
                dataSource={c.sessions}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: t('academy.desk.fields.startsAt'), render: (_, s) => timeWindow(s.startsAt, s.endsAt) },
                  { title: t('academy.desk.fields.place'), dataIndex: 'place' },
                  { title: t('academy.desk.fields.capacity'), render: (_, s) => `${s.enrolled} / ${s.capacity}` },
                  {
                    title: '',
                    render: (_, s) =>
                      s.cancelled ? (
                        <Tag>{t('academy.desk.cancelled')}</Tag>
                      ) : (
                        <Space size={4} wrap>
                          <Button size="small" onClick={() => setAttendance(s)}>
                            {t('academy.desk.attendance')}
                          </Button>
                          {s.checkinPoint && Date.parse(s.endsAt) > Date.now() && (
                            <Button size="small" onClick={() => navigate(`/console/academy/sessions/${s.id}/screen`)}>
                              {t('academy.screen.open')}
                            </Button>
                          )}
                          {Date.parse(s.startsAt) > Date.now() && (
                            <>
                              <Button size="small" onClick={() => setSession(s)}>
                                {t('academy.desk.editSession')}
                              </Button>
                              <Button
                                size="small"
                                danger
                                onClick={() =>
                                  ask(t('academy.desk.cancelSessionTitle'), (reason) =>
                                    cancel
                                      .mutateAsync({ params: { path: { id: s.id } }, body: { reason } })
                                      .catch(fail),
                                  )
                                }
                              >
                                {t('academy.desk.cancelSession')}
                              </Button>
                            </>
                          )}
                        </Space>
                      ),
                  },
                ]}
              />
            </div>
            <Bank courseId={c.id} />
          </Space>
        )
      )}
      {editing && c && <CourseModal course={c} onClose={() => setEditing(false)} />}
      {session && c && (
        <SessionModal courseId={c.id} session={session === 'new' ? null : session} onClose={() => setSession(null)} />
      )}
      {attendance && c && (
        <AttendanceModal session={attendance} minutes={c.trainingMinutes} onClose={() => setAttendance(null)} />
      )}
    </Drawer>
  );
}

function Bank({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bank = useBank(courseId);
  const add = useAddQuestions();
  const [form] = Form.useForm<{ prompt: string; options: string; answer: number }>();
  return (
    <div>
      <Typography.Title level={5}>{t('academy.desk.bank')}</Typography.Title>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          add.mutate(
            {
              params: { path: { id: courseId } },
              body: {
                questions: [
                  {
                    prompt: v.prompt,
                    options: v.options
                      .split('\n')
                      .map((o) => o.trim())
                      .filter(Boolean),
                    answer: v.answer - 1,
                  },
                ],
              },
            },
            { onSuccess: () => form.resetFields(), onError: (e) => void message.error(errorText(e)) },
          )
        }
      >
        <Form.Item name="prompt" label={t('academy.desk.fields.prompt')} rules={[{ required: true }]}>
          <Input maxLength={textLimits.academyQuestionPrompt} />
        </Form.Item>
        <Form.Item name="options" label={t('academy.desk.fields.options')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="answer" label={t('academy.desk.fields.answer')} rules={[{ required: true }]}>
          <InputNumber min={1} max={6} />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t('academy.desk.addQuestion')}
        </Button>
      </Form>
      <List
        size="small"
        loading={bank.isPending}
        dataSource={bank.data?.items ?? []}
        renderItem={(q, i) => (
          <List.Item>
            {i + 1}. {q.prompt}{' '}
            {q.options.map((o, j) => (
              <Tag key={o} color={j === q.answer ? 'green' : undefined}>
                {o}
              </Tag>
            ))}
          </List.Item>
        )}
      />
    </div>
  );
}
