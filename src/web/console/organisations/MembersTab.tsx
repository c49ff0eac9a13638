/** 成员: an organisation's members, their role changed or removed by its managers. */
import { App, Button, Popconfirm, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors.js';
import {
  type Member,
  type MemberRole,
  memberRoles,
  useChangeRole,
  useMembers,
  useRemoveMember,
} from '../../people/data.js';
import { formatDate } from '../../shared/time.js';
import { PageError } from '../PageState.js';

export function MembersTab({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const members = useMembers(id);
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const fail = (error: unknown) => message.error(errorText(error));
  const columns: TableColumnsType<Member> = [
    {
      title: t('people.console.name'),
      key: 'name',
      render: (_: unknown, m) => (
        <>
          {m.displayName} <Typography.Text type="secondary">{m.phone}</Typography.Text>
        </>
      ),
    },
    {
      title: t('people.console.role'),
      key: 'role',
      render: (_: unknown, m) => (
        <Select<MemberRole>
          size="small"
          aria-label={t('people.console.role')}
          value={m.role}
          style={{ minWidth: 100 }}
          onChange={(role) =>
            changeRole.mutate(
              { params: { path: { id, userId: m.userId } }, body: { role } },
              { onSuccess: () => message.success(t('people.console.saved')), onError: fail },
            )
          }
          options={memberRoles.map((r) => ({ value: r, label: t(`people.memberRoles.${r}`) }))}
        />
      ),
    },
    {
      title: t('people.console.joinedAt'),
      dataIndex: 'joinedAt',
      key: 'joinedAt',
      responsive: ['md'],
      render: (iso: string) => formatDate(iso),
    },
    {
      title: t('people.console.actions'),
      key: 'actions',
      render: (_: unknown, m) => (
        <Popconfirm
          title={t('people.console.removeConfirm', { name: m.displayName })}
          okText={t('people.console.remove')}
          cancelText={t('people.console.cancel')}
          onConfirm={() => remove.mutate({ params: { path: { id, userId: m.userId } } }, { onError: fail })}
        >
          <Button danger size="small">
            {t('people.console.remove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  if (members.isError) return <PageError error={members.error} onRetry={() => members.refetch()} />;
  return (
    <Table<Member>
      rowKey="userId"
      columns={columns}
      dataSource={members.data?.items ?? []}
      loading={members.isPending}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
    />
  );
}
