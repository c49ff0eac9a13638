/**
 * 屏蔽志愿者: on a finished order, the resident may keep the volunteer who served them off their
 * future orders, and undo it. The server answers 404 to anyone but the order's resident.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, List, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import type { OrderDetail } from '../../orders/data.js';

const finished = new Set(['completed', 'rated', 'closed']);

export function BlockVolunteer({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const shown = finished.has(order.state) && !!order.volunteer;
  const path = { params: { path: { id: order.id } } };
  const key = ['order-volunteer-block', order.id];
  const block = useQuery({
    queryKey: key,
    enabled: shown,
    retry: false,
    queryFn: () => call(api.GET('/api/v1/orders/{id}/volunteer-block', path)),
  });
  const change = useMutation({
    mutationFn: (blocked: boolean) =>
      call(
        blocked
          ? api.PUT('/api/v1/orders/{id}/volunteer-block', path)
          : api.DELETE('/api/v1/orders/{id}/volunteer-block', path),
      ),
    onSuccess: (saved) => {
      qc.setQueryData(key, saved);
      Toast.show({ content: saved.blocked ? t('orders.block.done') : t('orders.block.undone') });
    },
    onError: (err) => Toast.show({ content: errorText(err) }),
  });
  if (!shown || !block.data) return null;
  const { blocked, volunteerName } = block.data;
  const ask = async () => {
    if (await Dialog.confirm({ content: t('orders.block.confirm', { name: volunteerName }) })) change.mutate(true);
  };
  return (
    <List mode="card">
      <List.Item
        description={blocked ? t('orders.block.blockedHint') : t('orders.block.hint')}
        extra={
          <Button
            size="small"
            fill="outline"
            color={blocked ? 'default' : 'danger'}
            loading={change.isPending}
            onClick={() => (blocked ? change.mutate(false) : void ask())}
          >
            {blocked ? t('orders.block.undo') : t('orders.block.action')}
          </Button>
        }
      >
        {blocked
          ? t('orders.block.blocked', { name: volunteerName })
          : t('orders.block.title', { name: volunteerName })}
      </List.Item>
    </List>
  );
}
