/**
 * Cells we write into spreadsheets (.xlsx, .csv) that a person will open. Text that begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is what spreadsheet programs may run as a
 * formula (CSV/formula injection); such text gets a leading apostrophe, so it shows as typed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const formulaSafe = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** The row with every text cell made formula-safe; numbers, dates and empty cells unchanged. */
export function formulaSafeRow<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? formulaSafe(v) : v])) as T;
}
