/** Scheduling or editing a session, and marking who attended it (training minutes, not service hours). */
import { App, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { useMe } from '../../api/session.js';
import type { Session } from '../../h5/academy/data.js';
import { formatDateTime, fromTenantWallTime, tenantWallTime } from '../../shared/time.js';
import { idempotent, useCreateSession, useEnrolments, useMarkAttendance, useUpdateSession } from './data.js';

type Values = { regionCode: string; startsAt: string; endsAt: string; place: string; capacity: number };

export function SessionModal({
  courseId,
  session,
  onClose,
}: {
  courseId: string;
  session: Session | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const create = useCreateSession();
  const update = useUpdateSession();
  const [form] = Form.useForm<Values>();
  const regions = (me.data?.roles ?? []).flatMap((r) => (r.region ? [r.region] : []));
  const initial: Partial<Values> = session
    ? { ...session, startsAt: tenantWallTime(session.startsAt), endsAt: tenantWallTime(session.endsAt) }
    : { regionCode: regions[0]?.code, capacity: 30 };
  return (
    <Modal
      open
      title={session ? t('academy.desk.editSession') : t('academy.desk.newSession')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => {
          const body = {
            ...v,
            startsAt: fromTenantWallTime(v.startsAt).toISOString(),
            endsAt: fromTenantWallTime(v.endsAt).toISOString(),
          };
          const done = { onSuccess: onClose, onError: (e: unknown) => void message.error(errorText(e)) };
          if (session) update.mutate({ params: { path: { id: session.id } }, body }, done);
          else create.mutate({ params: { path: { id: courseId } }, body, headers: idempotent() }, done);
        }}
      >
        <Form.Item name="regionCode" label={t('academy.desk.fields.region')} rules={[{ required: true }]}>
          <Select options={regions.map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item name="startsAt" label={t('academy.desk.fields.startsAt')} rules={[{ required: true }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('academy.desk.fields.endsAt')} rules={[{ required: true }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="place" label={t('academy.desk.fields.place')} rules={[{ required: true }]}>
          <Input maxLength={textLimits.academySessionPlace} />
        </Form.Item>
        <Form.Item name="capacity" label={t('academy.desk.fields.capacity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AttendanceModal({
  session,
  minutes,
  onClose,
}: {
  session: Session;
  minutes: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useEnrolments(session.id);
  const mark = useMarkAttendance();
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <Modal
      open
      width={640}
      title={t('academy.desk.attendanceTitle', { title: session.courseTitle })}
      okText={t('academy.desk.markSelected')}
      okButtonProps={{ disabled: selected.length === 0 }}
      confirmLoading={mark.isPending}
      onCancel={onClose}
      onOk={() =>
        mark.mutate(
          { params: { path: { id: session.id } }, body: { enrolmentIds: selected }, headers: idempotent() },
          {
            onSuccess: (r) => {
              void message.success(t('academy.desk.marked', { count: r.marked, minutes }));
              setSelected([]);
              void list.refetch();
            },
            onError: (e) => void message.error(errorText(e)),
          },
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('academy.desk.noEnrolments') }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (e) => ({ disabled: e.status !== 'enrolled', 'aria-label': e.name }),
        }}
        columns={[
          { title: t('academy.desk.holder'), dataIndex: 'name' },
          { title: t('academy.desk.enrolledAt'), render: (_, e) => formatDateTime(e.enrolledAt) },
          { title: '', render: (_, e) => t(`academy.session.${e.status}`) },
        ]}
      />
    </Modal>
  );
}
