import { Badge, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMyInvitations, useMyOrganisations } from '../../people/data.js';

/** 我的 → my teams, my family, invitations waiting for an answer. */
export function MyPeopleLinks() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const teams = useMyOrganisations();
  const invitations = useMyInvitations();
  const waiting = invitations.data?.items.length ?? 0;
  return (
    <List mode="card">
      <List.Item onClick={() => navigate('/h5/teams')} extra={teams.data ? String(teams.data.items.length) : undefined}>
        {t('people.teams.mine')}
      </List.Item>
      <List.Item onClick={() => navigate('/h5/family')}>{t('people.family.title')}</List.Item>
      <List.Item onClick={() => navigate('/h5/invitations')} extra={waiting > 0 ? <Badge content={waiting} /> : null}>
        {t('people.invitations.title')}
      </List.Item>
    </List>
  );
}
