/** antd-mobile locale follows the UI language (used by the sign-in page and the H5 app). */
import { ConfigProvider } from 'antd-mobile';
import enUSModule from 'antd-mobile/es/locales/en-US.js';
import zhCNModule from 'antd-mobile/es/locales/zh-CN.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultExport } from './interop.js';

type MobileLocale = typeof zhCNModule.default;
const enUS = defaultExport<MobileLocale>(enUSModule);
const zhCN = defaultExport<MobileLocale>(zhCNModule);

export function MobileProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>{children}</ConfigProvider>;
}
