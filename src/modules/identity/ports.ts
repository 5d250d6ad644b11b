import type { AnyKysely } from '../../kernel/db.js';

/** Texts a shopper's sign-in code, inside the caller's transaction (so a code is kept only if its text is). */
export interface SignInSms {
  sendCode(trx: AnyKysely, phone: string, code: string): Promise<void>;
}
