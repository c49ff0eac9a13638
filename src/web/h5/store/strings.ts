/** The Chinese strings of the store pages (H5 and the console desk), registered by the pages that use them. */
import { i18n } from '../../i18n/index.js';
import { storeZhCN } from '../../i18n/store.zh-CN.js';

i18n.addResourceBundle('zh-CN', 'translation', { store: storeZhCN }, true, false);
