/** 13800000005 → 138****0005. Anything that is not an 11-digit mobile number is masked whole. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (/^\d{11}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return phone.length <= 4 ? '****' : `${phone.slice(0, 2)}****${phone.slice(-2)}`;
}
