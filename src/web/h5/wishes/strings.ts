/** The Chinese strings of micro-wishes, added to the dictionary by the pages that use them. */
import { i18n } from '../../i18n/index.js';
import { wishesZhCN } from '../../i18n/wishes.zh-CN.js';

i18n.addResourceBundle('zh-CN', 'translation', { wishes: wishesZhCN }, true, false);
