/** The lines on 我的 that lead to my training and my qualifications (volunteers). */
import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../api/session.js';
import './strings.js';

export function AcademyEntry({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!me.roles.some((r) => r.role === 'volunteer')) return null;
  return (
    <>
      <List.Item onClick={() => navigate('/h5/academy/mine')}>{t('academy.links.mine')}</List.Item>
      <List.Item onClick={() => navigate('/h5/academy/qualifications')}>{t('academy.links.qualifications')}</List.Item>
    </>
  );
}
