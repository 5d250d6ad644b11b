/**
 * The check character (18th) of a 居民身份证号码 (GB 11643-1999), for a form that must judge it without the server:
 * the station phone queues records offline, so a typo found only at sync would set the whole record aside.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECKS = '10X98765432';

/** Whether the 18th character of an ID number of the right form (17 digits, then a digit or X) is its check character. */
export function residentIdCheckMatches(id: string): boolean {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + Number(id[i]) * w, 0);
  return CHECKS[sum % 11] === id[17];
}
