/** 我的订单: the resident's orders, newest first, by state. */
import { Button, CapsuleTabs } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type OrderState, useMyOrders } from '../../orders/data.js';
import { SubPage } from '../people/states.js';
import { OrderList } from './OrderList.js';
import './orders.css';

const tabs: (OrderState | 'all')[] = ['all', 'submitted', 'dispatched', 'in_service', 'completed', 'rated'];

export function MyOrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<OrderState | 'all'>('all');
  const orders = useMyOrders(state === 'all' ? undefined : state);
  return (
    <SubPage title={t('orders.mine.title')} back="/h5">
      <CapsuleTabs activeKey={state} onChange={(k) => setState(k as OrderState | 'all')}>
        {tabs.map((s) => (
          <CapsuleTabs.Tab key={s} title={s === 'all' ? t('orders.mine.all') : t(`orders.states.${s}`)} />
        ))}
      </CapsuleTabs>
      <OrderList
        query={orders}
        empty={t('orders.mine.empty')}
        emptyAction={
          <Button color="primary" onClick={() => navigate('/h5/menu')}>
            {t('orders.mine.toMenu')}
          </Button>
        }
        onOpen={(o) => navigate(`/h5/orders/${o.id}`)}
      />
      <div className="lf-h5-block">
        <Button block color="primary" fill="outline" onClick={() => navigate('/h5/menu')}>
          {t('orders.mine.toMenu')}
        </Button>
      </div>
    </SubPage>
  );
}
