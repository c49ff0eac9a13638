import type { commonZhCN } from './common.zh-CN.js';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Strings shared by every area (English). Same keys as `common.zh-CN.ts`. */
export const commonEn: Strings<typeof commonZhCN> = {
  common: {
    notFound: 'Not found',
    notFoundHint: 'What this link points to does not exist or was removed.',
    loadMore: 'Load more',
    shown: '{{count}} shown',
    allShown: 'All {{count}} shown',
  },
};
