/** Small pure rules about trainees, from their ID number. */

/** Birth date (YYYY-MM-DD) in an 18-character resident ID number (already checked). */
export const birthDateOf = (idNumber: string) => `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;

/** The 17th character even is a woman (GB 11643). */
export const womanByIdNumber = (idNumber: string) => Number(idNumber[16]) % 2 === 0;

/** Whole years from a birth date to a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 青年: 18 to 35 years old (inclusive) on the date. */
export const youthOn = (birthDate: string, date: string) => {
  const age = ageOn(birthDate, date);
  return age >= 18 && age <= 35;
};

/** An 11-digit mainland mobile number. */
export const isPhone = (text: string) => /^1\d{10}$/.test(text);
