import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import {
  type FamilyRelation,
  type FamilySummary,
  familyRelations,
  useAddFamilyMember,
  useCreateFamily,
  useFamilies,
  useFamily,
} from '../../people/data.js';
import { phonePattern } from '../../shared/phone.js';
import { PageError, usePageTitle } from '../PageState.js';
import { type RegionOption, useRegionOptions } from '../region-options.js';

/** Only communities can be chosen as a family's home; districts and subdistricts are just for browsing. */
const communitiesOnly = (options: RegionOption[]): (RegionOption & { selectable: boolean })[] =>
  options.map((o) => ({
    ...o,
    selectable: !o.children,
    children: o.children ? communitiesOnly(o.children) : undefined,
  }));

/** 志愿服务家庭: the families of the communities in scope; register one at the desk and add members. */
export function FamiliesPage() {
  const { t } = useTranslation();
  usePageTitle(t('people.familiesConsole.title'));
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | undefined>();
  const regions = useRegionOptions();
  const families = useFamilies(regionCode);
  const rows = useMemo(() => families.data?.pages.flatMap((p) => p.items) ?? [], [families.data]);

  const columns: TableColumnsType<FamilySummary> = [
    {
      title: t('people.familiesConsole.name'),
      key: 'name',
      render: (_: unknown, f) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(f.id)}>
          {f.name}
        </Button>
      ),
    },
    { title: t('people.familiesConsole.community'), key: 'region', render: (_: unknown, f) => f.region.name },
    { title: t('people.familiesConsole.head'), key: 'head', render: (_: unknown, f) => f.head.displayName },
    { title: t('people.familiesConsole.members'), dataIndex: 'memberCount', key: 'members', align: 'right' },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="lf-org-title">
        <div>
          <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
            {t('people.familiesConsole.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('people.familiesConsole.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('people.familiesConsole.create')}
        </Button>
      </div>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <TreeSelect<string>
            allowClear
            showSearch
            aria-label={t('people.familiesConsole.community')}
            placeholder={t('people.console.allRegions')}
            value={regionCode}
            onChange={(v) => setRegionCode(v || undefined)}
            treeData={regions.options}
            treeNodeFilterProp="title"
            treeDefaultExpandedKeys={regions.roots}
            loading={regions.loading}
            style={{ minWidth: 240 }}
          />
        </Space>
        {families.isError && <PageError error={families.error} onRetry={() => families.refetch()} />}
        <Table<FamilySummary>
          className="lf-families-table"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={families.isPending}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('people.familiesConsole.empty')} /> }}
        />
        {families.hasNextPage && (
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <Button onClick={() => void families.fetchNextPage()} loading={families.isFetchingNextPage}>
              {t('people.familiesConsole.loadMore')}
            </Button>
          </div>
        )}
      </Card>
      {creating && <CreateFamilyModal options={communitiesOnly(regions.options)} onClose={() => setCreating(false)} />}
      <FamilyDrawer id={open} onClose={() => setOpen(undefined)} />
    </Space>
  );
}

interface CreateForm {
  name: string;
  regionCode: string;
  headPhone: string;
}

function CreateFamilyModal({ options, onClose }: { options: RegionOption[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const create = useCreateFamily();
  const required = [{ required: true, message: t('people.console.required') }];
  return (
    <Modal
      open
      title={t('people.familiesConsole.create')}
      okText={t('people.console.save')}
      cancelText={t('people.console.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          create.mutate(
            { body: v },
            {
              onSuccess: () => {
                message.success(t('people.familiesConsole.created'));
                onClose();
              },
              onError: (error) => message.error(errorText(error)),
            },
          )
        }
      >
        <Form.Item name="name" label={t('people.familiesConsole.name')} rules={required}>
          <Input maxLength={textLimits.familyName} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('people.familiesConsole.community')} rules={required}>
          <TreeSelect
            showSearch
            treeData={options}
            treeNodeFilterProp="title"
            placeholder={t('people.familiesConsole.chooseCommunity')}
          />
        </Form.Item>
        <Form.Item
          name="headPhone"
          label={t('people.familiesConsole.headPhone')}
          rules={[{ required: true, pattern: phonePattern, message: t('people.family.phoneInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AddForm {
  phone: string;
  relation: Exclude<FamilyRelation, 'self'>;
}

function FamilyDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const family = useFamily(id);
  const add = useAddFamilyMember();
  const [form] = Form.useForm<AddForm>();
  const f = family.data;
  return (
    <Drawer open={!!id} onClose={onClose} title={f?.name ?? t('people.familiesConsole.detail')} size={420}>
      {family.isError && <PageError error={family.error} onRetry={() => family.refetch()} />}
      {f && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('people.familiesConsole.community')}：{f.region.name}
          </Typography.Text>
          <List
            header={t('people.familiesConsole.detail')}
            dataSource={f.members}
            renderItem={(m) => (
              <List.Item>
                <Space>
                  {m.displayName}
                  <Typography.Text type="secondary">{m.phone}</Typography.Text>
                  <Tag>{t(`people.relations.${m.relation}`)}</Tag>
                  {m.status === 'invited' && <Tag color="orange">{t('people.family.invited')}</Tag>}
                </Space>
              </List.Item>
            )}
          />
          {f.can.manage && (
            <Card size="small" title={t('people.familiesConsole.addMember')}>
              <Typography.Paragraph type="secondary">{t('people.familiesConsole.addHint')}</Typography.Paragraph>
              <Form<AddForm>
                form={form}
                layout="vertical"
                onFinish={(v) =>
                  add.mutate(
                    { params: { path: { id: f.id } }, body: v },
                    {
                      onSuccess: () => {
                        form.resetFields();
                        message.success(t('people.familiesConsole.added'));
                      },
                      onError: (error) => message.error(errorText(error)),
                    },
                  )
                }
              >
                <Form.Item
                  name="phone"
                  label={t('people.familiesConsole.phone')}
                  rules={[{ required: true, pattern: phonePattern, message: t('people.family.phoneInvalid') }]}
                >
                  <Input inputMode="numeric" maxLength={11} />
                </Form.Item>
                <Form.Item
                  name="relation"
                  label={t('people.familiesConsole.relation')}
                  rules={[{ required: true, message: t('people.console.required') }]}
                >
                  <Select options={familyRelations.map((r) => ({ value: r, label: t(`people.relations.${r}`) }))} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={add.isPending}>
                  {t('people.familiesConsole.add')}
                </Button>
              </Form>
            </Card>
          )}
        </Space>
      )}
    </Drawer>
  );
}
