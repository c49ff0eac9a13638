/**
 * Resident identity card numbers (居民身份证号码, GB 11643-1999): 6-digit region code, 8-digit birth
 * date, 3-digit sequence (odd = male, even = female) and one check character computed with
 * ISO 7064 MOD 11-2, where 10 is written 'X'. Pure: no database, no clock except `today`.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type Gender = 'male' | 'female';

export interface IdCardInfo {
  /** Normalised: upper-case 'X'. */
  number: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  gender: Gender;
  /** The six-digit administrative code where the number was issued. */
  issuingRegion: string;
}

export type IdCardProblem = 'format' | 'birth_date' | 'check_digit';

export type IdCardResult = { ok: true; info: IdCardInfo } | { ok: false; problem: IdCardProblem };

/** The check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Validates an 18-character ID number and derives birth date and gender from it. */
export function parseIdNumber(raw: string, today: Date = new Date()): IdCardResult {
  const number = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(number)) return { ok: false, problem: 'format' };
  const y = Number(number.slice(6, 10));
  const m = Number(number.slice(10, 12));
  const d = Number(number.slice(12, 14));
  const todayIso = today.toISOString().slice(0, 10);
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (y < 1900 || !validDate(y, m, d) || birthDate > todayIso) return { ok: false, problem: 'birth_date' };
  if (checkCharacter(number.slice(0, 17)) !== number[17]) return { ok: false, problem: 'check_digit' };
  const gender: Gender = Number(number[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, info: { number, birthDate, gender, issuingRegion: number.slice(0, 6) } };
}

/** Bilingual reason for a rejected number, for field errors and import reports. */
export const idProblemMessages: Record<IdCardProblem, readonly [string, string]> = {
  format: [
    '身份证号应为18位，前17位为数字，最后一位为数字或X',
    'An ID number has 18 characters: 17 digits, then a digit or X',
  ],
  birth_date: ['身份证号中的出生日期无效', 'The birth date inside the ID number is not valid'],
  check_digit: ['身份证号校验位不正确，请核对', 'The check digit of the ID number is wrong; please check it'],
};

/** `371002199001011234` → `3710**********1234`: first four and last four characters. */
export function maskIdNumber(number: string): string {
  if (number.length < 8) return '*'.repeat(number.length);
  return `${number.slice(0, 4)}${'*'.repeat(number.length - 8)}${number.slice(-4)}`;
}

/** Full years between the birth date and `on` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
