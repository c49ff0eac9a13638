/** Home and 我的 → my orders; for volunteers, my service tasks. */
import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../api/session.js';
import '../../orders/strings.js';

export function MyOrderLinks({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <List mode="card">
      <List.Item onClick={() => navigate('/h5/orders')}>{t('orders.mine.title')}</List.Item>
      {me.roles.some((r) => r.role === 'volunteer') && (
        <List.Item onClick={() => navigate('/h5/tasks')}>{t('orders.tasks.title')}</List.Item>
      )}
    </List>
  );
}
