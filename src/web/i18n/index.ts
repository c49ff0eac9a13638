/** i18next set-up: Simplified Chinese by default, English on request; the choice is kept in localStorage. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN.js';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'leifeng.lang';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (languages as readonly string[]).includes(value ?? '') ? (value as Language) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export async function setLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  if (language === 'en') await loadEnglish();
  await i18n.changeLanguage(language);
}

/** English is fetched only by those who choose it: most visitors never download it. */
async function loadEnglish() {
  if (i18n.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('./en.js');
  i18n.addResourceBundle('en', 'translation', en);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng === 'en' ? 'en' : 'zh-CN';
});

// Chinese is bundled, so initialisation completes synchronously; a stored English choice follows
// as soon as its strings arrive.
const stored = storedLanguage();
void i18n.use(initReactI18next).init({
  initAsync: false,
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLanguage();
if (stored === 'en') void setLanguage('en');

export { i18n };
