/**
 * The shapes of Chinese identifiers, checked in the browser only as far as their form goes (length, allowed
 * characters); whether the check characters match is the server's verdict, shown under the field.
 */

/** 统一社会信用代码: 18 digits or capital letters, without I, O, S, V, Z. */
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NP-RT-UW-Y]{18}$/;
/** 居民身份证号码: 17 digits, then a digit or X. */
export const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;

/** What people type (lower case, spaces, a lower-case x) as the identifier is written. */
export const normalizeIdentifier = (value: string | undefined) => (value ?? '').replace(/\s+/g, '').toUpperCase();
