import { z } from 'zod';

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;
const SEP = ' | ';

/** A bilingual custom message for a zod check: `zhEn('请输入11位手机号', 'Enter an 11-digit mobile number')`. */
export const zhEn = (message: string, messageEn: string) => `${message}${SEP}${messageEn}`;

interface ValidationIssue {
  keyword: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns one schema-validation issue into a field path and a Chinese and an English message. */
export function describeIssue(context: string, v: ValidationIssue) {
  const path = (v.instancePath ?? '').split('/').filter(Boolean);
  const field = [context, ...path].join('.');
  const custom = v.message ?? '';
  if (custom.includes(SEP)) {
    const [message = '', messageEn = ''] = custom.split(SEP);
    return { field, message, messageEn };
  }
  // biome-ignore lint/suspicious/noExplicitAny: zod's locale functions take its raw issue shape
  const raw = { code: v.keyword, path, message: custom, ...v.params } as any;
  const localised = (fn: typeof zh) => {
    const out = fn(raw);
    return typeof out === 'string' ? out : (out?.message ?? custom);
  };
  return { field, message: localised(zh), messageEn: localised(en) };
}
