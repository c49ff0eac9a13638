/** Strings shared by every area (Simplified Chinese). English in `common.en.ts`. */
export const commonZhCN = {
  common: {
    notFound: '未找到',
    notFoundHint: '链接指向的内容不存在或已被移除。',
    loadMore: '加载更多',
    shown: '已显示 {{count}} 条',
    allShown: '已全部显示，共 {{count}} 条',
  },
};
