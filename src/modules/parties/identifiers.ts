/** Check characters of Chinese identifiers (domain/FACTS.md). Each returns null when valid, else the reason. */

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECKS = '10X98765432';

/** The 18th character of a credit code, from the first 17. */
export function creditCodeCheck(first17: string): string {
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + USCC_ALPHABET.indexOf(first17[i]) * w, 0);
  // The outer mod matters: a sum ≡ 0 (mod 31) gives check character '0', not index 31.
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** The 9th character of an organisation code (GB 11714), from the first 8. */
export function organisationCodeCheck(first8: string): string {
  const value = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);
  const rest = 11 - (ORG_WEIGHTS.reduce((acc, w, i) => acc + value(first8[i]) * w, 0) % 11);
  return rest === 10 ? 'X' : rest === 11 ? '0' : String(rest);
}

/** 统一社会信用代码 (GB 32100-2015): 18 characters, its own check character and the organisation code's. */
export function creditCodeProblem(code: string): string | null {
  if (!/^[0-9A-HJ-NP-RT-UW-Y]{18}$/.test(code)) return 'must be 18 characters of 0-9 and A-Z without I, O, S, V, Z';
  if (creditCodeCheck(code.slice(0, 17)) !== code[17]) return 'check character (18th) does not match';
  if (organisationCodeCheck(code.slice(8, 16)) !== code[16]) return 'organisation code (characters 9–17) has a wrong check character';
  return null;
}

/** The 18th character of a resident ID number, from the first 17. */
export function residentIdCheck(first17: string): string {
  return ID_CHECKS[ID_WEIGHTS.reduce((acc, w, i) => acc + Number(first17[i]) * w, 0) % 11];
}

/** 居民身份证号码 (GB 11643-1999): 18 characters, a real birth date, the check character. */
export function residentIdProblem(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'must be 17 digits and a digit or X';
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replace(/-/g, '') !== birth || birth < '19000101') {
    return 'characters 7–14 are not a birth date';
  }
  if (residentIdCheck(id.slice(0, 17)) !== id[17]) return 'check character (18th) does not match';
  return null;
}
