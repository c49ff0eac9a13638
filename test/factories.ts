import { checkCharacter } from '../src/shared/id-card.js';

/** A valid (made-up) ID number issued in 371002: `birth` is YYYYMMDD; an odd `seq` is a man, even a woman. */
export function idNumber(birth: string, seq: number): string {
  const first17 = `371002${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
