/** 代下单: a keeper places an order for a resident who phoned, was visited, or stood at a kiosk. */
import { App, Form, Input, Modal, Radio, Select, TreeSelect } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { ApiError, errorText } from '../../api/errors.js';
import { currentLanguage } from '../../i18n/index.js';
import { type PlaceOrderBody, useCategories, usePlaceOrder, useStaffMenu } from '../../orders/data.js';
import { newIdempotencyKey, shanghaiDay } from '../../orders/format.js';
import { phonePattern } from '../../shared/phone.js';
import { useRegions } from '../data.js';
import { regionOptions } from '../region-options.js';

interface Values {
  channel: 'phone' | 'door' | 'kiosk';
  residentPhone?: string;
  contactName?: string;
  contactPhone?: string;
  menuItemId?: string;
  categoryCode?: string;
  title?: string;
  description?: string;
  regionCode: string;
  address: string;
  windowStart: string;
  windowEnd: string;
  urgency: 'normal' | 'urgent';
}

/** A datetime-local value read as Shanghai time. */
const shanghai = (local: string) => `${local.length === 16 ? `${local}:00` : local}+08:00`;

export function PlaceForResidentModal({
  open,
  onClose,
  onPlaced,
}: {
  open: boolean;
  onClose: () => void;
  onPlaced: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const place = usePlaceOrder();
  const key = useRef(newIdempotencyKey());
  const regions = useRegions();
  const menu = useStaffMenu({ active: 'true' });
  const categories = useCategories();
  const tree = useMemo(() => regionOptions(regions.data?.regions ?? []), [regions.data]);
  const communities = useMemo(
    () => new Set((regions.data?.regions ?? []).filter((r) => r.level === 'community').map((r) => r.code)),
    [regions.data],
  );
  const menuItemId = Form.useWatch('menuItemId', form);
  const en = currentLanguage() === 'en';
  const tomorrow = shanghaiDay(new Date(), 1);
  const required = { required: true, message: t('orders.console.required') };

  const submit = (v: Values) => {
    const body: PlaceOrderBody = {
      ...(v.menuItemId ? { menuItemId: v.menuItemId } : { categoryCode: v.categoryCode, title: v.title?.trim() }),
      description: v.description?.trim() ?? '',
      regionCode: v.regionCode,
      address: v.address.trim(),
      windowStart: shanghai(v.windowStart),
      windowEnd: shanghai(v.windowEnd),
      urgency: v.urgency,
      photoFileIds: [],
      contactName: v.contactName?.trim() || undefined,
      contactPhone: v.contactPhone?.trim() || undefined,
      onBehalf: { channel: v.channel, residentPhone: v.residentPhone?.trim() || undefined },
    };
    place.mutate(
      { body, key: key.current },
      {
        onSuccess: (order) => {
          void message.success(t('orders.console.placed'));
          key.current = newIdempotencyKey();
          form.resetFields();
          onPlaced(order.id);
        },
        onError: (err) => {
          if (err instanceof ApiError && err.status < 500) key.current = newIdempotencyKey();
          const fields = err instanceof ApiError ? err.fieldErrors() : {};
          form.setFields(Object.entries(fields).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
          void message.error(errorText(err));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('orders.console.placeForResident')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('orders.place.submit')}
      confirmLoading={place.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          channel: 'phone',
          urgency: 'normal',
          windowStart: `${tomorrow}T09:00`,
          windowEnd: `${tomorrow}T11:00`,
        }}
      >
        <Form.Item name="channel" label={t('orders.fields.channel')} rules={[required]}>
          <Radio.Group optionType="button">
            {(['phone', 'door', 'kiosk'] as const).map((c) => (
              <Radio key={c} value={c}>
                {t(`orders.channels.${c}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="residentPhone"
          label={t('orders.console.residentPhone')}
          extra={t('orders.console.residentPhoneHint')}
          rules={[{ pattern: phonePattern, message: t('auth.phoneInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item name="contactName" label={t('orders.fields.contact')}>
          <Input maxLength={textLimits.orderContactName} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('orders.fields.contactPhone')}
          rules={[{ pattern: phonePattern, message: t('auth.phoneInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item name="menuItemId" label={t('orders.place.item')} extra={t('orders.console.freeHint')}>
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(menu.data?.pages.flatMap((p) => p.items) ?? []).map((i) => ({ value: i.id, label: i.title }))}
          />
        </Form.Item>
        {!menuItemId && (
          <>
            <Form.Item name="categoryCode" label={t('orders.fields.category')} rules={[required]}>
              <Select<string>
                options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: en ? c.nameEn : c.name }))}
              />
            </Form.Item>
            <Form.Item name="title" label={t('orders.fields.title')} rules={[required]}>
              <Input maxLength={textLimits.orderTitle} placeholder={t('orders.place.titlePlaceholder')} />
            </Form.Item>
          </>
        )}
        <Form.Item name="description" label={t('orders.fields.description')}>
          <Input.TextArea rows={2} maxLength={textLimits.orderDescription} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('orders.fields.community')}
          rules={[
            required,
            {
              validator: (_, v?: string) =>
                !v || communities.has(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('orders.console.pickCommunity'))),
            },
          ]}
        >
          <TreeSelect<string>
            showSearch
            treeData={tree}
            treeNodeFilterProp="title"
            treeDefaultExpandedKeys={regions.data?.roots}
          />
        </Form.Item>
        <Form.Item name="address" label={t('orders.fields.address')} rules={[required]}>
          <Input maxLength={textLimits.orderAddress} placeholder={t('orders.place.addressPlaceholder')} />
        </Form.Item>
        <Form.Item name="windowStart" label={t('orders.fields.windowStart')} rules={[required]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="windowEnd" label={t('orders.fields.windowEnd')} rules={[required]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="urgency" label={t('orders.fields.urgency')}>
          <Radio.Group optionType="button">
            <Radio value="normal">{t('orders.urgencies.normal')}</Radio>
            <Radio value="urgent">{t('orders.urgencies.urgent')}</Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
