/** The Chinese strings of 覆盖分析, registered when the page loads. */

import { coverageZhCN } from '../../i18n/coverage.zh-CN.js';
import { i18n } from '../../i18n/index.js';

i18n.addResourceBundle('zh-CN', 'translation', { coverage: coverageZhCN }, true, false);
