/** Add or edit one menu item: what, by whom (a team or a project), the skills it needs, where, how long, how many at once. */
import { App, Form, Input, InputNumber, Modal, Radio, Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { ApiError, errorText } from '../../api/errors.js';
import { currentLanguage } from '../../i18n/index.js';
import { type CreateItemBody, type MenuItem, useAllCategories, useSaveItem } from '../../orders/data.js';
import { useOrganisations } from '../../people/data.js';
import { useRegistrationOptions } from '../../shared/volunteers.js';
import { useRegions } from '../data.js';
import { regionOptions } from '../region-options.js';

type Values = Omit<CreateItemBody, 'regionCode'>;

export function ItemModal({ item, onClose }: { item: MenuItem | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveItem();
  const categories = useAllCategories();
  const teams = useOrganisations({ kind: 'team' });
  const options = useRegistrationOptions();
  const regions = useRegions();
  const tree = useMemo(() => regionOptions(regions.data?.regions ?? []), [regions.data]);
  const providerKind = Form.useWatch('providerKind', form);
  const isNew = item === 'new';
  const en = currentLanguage() === 'en';

  useEffect(() => {
    if (!item) return;
    form.resetFields();
    if (item !== 'new') form.setFieldsValue(item);
  }, [item, form]);

  const submit = (v: Values) => {
    const common = {
      categoryCode: v.categoryCode,
      title: v.title,
      description: v.description ?? '',
      projectName: v.projectName ?? null,
      requiredSkills: v.requiredSkills ?? [],
      areaCodes: v.areaCodes,
      durationMinutes: v.durationMinutes,
      capacity: v.capacity,
      active: v.active ?? true,
    };
    save.mutate(
      isNew
        ? { body: {}, create: { ...common, providerKind: v.providerKind, organisationId: v.organisationId ?? null } }
        : { id: (item as MenuItem).id, body: common },
      {
        onSuccess: () => {
          void message.success(t('orders.menuAdmin.saved'));
          onClose();
        },
        onError: (err) => {
          if (err instanceof ApiError)
            form.setFields(
              Object.entries(err.fieldErrors()).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })),
            );
          void message.error(errorText(err));
        },
      },
    );
  };
  const required = { required: true, message: t('orders.console.required') };

  return (
    <Modal
      open={item !== null}
      title={isNew ? t('orders.menuAdmin.add') : t('orders.menuAdmin.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={640}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ providerKind: 'team', durationMinutes: 60, capacity: 5, active: true, requiredSkills: [] }}
      >
        <Form.Item name="title" label={t('orders.menuAdmin.itemTitle')} rules={[required]}>
          <Input maxLength={textLimits.menuItemTitle} />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('orders.fields.category')} rules={[required]}>
          <Select<string>
            options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: en ? c.nameEn : c.name }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('orders.fields.description')}>
          <Input.TextArea rows={3} maxLength={textLimits.menuItemDescription} />
        </Form.Item>
        <Form.Item name="providerKind" label={t('orders.fields.provider')} rules={[required]}>
          <Radio.Group optionType="button" disabled={!isNew}>
            <Radio value="team">{t('orders.providers.team')}</Radio>
            <Radio value="project">{t('orders.providers.project')}</Radio>
          </Radio.Group>
        </Form.Item>
        {providerKind === 'team' ? (
          <Form.Item name="organisationId" label={t('orders.targets.team')} rules={[required]}>
            <Select<string>
              disabled={!isNew}
              showSearch={{ optionFilterProp: 'label' }}
              options={(teams.data?.pages.flatMap((p) => p.items) ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="projectName" label={t('orders.menuAdmin.project')} rules={[required]}>
            <Input maxLength={textLimits.menuItemProjectName} />
          </Form.Item>
        )}
        <Form.Item name="requiredSkills" label={t('orders.fields.skills')}>
          <Select<string[]>
            mode="multiple"
            options={(options.data?.skills ?? []).map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="areaCodes" label={t('orders.fields.areas')} rules={[required]}>
          <TreeSelect<string[]>
            multiple
            showSearch
            treeData={tree}
            treeNodeFilterProp="title"
            treeDefaultExpandedKeys={regions.data?.roots}
          />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('orders.menuAdmin.minutes')} rules={[required]}>
          <InputNumber min={5} max={1440} />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('orders.menuAdmin.capacity')}
          extra={t('orders.menuAdmin.capacityHint')}
          rules={[required]}
        >
          <InputNumber min={1} max={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
