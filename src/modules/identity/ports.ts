import type { AnyKysely } from '../../kernel/db.js';

/** Texts a shopper's sign-in code. */
export interface SignInSms {
  /**
   * The text carrying the code, made first (whatever it reads, it reads outside the caller's transaction: SQLite
   * has one connection) and then sent inside that transaction, so a code is kept only if its text is.
   */
  codeText(phone: string, code: string): Promise<(trx: AnyKysely) => Promise<void>>;
}
