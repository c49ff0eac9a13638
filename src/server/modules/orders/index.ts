// What other modules (and the app) may use from orders.
export { autoCloseOrders } from './auto-close-orders.js';
export { escalateOverdueOrders, scheduleOrderEscalation } from './escalate-overdue.js';
export { ordersRoutes } from './routes.js';
export { orderEvents, orderSettings, orders } from './schema.js';
