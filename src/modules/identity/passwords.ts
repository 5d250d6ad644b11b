import { hash, verify } from '@node-rs/argon2';
import { invalidField } from '../../kernel/errors.js';

// algorithm 2 is Argon2id (a const enum in the typings, which isolatedModules cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function passwordMatches(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random string, verified against when the user does not exist so both paths take as long. */
export const decoyHash = hashPassword('decoy-' + Math.random());

/** At least 10 characters with a letter and a digit. */
export function checkPasswordStrength(password: string, field = 'body.password'): void {
  if (password.length < 10) throw invalidField(field, 'must be at least 10 characters', 'PASSWORD_TOO_WEAK');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw invalidField(field, 'must contain letters and digits', 'PASSWORD_TOO_WEAK');
  }
}
