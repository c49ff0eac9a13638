/** The Chinese strings of the academy pages (H5 and the console desk), registered by the pages that use them. */
import { academyZhCN } from '../../i18n/academy.zh-CN.js';
import { i18n } from '../../i18n/index.js';

i18n.addResourceBundle('zh-CN', 'translation', { academy: academyZhCN }, true, false);
