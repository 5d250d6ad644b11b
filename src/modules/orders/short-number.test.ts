import { describe, expect, it } from 'vitest';
import { dammDigit, formatShortNo, isShortNo, newShortNo, shortNoDigits } from './short-number.js';

describe('short order numbers', () => {
  it('are 8 digits, never starting with 0, with a Damm check digit', () => {
    for (let i = 0; i < 2000; i++) {
      const no = newShortNo();
      expect(no).toMatch(/^[1-9]\d{7}$/);
      expect(isShortNo(no)).toBe(true);
    }
  });

  it('are not in sequence: numbers made one after another are spread over the whole range', () => {
    // Uniqueness is the table's (a unique index, a new number on a clash); here, that one number says nothing of the next.
    const numbers = Array.from({ length: 500 }, () => Number(newShortNo()));
    const steps = new Set(numbers.slice(1).map((n, i) => n - numbers[i]));
    expect(steps.size).toBeGreaterThan(400);
    expect(new Set(numbers.map((n) => String(n)[0])).size).toBe(9);
  });

  it('take the check digit from the first seven (the smallest and largest bodies)', () => {
    expect(newShortNo(() => 1_000_000)).toBe(`1000000${dammDigit('1000000')}`);
    expect(newShortNo(() => 9_999_999)).toBe(`9999999${dammDigit('9999999')}`);
    // The textbook example: 572 gets 4.
    expect(dammDigit('572')).toBe(4);
  });

  it('catch every single mistyped digit and every swap of neighbours', () => {
    const no = newShortNo(() => 2_612_034);
    for (let i = 0; i < 8; i++) {
      for (let d = 0; d <= 9; d++) {
        const typo = no.slice(0, i) + d + no.slice(i + 1);
        if (typo !== no) expect(isShortNo(typo), typo).toBe(false);
      }
      if (i < 7 && no[i] !== no[i + 1]) expect(isShortNo(no.slice(0, i) + no[i + 1] + no[i] + no.slice(i + 2))).toBe(false);
    }
  });

  it('refuse what is not 8 digits', () => {
    expect(isShortNo('')).toBe(false);
    expect(isShortNo('1234567')).toBe(false);
    expect(isShortNo(`0${newShortNo().slice(1)}`)).toBe(false);
    expect(isShortNo('ord_0mx1abc')).toBe(false);
  });

  it('are read from what people type or a scanner reads, and shown in two groups of four', () => {
    expect(shortNoDigits(' 2612 0347 ')).toBe('26120347');
    expect(shortNoDigits('2612-0347')).toBe('26120347');
    expect(shortNoDigits('https://county.example/pickup-orders?no=26120347')).toBe('26120347');
    expect(formatShortNo('26120347')).toBe('2612 0347');
  });
});
