import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1), the OWASP minimum.
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Stored instead of a hash for accounts created without a password (bulk import): no password
 * verifies against it (argon2 rejects the format), so the person signs in by setting one first.
 */
export const NO_PASSWORD = '!';

/** A hash of a random password, verified against when the phone is unknown so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export const timingDummyHash = () => {
  dummyHash ??= hash('not-a-real-password-0f2b');
  return dummyHash;
};
