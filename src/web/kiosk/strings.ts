/** The kiosk page's Chinese strings, registered by the page (English ones come with the English dictionary). */
import { i18n } from '../i18n/index.js';
import { kioskZhCN } from '../i18n/kiosk.zh-CN.js';

i18n.addResourceBundle('zh-CN', 'translation', { kiosk: kioskZhCN }, true, false);
