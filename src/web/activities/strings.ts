/** The Chinese strings of the activity pages, registered by the pages that use them. */
import { activitiesZhCN } from '../i18n/activities.zh-CN.js';
import { checkinZhCN } from '../i18n/checkin.zh-CN.js';
import { i18n } from '../i18n/index.js';

i18n.addResourceBundle('zh-CN', 'translation', { activities: activitiesZhCN, checkin: checkinZhCN }, true, false);
