/**
 * Real names, one rule for server and web: Chinese characters, with the middle dot between the
 * parts of a minority or transliterated name (阿依古丽·买买提), or Latin letters for foreigners
 * (Anne-Marie O'Neil, J. R. Smith). Nothing else: no digits, emoji or symbols.
 */
export const PERSON_NAME_MAX = 40;
const HAN_NAME_MAX = 20;

/** The dots people type between the parts of a name, all stored as U+00B7. */
const DOTS = /[\u00b7\u2022\u2027\u30fb\uff65\u2219\u22c5]/g;
const HAN = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u;
const LATIN = /^\p{Script=Latin}+(?:(?:\. ?|[ '’-]|·)\p{Script=Latin}+)*\.?$/u;

export type PersonNameProblem = 'empty' | 'tooLong' | 'characters';

export const personNameMessages: Record<PersonNameProblem, readonly [string, string]> = {
  empty: ['请填写姓名', 'Enter the name'],
  tooLong: [
    `姓名最多${PERSON_NAME_MAX}个字（汉字姓名最多${HAN_NAME_MAX}个字）`,
    `At most ${PERSON_NAME_MAX} characters (${HAN_NAME_MAX} for a Chinese name)`,
  ],
  characters: [
    '姓名只能是汉字（少数民族姓名各部分之间用“·”）或拉丁字母',
    'A name is Chinese characters (with “·” between the parts of a minority name) or Latin letters',
  ],
};

/** The name as stored: trimmed, single spaces, one kind of middle dot. */
export function normalizePersonName(value: string): string {
  return value.trim().replace(/\s+/g, ' ').replace(DOTS, '·').replace(/ ?· ?/g, '·');
}

export function checkPersonName(value: string): PersonNameProblem | null {
  const name = normalizePersonName(value);
  if (!name) return 'empty';
  const length = [...name].length;
  if (HAN.test(name)) return length > HAN_NAME_MAX ? 'tooLong' : null;
  if (LATIN.test(name)) return length > PERSON_NAME_MAX ? 'tooLong' : null;
  return 'characters';
}
