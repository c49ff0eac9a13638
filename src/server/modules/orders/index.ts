// What other modules (and the app) may use from orders.
export { escalateOverdueOrders, scheduleOrderEscalation } from './escalate-overdue.js';
export { ordersRoutes } from './routes.js';
export { orderEvents, orderSettings, orders } from './schema.js';
