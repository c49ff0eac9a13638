// What other modules may use from notifications.
export { type NotifyInput, notify, notifyMany } from './notify.js';
export { notificationsRoutes } from './routes.js';
export { type DeliveryChannel, deliveryChannels } from './schema.js';
export { wechatOpenidOf, wechatRecipientResolver } from './wechat-openid.js';
