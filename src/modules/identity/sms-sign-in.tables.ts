import type { IdentityTables } from './identity.tables.js';

/** The live sign-in code of one phone; a new code replaces it, a right one or the fifth wrong try removes it. */
export interface SmsCodeRow {
  /** The phone's keyed fingerprint (Sealer.fingerprint): the number itself is not kept here. */
  phone_print: string;
  /** Keyed print of the phone and the code together, so six digits cannot be guessed back from the table. */
  code_print: string;
  sent_at: string;
  expires_at: string;
  /** Tries counted against this code, before each is checked. */
  tries: number;
}

/** A fixed window of codes sent: `phone-hour:`, `phone-day:` (by fingerprint) and `ip:` (address group). */
export interface SmsLimitRow {
  key: string;
  window_end: string;
  count: number;
}

export interface SmsSignInTables extends IdentityTables {
  identity_sms_codes: SmsCodeRow;
  identity_sms_limits: SmsLimitRow;
}
