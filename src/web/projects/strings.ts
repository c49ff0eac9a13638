/** The Chinese strings of the project pages (library, submissions, console desk), registered by the pages that use them. */
import { i18n } from '../i18n/index.js';
import { projectsZhCN } from '../i18n/projects.zh-CN.js';

i18n.addResourceBundle('zh-CN', 'translation', { projects: projectsZhCN }, true, false);
