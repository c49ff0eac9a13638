/** 代居民录入: a keeper enters a wish for a resident of their scope (困难老人、留守儿童…), with the resident's consent. */
import { App, Checkbox, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { ApiError, errorText } from '../../api/errors.js';
import { type PlaceWishBody, usePlaceWish } from '../../h5/wishes/data.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { phonePattern } from '../../shared/phone.js';
import { useRegions } from '../data.js';
import { regionOptions } from '../region-options.js';

const groups = ['elderly', 'left_behind_child', 'disabled', 'low_income', 'other'] as const;
const DAY = 86_400_000;

interface Values {
  title: string;
  description?: string;
  beneficiaryGroup: (typeof groups)[number];
  residentPhone?: string;
  contactName?: string;
  contactPhone?: string;
  regionCode: string;
  address: string;
  value?: number;
  days: number;
  consent: boolean;
}

export function EnterWishModal({
  open,
  onClose,
  onEntered,
}: {
  open: boolean;
  onClose: () => void;
  onEntered: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const place = usePlaceWish();
  const key = useRef(newIdempotencyKey());
  const regions = useRegions();
  const tree = useMemo(() => regionOptions(regions.data?.regions ?? []), [regions.data]);
  const communities = useMemo(
    () => new Set((regions.data?.regions ?? []).filter((r) => r.level === 'community').map((r) => r.code)),
    [regions.data],
  );
  const required = (field: string) => ({ required: true, message: t('wishes.place.required', { field }) });

  const submit = (v: Values) => {
    const body: PlaceWishBody = {
      title: v.title.trim(),
      description: v.description?.trim() ?? '',
      beneficiaryGroup: v.beneficiaryGroup,
      regionCode: v.regionCode,
      address: v.address.trim(),
      deadline: new Date(Date.now() + v.days * DAY).toISOString(),
      ...(v.value !== undefined && v.value !== null ? { estimatedValueFen: Math.round(v.value * 100) } : {}),
      contactName: v.contactName?.trim() || undefined,
      contactPhone: v.contactPhone?.trim() || undefined,
      forResident: { consent: true, residentPhone: v.residentPhone?.trim() || undefined },
    };
    place.mutate(
      { body, key: key.current },
      {
        onSuccess: (wish) => {
          void message.success(t('wishes.console.entered'));
          key.current = newIdempotencyKey();
          form.resetFields();
          onEntered(wish.id);
        },
        onError: (err) => {
          if (err instanceof ApiError && err.status < 500) key.current = newIdempotencyKey();
          void message.error(errorText(err));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('wishes.console.enterTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: place.isPending }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ beneficiaryGroup: 'elderly', days: 30, consent: false }}
      >
        <Form.Item name="title" label={t('wishes.fields.title')} rules={[required(t('wishes.fields.title'))]}>
          <Input maxLength={textLimits.wishTitle} placeholder={t('wishes.place.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('wishes.fields.description')}>
          <Input.TextArea maxLength={textLimits.wishDescription} rows={2} />
        </Form.Item>
        <Form.Item name="beneficiaryGroup" label={t('wishes.fields.group')}>
          <Select options={groups.map((g) => ({ value: g, label: t(`wishes.groups.${g}`) }))} />
        </Form.Item>
        <Form.Item
          name="residentPhone"
          label={t('wishes.console.residentPhone')}
          rules={[{ pattern: phonePattern, message: t('wishes.place.required', { field: t('wishes.fields.phone') }) }]}
        >
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="contactName" label={t('wishes.console.residentName')}>
          <Input maxLength={textLimits.wishName} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('wishes.console.residentContact')}
          rules={[{ pattern: phonePattern, message: t('wishes.place.required', { field: t('wishes.fields.phone') }) }]}
        >
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('wishes.fields.community')}
          rules={[
            required(t('wishes.fields.community')),
            {
              validator: (_, v: string | undefined) =>
                !v || communities.has(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('wishes.place.required', { field: t('wishes.fields.community') }))),
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
        <Form.Item name="address" label={t('wishes.fields.address')} rules={[required(t('wishes.fields.address'))]}>
          <Input maxLength={textLimits.wishAddress} />
        </Form.Item>
        <Form.Item name="value" label={`${t('wishes.fields.value')}（元）`}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="days" label={t('wishes.console.deadlineDays')}>
          <InputNumber min={1} max={180} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v: boolean) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('wishes.console.consentRequired'))),
            },
          ]}
        >
          <Checkbox>{t('wishes.console.consent')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
