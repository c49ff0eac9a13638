/** A star level as people read it: ★★ and 「2 星志愿者」, or 暂未评星. */
import { useTranslation } from 'react-i18next';
import './strings.js';

export function Stars({ level, testId }: { level: number; testId?: string }) {
  const { t } = useTranslation();
  const label = level > 0 ? t('hours.mine.stars', { level }) : t('hours.mine.noStar');
  return (
    <span className="lf-stars" data-testid={testId} data-level={level} title={label}>
      {level > 0 && (
        <span aria-hidden="true" style={{ color: '#faad14', letterSpacing: 1 }}>
          {'★'.repeat(level)}
        </span>
      )}{' '}
      <span>{label}</span>
    </span>
  );
}
