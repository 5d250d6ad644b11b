import { describe, expect, it } from 'vitest';
import { ageOn, birthDateOf, womanByIdNumber, youthOn } from './trainee-rules.js';

describe('trainee rules', () => {
  it('reads the birth date and sex from the ID number', () => {
    expect(birthDateOf('53062119850315105X')).toBe('1985-03-15');
    expect(womanByIdNumber('53062119850315105X')).toBe(false); // 17th digit 5: a man
    expect(womanByIdNumber('530621199001010026')).toBe(true); // 17th digit 2: a woman
  });

  it('counts whole years and calls 18–35 young on the given day', () => {
    expect(ageOn('1990-06-02', '2026-06-01')).toBe(35);
    expect(ageOn('1990-06-01', '2026-06-01')).toBe(36);
    expect(youthOn('1990-06-02', '2026-06-01')).toBe(true);
    expect(youthOn('1990-06-01', '2026-06-01')).toBe(false);
    expect(youthOn('2008-06-02', '2026-06-01')).toBe(false); // 17
    expect(youthOn('2008-06-01', '2026-06-01')).toBe(true); // 18 that day
  });
});
