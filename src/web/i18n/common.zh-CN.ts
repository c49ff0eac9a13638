/** Strings shared by every area (Simplified Chinese). English in `common.en.ts`. */
export const commonZhCN = {
  common: {
    notFound: '未找到',
    notFoundHint: '链接指向的内容不存在或已被移除。',
  },
};
