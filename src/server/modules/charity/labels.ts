/** Chinese names of the codes, for the public report and its files (the web has its own i18n). */
export const categoryLabels: Record<string, string> = {
  food: '食品',
  books: '图书',
  toys: '玩具',
  goods: '百货',
  cosmetics: '化妆品',
  crafts: '手工艺品',
  calligraphy: '书法',
  haircut: '义剪',
  donation: '现场捐赠',
};

export const purposeLabels: Record<string, string> = {
  living: '生活救助',
  medical: '医疗救助',
  education: '助学',
  holiday: '节日慰问',
  other: '其他',
};

export const categoryLabel = (code: string) =>
  code.startsWith('other:') ? code.slice('other:'.length) || '其他' : (categoryLabels[code] ?? code);

export const yuan = (fen: number) => (fen / 100).toFixed(2);
