/** Mainland mobile numbers: 11 digits starting 13–19 (the server checks the same rule). */
export const phonePattern = /^1[3-9]\d{9}$/;

/** 13800000005 → 138****0005, for showing a number on screen. */
export const maskPhone = (phone: string) => (phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone);
