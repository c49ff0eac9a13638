/** Scheduling or editing a session, and marking who attended it (training minutes, not service hours). */
import { App, Form, Input, InputNumber, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { useMe } from '../../api/session.js';
import type { Session } from '../../h5/academy/data.js';
import { formatDateTime } from '../../shared/time.js';
import { RegionTreeSelect } from '../RegionTreeSelect.js';
import { idempotent, useCreateSession, useEnrolments, useMarkAttendance, useUpdateSession } from './data.js';
import { pointComplete, type SessionValues, sessionBody, sessionValues } from './session-form.js';

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
  const [form] = Form.useForm<SessionValues>();
  const regions = (me.data?.roles ?? []).flatMap((r) => (r.region ? [r.region] : []));
  const wholePoint = {
    validator: () =>
      pointComplete(form.getFieldsValue(['lng', 'lat', 'radiusM']))
        ? Promise.resolve()
        : Promise.reject(new Error(t('academy.desk.fields.pointIncomplete'))),
  };
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
        initialValues={sessionValues(session, regions[0]?.code)}
        onFinish={(v) => {
          const body = sessionBody(v);
          const done = { onSuccess: onClose, onError: (e: unknown) => void message.error(errorText(e)) };
          if (session) update.mutate({ params: { path: { id: session.id } }, body }, done);
          else create.mutate({ params: { path: { id: courseId } }, body, headers: idempotent() }, done);
        }}
      >
        <Form.Item name="regionCode" label={t('academy.desk.fields.region')} rules={[{ required: true }]}>
          <RegionTreeSelect aria-label={t('academy.desk.fields.region')} />
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
        <Form.Item label={t('academy.desk.fields.checkinPoint')} style={{ marginBottom: 0 }}>
          <Space wrap align="start">
            <Form.Item
              name="lng"
              label={t('academy.desk.fields.lng')}
              rules={[wholePoint]}
              dependencies={['lat', 'radiusM']}
            >
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item
              name="lat"
              label={t('academy.desk.fields.lat')}
              rules={[wholePoint]}
              dependencies={['lng', 'radiusM']}
            >
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item
              name="radiusM"
              label={t('academy.desk.fields.radius')}
              rules={[wholePoint]}
              dependencies={['lng', 'lat']}
            >
              <InputNumber min={20} max={2000} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Space>
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
