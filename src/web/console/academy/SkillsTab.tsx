/** 资质目录: which skills of the taxonomy are qualifications (held only through a valid one); the centre admin switches them. */
import { App, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors.js';
import { useMe } from '../../api/session.js';
import { PageError } from '../PageState.js';
import { useSetSkillQualification, useSkillQualifications } from './data.js';

export function SkillsTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const list = useSkillQualifications();
  const flag = useSetSkillQualification();
  const centre = Boolean(me.data?.roles.some((r) => r.role === 'centre_admin'));
  if (list.isError) return <PageError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('academy.desk.skillsHint')}</Typography.Paragraph>
      <Table
        rowKey="code"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('academy.desk.skill'),
            render: (_, s) => (i18n.language.startsWith('en') ? s.nameEn : s.name),
          },
          { title: t('academy.desk.skillCode'), dataIndex: 'code' },
          {
            title: t('academy.desk.isQualification'),
            render: (_, s) =>
              centre ? (
                <Switch
                  checked={s.qualification}
                  aria-label={`${s.name} ${t('academy.desk.isQualification')}`}
                  loading={flag.isPending && flag.variables?.params.path.code === s.code}
                  onChange={(qualification) =>
                    flag.mutate(
                      { params: { path: { code: s.code } }, body: { qualification } },
                      {
                        onSuccess: () => void message.success(t('academy.desk.saved')),
                        onError: (e) => void message.error(errorText(e)),
                      },
                    )
                  }
                />
              ) : s.qualification ? (
                <Tag color="gold">{t('academy.desk.isQualification')}</Tag>
              ) : null,
          },
        ]}
      />
    </>
  );
}
