import { describe, expect, it } from 'vitest';
import { yuanTextToFen } from './money.js';

describe('yuanTextToFen', () => {
  it('reads yuan as typed, commas as thousands groups only, to whole fen', () => {
    expect(yuanTextToFen('1,000')).toBe(100_000);
    expect(yuanTextToFen('12,345.60')).toBe(1_234_560);
    expect(yuanTextToFen('1，234，567')).toBe(123_456_700);
    expect(yuanTextToFen(' 19.9 ')).toBe(1_990);
    expect(yuanTextToFen('0.29')).toBe(29);
    expect(yuanTextToFen('1234567890.12')).toBe(123_456_789_012);
  });

  it('refuses a comma that is not a thousands separator, and what is no yuan amount', () => {
    for (const text of ['12,50', '1,00', ',5', '1,2345', '12,345,67', '1,000,', '12，50', '1,,000', '1.234', '-5', '', undefined, '12345678901', '12,345,678,901']) {
      expect(yuanTextToFen(text), String(text)).toBeNull();
    }
  });
});
