import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
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
import { Link, useNavigate } from 'react-router';
import { textLimits } from '../../../shared/text-limits.js';
import { ApiError, errorText } from '../../api/errors.js';
import type { Me } from '../../api/session.js';
import {
  type JoinMode,
  joinModes,
  type OrganisationKind,
  type OrganisationSummary,
  organisationKinds,
  useCreateOrganisation,
  useOrganisations,
} from '../../people/data.js';
import { phonePattern } from '../../shared/phone.js';
import { PageError, usePageTitle } from '../PageState.js';
import { useRegionOptions } from '../region-options.js';

export const kindColour: Record<OrganisationKind, string> = {
  team: 'red',
  social_org: 'blue',
  caring_merchant: 'purple',
  bank_outlet: 'cyan',
  school: 'green',
  enterprise: 'gold',
  government: 'volcano',
};

/** 队伍与组织: the organisations in the caller's scope, and a form to create one. */
export function OrganisationsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('people.console.title'));
  const [kind, setKind] = useState<OrganisationKind | undefined>();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const regions = useRegionOptions();
  // The directory is public; staff look at their own part of it unless they pick a region.
  const scopeRoot = me.scope.length === 1 ? me.scope[0]?.code : undefined;
  const list = useOrganisations({ kind, regionCode: regionCode ?? scopeRoot, q });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const columns: TableColumnsType<OrganisationSummary> = [
    {
      title: t('people.console.name'),
      key: 'name',
      render: (_: unknown, o) => <Link to={`/console/organisations/${o.id}`}>{o.name}</Link>,
    },
    {
      title: t('people.console.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: OrganisationKind) => <Tag color={kindColour[k]}>{t(`people.orgKinds.${k}`)}</Tag>,
    },
    { title: t('people.console.region'), key: 'region', render: (_: unknown, o) => o.region.name },
    {
      title: t('people.console.joinMode'),
      dataIndex: 'joinMode',
      key: 'joinMode',
      responsive: ['md'],
      render: (m: JoinMode) => t(`people.joinModes.${m}`),
    },
    { title: t('people.console.members'), dataIndex: 'memberCount', key: 'members', align: 'right' },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div className="lf-org-title">
        <div>
          <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
            {t('people.console.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('people.console.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('people.console.create')}
        </Button>
      </div>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            aria-label={t('people.teams.search')}
            placeholder={t('people.teams.search')}
            onSearch={(v) => setQ(v.trim())}
            style={{ width: 220 }}
          />
          <Select<OrganisationKind>
            allowClear
            aria-label={t('people.console.kind')}
            placeholder={t('people.teams.allKinds')}
            value={kind}
            onChange={(v) => setKind(v)}
            options={organisationKinds.map((k) => ({ value: k, label: t(`people.orgKinds.${k}`) }))}
            style={{ minWidth: 160 }}
          />
          <TreeSelect<string>
            allowClear
            showSearch
            aria-label={t('people.console.region')}
            placeholder={t('people.console.allRegions')}
            value={regionCode}
            onChange={(v) => setRegionCode(v || undefined)}
            treeData={regions.options}
            treeNodeFilterProp="title"
            treeDefaultExpandedKeys={regions.roots}
            loading={regions.loading}
            style={{ minWidth: 220 }}
          />
        </Space>
        {list.isError && <PageError error={list.error} onRetry={() => list.refetch()} />}
        <Table<OrganisationSummary>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('people.console.empty')} /> }}
        />
        {list.hasNextPage && (
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('people.console.loadMore')}
            </Button>
          </div>
        )}
      </Card>
      <CreateOrganisationModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}

interface CreateForm {
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  joinMode: JoinMode;
  contactPhone?: string;
  description?: string;
  leaderPhone?: string;
}

function CreateOrganisationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateForm>();
  const create = useCreateOrganisation();
  const regions = useRegionOptions();
  const submit = (v: CreateForm) =>
    create.mutate(
      {
        body: {
          ...v,
          contactPhone: v.contactPhone || null,
          description: v.description || null,
          leaderPhone: v.leaderPhone || undefined,
        },
      },
      {
        onSuccess: (res) => {
          message.success(t('people.console.created'));
          form.resetFields();
          onClose();
          navigate(`/console/organisations/${res.id}`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.details.length) {
            const fields = error.fieldErrors();
            form.setFields(
              Object.entries(fields).map(([name, e]) => ({ name: name as keyof CreateForm, errors: [e] })),
            );
          } else message.error(errorText(error));
        },
      },
    );
  const required = [{ required: true, message: t('people.console.required') }];
  return (
    <Modal
      open={open}
      title={t('people.console.create')}
      okText={t('people.console.save')}
      cancelText={t('people.console.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'team', joinMode: 'approval' }}
      >
        <Form.Item name="kind" label={t('people.console.kind')} rules={required}>
          <Select options={organisationKinds.map((k) => ({ value: k, label: t(`people.orgKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('people.console.name')} rules={required}>
          <Input maxLength={textLimits.organisationName} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('people.console.region')} rules={required}>
          <TreeSelect
            showSearch
            treeData={regions.options}
            treeNodeFilterProp="title"
            treeDefaultExpandedKeys={regions.roots}
            loading={regions.loading}
          />
        </Form.Item>
        <Form.Item name="joinMode" label={t('people.console.joinMode')} rules={required}>
          <Select options={joinModes.map((m) => ({ value: m, label: t(`people.joinModes.${m}`) }))} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('people.console.contactPhone')}
          rules={[{ pattern: phonePattern, message: t('people.family.phoneInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item
          name="leaderPhone"
          label={t('people.console.leaderPhone')}
          rules={[{ pattern: phonePattern, message: t('people.family.phoneInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item name="description" label={t('people.console.description')}>
          <Input.TextArea rows={3} maxLength={textLimits.organisationDescription} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
