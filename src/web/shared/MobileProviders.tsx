/** antd-mobile locale follows the UI language (used by the sign-in page and the H5 app). */
import { ConfigProvider, unstableSetRender } from 'antd-mobile';
import enUSModule from 'antd-mobile/es/locales/en-US.js';
import zhCNModule from 'antd-mobile/es/locales/zh-CN.js';
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { defaultExport } from './interop.js';

// antd-mobile 5 renders Toast, Dialog and friends with the pre-React-19 API unless told how.
unstableSetRender((node, container) => {
  const host = container as (Element | DocumentFragment) & { _lfRoot?: Root };
  host._lfRoot ??= createRoot(container);
  const root = host._lfRoot;
  root.render(node);
  return async () => {
    await Promise.resolve();
    root.unmount();
    delete host._lfRoot;
  };
});

type MobileLocale = typeof zhCNModule.default;
const enUS = defaultExport<MobileLocale>(enUSModule);
const zhCN = defaultExport<MobileLocale>(zhCNModule);

export function MobileProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>{children}</ConfigProvider>;
}
