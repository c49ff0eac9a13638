/** Service categories: every staff member reads them; the centre admin adds, renames, orders and retires them. */
import { App, Button, Form, Input, InputNumber, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { ApiError, errorText } from '../../api/errors.js';
import { type Category, useAllCategories, useSaveCategory } from '../../orders/data.js';
import { PageError } from '../PageState.js';

/** A category code is a format (the server's pattern: a letter, then up to 39 of a–z, 0–9, _), not free text. */
const CODE_MAX = 40;

export function CategoriesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const categories = useAllCategories();
  const save = useSaveCategory();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const [form] = Form.useForm<Category>();
  const isNew = editing === 'new';

  const submit = (v: Category) =>
    save.mutate(
      {
        code: isNew ? v.code : (editing as Category).code,
        body: { name: v.name, nameEn: v.nameEn, sort: v.sort, active: v.active },
      },
      {
        onSuccess: () => {
          void message.success(t('orders.menuAdmin.saved'));
          setEditing(null);
        },
        onError: (err) => {
          if (err instanceof ApiError)
            form.setFields(
              Object.entries(err.fieldErrors()).map(([name, msg]) => ({ name: name as keyof Category, errors: [msg] })),
            );
          void message.error(errorText(err));
        },
      },
    );

  return (
    <>
      <p className="lf-orders-hint">{t('orders.menuAdmin.categoriesHint')}</p>
      <Button
        style={{ marginBottom: 16 }}
        onClick={() => {
          form.resetFields();
          setEditing('new');
        }}
      >
        {t('orders.menuAdmin.addCategory')}
      </Button>
      {categories.isError && <PageError error={categories.error} onRetry={() => categories.refetch()} />}
      <Table<Category>
        rowKey="code"
        dataSource={categories.data?.items ?? []}
        loading={categories.isPending}
        pagination={false}
        size="small"
        columns={[
          { title: t('orders.menuAdmin.code'), dataIndex: 'code', key: 'code' },
          {
            title: t('orders.menuAdmin.name'),
            key: 'name',
            render: (_, c) => (
              <Button
                type="link"
                style={{ padding: 0 }}
                onClick={() => {
                  form.setFieldsValue(c);
                  setEditing(c);
                }}
              >
                {c.name}
              </Button>
            ),
          },
          { title: t('orders.menuAdmin.nameEn'), dataIndex: 'nameEn', key: 'nameEn', responsive: ['md'] },
          { title: t('orders.menuAdmin.sort'), dataIndex: 'sort', key: 'sort', responsive: ['md'] },
          {
            title: t('orders.menuAdmin.active'),
            key: 'active',
            render: (_, c) =>
              c.active ? <Tag color="green">{t('orders.menuAdmin.on')}</Tag> : <Tag>{t('orders.menuAdmin.off')}</Tag>,
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={isNew ? t('orders.menuAdmin.addCategory') : t('orders.menuAdmin.editCategory')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form<Category> form={form} layout="vertical" onFinish={submit} initialValues={{ sort: 100, active: true }}>
          <Form.Item
            name="code"
            label={t('orders.menuAdmin.code')}
            extra={t('orders.menuAdmin.codeHint')}
            rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('orders.menuAdmin.codeHint') }]}
          >
            <Input disabled={!isNew} maxLength={CODE_MAX} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('orders.menuAdmin.name')}
            rules={[{ required: true, message: t('orders.console.required') }]}
          >
            <Input maxLength={textLimits.serviceCategoryName} />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('orders.menuAdmin.nameEn')}
            rules={[{ required: true, message: t('orders.console.required') }]}
          >
            <Input maxLength={textLimits.serviceCategoryNameEn} />
          </Form.Item>
          <Form.Item name="sort" label={t('orders.menuAdmin.sort')}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
          <Form.Item name="active" label={t('orders.menuAdmin.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
