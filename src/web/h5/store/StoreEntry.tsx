/** The one line on 我的 that leads to the pioneer store (volunteers, who earn points). */
import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../api/session.js';
import './strings.js';

export function StoreEntry({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!me.roles.some((r) => r.role === 'volunteer')) return null;
  return <List.Item onClick={() => navigate('/h5/store')}>{t('store.entry')}</List.Item>;
}
