/** The Chinese strings of the charity pages (H5 stall, console, public report), registered by the pages that use them. */
import { charityZhCN } from '../i18n/charity.zh-CN.js';
import { i18n } from '../i18n/index.js';

i18n.addResourceBundle('zh-CN', 'translation', { charity: charityZhCN }, true, false);

export const yuanOf = (fen: number) => (fen / 100).toFixed(2);

/** Yuan as typed (e.g. "12.5") in fen; null when it is not an amount above 0 with at most two decimals. */
export function fenOf(text: string): number | null {
  const m = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? fen : null;
}
