import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  type FormInstance,
  Input,
  Popconfirm,
  Space,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { ApiError, errorText } from '../../api/errors.js';
import { phonePattern } from '../../shared/phone.js';
import { siteZones } from '../../sites/data.js';
import { type StaffSite, type UpdateSiteBody, useAddStaff, useRemoveStaff, useUpdateSite } from './data.js';

interface InfoForm {
  address: string;
  openingHours: string;
  description: string;
  zones: StaffSite['zones'];
}

export function SiteInfoTab({ site }: { site: StaffSite }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InfoForm>();
  const [staffForm] = Form.useForm<{ phone: string; title: string }>();
  const update = useUpdateSite(site.id);
  const addStaff = useAddStaff(site.id);
  const removeStaff = useRemoveStaff(site.id);

  const save = (v: InfoForm) => {
    const body: UpdateSiteBody = {
      address: v.address?.trim() || null,
      openingHours: v.openingHours?.trim() || null,
      description: v.description?.trim() || null,
      zones: v.zones,
    };
    update.mutate(
      { params: { path: { id: site.id } }, body },
      {
        onSuccess: () => void message.success(t('siteConsole.saved')),
        onError: (e) => showFieldErrors(e, form, (text) => void message.error(text)),
      },
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('siteConsole.info')}>
        <Form<InfoForm>
          form={form}
          layout="vertical"
          initialValues={{
            address: site.address ?? '',
            openingHours: site.openingHours ?? '',
            description: site.description ?? '',
            zones: site.zones,
          }}
          onFinish={save}
          style={{ maxWidth: 640 }}
        >
          <Form.Item name="address" label={t('sitePages.address')}>
            <Input maxLength={textLimits.siteAddress} />
          </Form.Item>
          <Form.Item name="openingHours" label={t('sitePages.hours')}>
            <Input maxLength={textLimits.siteOpeningHours} placeholder={t('siteConsole.hoursPlaceholder')} />
          </Form.Item>
          <Form.Item name="description" label={t('siteConsole.description')}>
            <Input.TextArea maxLength={textLimits.siteDescription} showCount rows={3} />
          </Form.Item>
          <Form.Item name="zones" label={t('sitePages.zones')}>
            <Checkbox.Group options={siteZones.map((z) => ({ value: z, label: t(`siteZones.${z}`) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('siteConsole.save')}
          </Button>
        </Form>
      </Card>

      <Card title={t('siteConsole.staff')}>
        <Table
          rowKey="userId"
          size="small"
          pagination={false}
          dataSource={site.staff}
          locale={{ emptyText: t('siteConsole.noStaff') }}
          columns={[
            { title: t('siteConsole.staffName'), dataIndex: 'displayName' },
            { title: t('siteConsole.staffTitle'), dataIndex: 'title' },
            { title: t('siteConsole.phone'), dataIndex: 'phoneMasked' },
            {
              title: '',
              key: 'remove',
              render: (_: unknown, s: StaffSite['staff'][number]) => (
                <Popconfirm
                  title={t('siteConsole.removeStaffConfirm')}
                  onConfirm={() => removeStaff.mutate({ params: { path: { id: site.id, userId: s.userId } } })}
                >
                  <Button size="small" danger>
                    {t('siteConsole.remove')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('siteConsole.addStaffHint')}
        </Typography.Paragraph>
        <Form
          form={staffForm}
          layout="inline"
          initialValues={{ title: '专管员' }}
          onFinish={(v) =>
            addStaff.mutate(
              { params: { path: { id: site.id } }, body: v },
              {
                onSuccess: () => {
                  staffForm.resetFields(['phone']);
                  void message.success(t('siteConsole.saved'));
                },
                onError: (e) => showFieldErrors(e, staffForm, (text) => void message.error(text)),
              },
            )
          }
        >
          <Form.Item name="phone" label={t('siteConsole.phone')} rules={[{ required: true, pattern: phonePattern }]}>
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="title" label={t('siteConsole.staffTitle')} rules={[{ required: true }]}>
            <Input maxLength={textLimits.siteStaffTitle} />
          </Form.Item>
          <Button htmlType="submit" loading={addStaff.isPending}>
            {t('siteConsole.addStaff')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

/**
 * Puts the server's field errors beside the fields of `form`; anything else (a conflict, a lost
 * connection) is shown as a message.
 */
export function showFieldErrors<T>(error: unknown, form: FormInstance<T>, notify: (text: string) => void) {
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  const names = Object.keys(fields);
  if (names.length > 0)
    form.setFields(names.map((name) => ({ name: name as never, errors: [fields[name] as string] })));
  else notify(errorText(error));
}
