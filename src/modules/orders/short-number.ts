import { randomInt } from 'node:crypto';

/**
 * The order number a villager reads out over the phone: 8 digits, shown "2612 0347". Digits only, so nothing is
 * ambiguous (no O/0, I/1, no letters to spell); 7 random digits, the first never 0 (a leading zero gets dropped when
 * read out or typed into a number field), then a Damm check digit, which catches every single wrong digit and every
 * swap of two neighbours — a mistyped number is told apart from another order's number before it is looked up.
 * Random, so the next order's number cannot be guessed from one's own; 9 million numbers, unique by an index.
 */
export const SHORT_NO_LENGTH = 8;

// The Damm quasigroup of order 10 (weakly totally anti-symmetric).
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** The Damm check digit of a string of digits (appending it makes the whole check to 0). */
export function dammDigit(digits: string): number {
  let interim = 0;
  for (const c of digits) interim = DAMM[interim][c.charCodeAt(0) - 48];
  return interim;
}

/** A fresh random short number (uniqueness is the caller's: the table has a unique index). */
export function newShortNo(random: (min: number, max: number) => number = randomInt): string {
  const body = String(random(1_000_000, 10_000_000));
  return `${body}${dammDigit(body)}`;
}

/** Whether a string is a well-formed short number: 8 digits, first not 0, check digit right. */
export function isShortNo(text: string): boolean {
  return /^[1-9]\d{7}$/.test(text) && dammDigit(text) === 0;
}

/** What a person typed or a scanner read, down to its digits: "2612 0347", "2612-0347", a console URL ending ?no=… */
export function shortNoDigits(typed: string): string {
  const fromUrl = /[?&]no=([\d\s-]+)/.exec(typed);
  return (fromUrl ? fromUrl[1] : typed).replace(/[\s\-－—–·.]/g, '');
}

/** Shown in two groups of four, as it is read out: "2612 0347". */
export const formatShortNo = (no: string) => (no.length === SHORT_NO_LENGTH ? `${no.slice(0, 4)} ${no.slice(4)}` : no);
