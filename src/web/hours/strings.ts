/** The Chinese strings of the hours pages, registered by the pages that use them. */
import { hoursZhCN } from '../i18n/hours.zh-CN.js';
import { i18n } from '../i18n/index.js';

i18n.addResourceBundle('zh-CN', 'translation', { hours: hoursZhCN }, true, false);
