/** Language and elder-mode controls in antd-mobile style (sign-in page, 我的). */
import { List, Selector, Switch } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '../i18n/index.js';
import { setElderMode, useElderMode } from '../prefs/elder-mode.js';

export const languageOptions: { label: string; value: Language }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'English', value: 'en' },
];

export function MobilePrefs({ header }: { header?: string }) {
  const { t, i18n } = useTranslation();
  const elder = useElderMode();
  return (
    <List header={header} mode="card">
      <List.Item
        extra={
          <Selector
            aria-label={t('prefs.language')}
            options={languageOptions}
            value={[i18n.language === 'en' ? 'en' : 'zh-CN']}
            onChange={(v) => v[0] && void setLanguage(v[0])}
            showCheckMark={false}
            style={{ '--padding': '4px 12px', '--checked-color': '#fff1f0' }}
          />
        }
      >
        {t('prefs.language')}
      </List.Item>
      <List.Item
        description={t('prefs.elderHint')}
        extra={<Switch aria-label={t('prefs.elder')} checked={elder} onChange={setElderMode} />}
      >
        {t('prefs.elder')}
      </List.Item>
    </List>
  );
}
