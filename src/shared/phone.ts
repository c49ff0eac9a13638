/** Mainland mobile numbers, checked the same way by the server's schemas and the web's forms. */
export const phonePattern = /^1[3-9]\d{9}$/;

/**
 * `13800000005` → `138****0005`: the first three and last four characters around four stars, also
 * for a landline (`0631-5201234` → `063****1234`); anything shorter than 11 characters is `****`.
 */
export function maskPhone(phone: string): string;
export function maskPhone(phone: string | null | undefined): string | null;
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined) return null;
  return phone.length < 11 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
