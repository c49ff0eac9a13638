/**
 * 服务任务 (volunteer): orders dispatched to me or my team, orders open for grabbing, and the ones I
 * accepted. Lists refetch when the page regains focus (live push arrives with the platform's events).
 */
import { CapsuleTabs } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type TaskView, useTasks } from '../../orders/data.js';
import { dateTime } from '../../orders/format.js';
import { useLiveOrders } from '../../orders/live.js';
import { SubPage } from '../people/states.js';
import { OrderList } from './OrderList.js';
import './orders.css';

const views: TaskView[] = ['offers', 'pool', 'mine'];
const emptyKey = { mine: 'emptyMine', offers: 'emptyOffers', pool: 'emptyPool' } as const;

export function TasksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = (views as string[]).includes(params.get('view') ?? '') ? (params.get('view') as TaskView) : 'offers';
  const tasks = useTasks(view);
  useLiveOrders();
  return (
    <SubPage title={t('orders.tasks.title')} back="/h5">
      <CapsuleTabs activeKey={view} onChange={(k) => setParams({ view: k }, { replace: true })}>
        {views.map((v) => (
          <CapsuleTabs.Tab key={v} title={t(`orders.tasks.${v}`)} />
        ))}
      </CapsuleTabs>
      <OrderList
        query={tasks}
        empty={`${t(`orders.tasks.${emptyKey[view]}`)}。${t('orders.tasks.emptyHint')}`}
        onOpen={(o) => navigate(`/h5/tasks/${o.id}`)}
        extra={(o) =>
          view !== 'mine' && o.acceptDueAt ? (
            <div className="lf-order-due">{t('orders.tasks.due', { time: dateTime(o.acceptDueAt) })}</div>
          ) : null
        }
      />
    </SubPage>
  );
}
