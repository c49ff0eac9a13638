/**
 * The Chinese strings of the service menu and orders, added to the dictionary by the pages that use
 * them rather than shipped with every page (English ones come with the English dictionary).
 */
import { i18n } from '../i18n/index.js';
import { ordersZhCN } from '../i18n/orders.zh-CN.js';

i18n.addResourceBundle('zh-CN', 'translation', { orders: ordersZhCN }, true, false);
