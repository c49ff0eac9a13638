/** The charity sales of the caller's scope, newest day first, with live totals; a new one by form. */
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { yuanOf } from '../../charity/strings.js';
import { type CharityEvent, useCreateEvent, useEvents, useFunds } from './data.js';
import { RegionSelect } from './RegionSelect.js';

export const stateColour: Record<CharityEvent['state'], string> = {
  planned: 'default',
  open: 'processing',
  closed: 'warning',
  reported: 'success',
};

export function EventsTab() {
  const { t } = useTranslation();
  const events = useEvents();
  const [adding, setAdding] = useState(false);
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setAdding(true)}>
        {t('charity.console.events.add')}
      </Button>
      <Table<CharityEvent>
        rowKey="id"
        loading={events.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('charity.console.events.titleField'),
            render: (_, e) => <Link to={`/console/charity/events/${e.id}`}>{e.title}</Link>,
          },
          { title: t('charity.console.events.heldOn'), dataIndex: 'heldOn' },
          { title: t('charity.console.events.fund'), render: (_, e) => e.fund.name },
          {
            title: t('charity.console.events.state'),
            render: (_, e) => <Tag color={stateColour[e.state]}>{t(`charity.eventStates.${e.state}`)}</Tag>,
          },
          { title: t('charity.console.events.total'), render: (_, e) => `¥${yuanOf(e.totals.totalFen)}` },
        ]}
      />
      {events.hasNextPage && (
        <Button onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
          {t('charity.console.sales.more')}
        </Button>
      )}
      <NewEventModal open={adding} onClose={() => setAdding(false)} />
    </Space>
  );
}

interface Values {
  title: string;
  heldOn: Dayjs;
  regionCode: string;
  address: string;
  fundId: string;
}

function NewEventModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const funds = useFunds();
  const create = useCreateEvent();
  const submit = (v: Values) =>
    create.mutate(
      {
        title: v.title.trim(),
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        regionCode: v.regionCode,
        address: v.address.trim(),
        fundId: v.fundId,
      },
      {
        onSuccess: () => {
          void message.success(t('charity.console.saved'));
          form.resetFields();
          onClose();
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );
  const required = [{ required: true }];
  return (
    <Modal
      open={open}
      title={t('charity.console.events.add')}
      okText={t('charity.console.confirm')}
      cancelText={t('charity.console.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={t('charity.console.events.titleField')} rules={required}>
          <Input maxLength={textLimits.charityTitle} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('charity.console.events.heldOn')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="regionCode" label={t('charity.console.events.region')} rules={required}>
          <RegionSelect levels={['community']} />
        </Form.Item>
        <Form.Item name="address" label={t('charity.console.events.address')} rules={required}>
          <Input maxLength={textLimits.charityAddress} />
        </Form.Item>
        <Form.Item name="fundId" label={t('charity.console.events.fund')} rules={required}>
          <Select
            loading={funds.isPending}
            options={(funds.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
