import type { ReasonPart } from './types.js';

export type ReasonLocale = 'zh-CN' | 'en';

/** Looks up a skill's display name (the tenant's taxonomy); the code is shown when it answers undefined. */
export type SkillNamer = (code: string, locale: ReasonLocale) => string | undefined;

function distanceText(km: number): string {
  if (km < 1) return `${Math.max(10, Math.round(km * 100) * 10)} m`;
  return `${km.toFixed(1)} km`;
}

function partText(part: ReasonPart, locale: ReasonLocale, skillName?: SkillNamer): string {
  const zh = locale === 'zh-CN';
  switch (part.kind) {
    case 'distance':
      return distanceText(part.params.km);
    case 'skill':
      return skillName?.(part.params.code, locale) ?? part.params.code;
    case 'recentServices': {
      const n = part.params.count;
      if (n === 0) return zh ? '近 30 天未服务' : 'no services in the last 30 days';
      return zh ? `近 30 天已服务 ${n} 次` : `served ${n} ${n === 1 ? 'time' : 'times'} in the last 30 days`;
    }
    case 'rating':
      return zh ? `评分 ${part.params.rating.toFixed(1)}` : `rated ${part.params.rating.toFixed(1)}`;
    case 'openTasks':
      return zh
        ? `在办 ${part.params.open}/${part.params.capacity}`
        : `${part.params.open} of ${part.params.capacity} tasks open`;
  }
}

/** One line a dispatcher reads, e.g. "1.2 km · 急救证 · 近 30 天已服务 2 次". */
export function formatReasons(parts: readonly ReasonPart[], locale: ReasonLocale, skillName?: SkillNamer): string {
  return parts.map((part) => partText(part, locale, skillName)).join(' · ');
}
