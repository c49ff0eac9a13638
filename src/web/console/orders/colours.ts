import type { OrderState } from '../../orders/data.js';

/** antd Tag colours of the order states. */
export const consoleStateColour: Record<OrderState, string> = {
  submitted: 'gold',
  reviewed: 'orange',
  rejected: 'red',
  dispatched: 'blue',
  accepted: 'geekblue',
  in_service: 'purple',
  completed: 'green',
  rated: 'green',
  closed: 'default',
  cancelled: 'default',
};
