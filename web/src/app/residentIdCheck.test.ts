import { describe, expect, it } from 'vitest';
import { residentIdCheckMatches } from './residentIdCheck.js';

describe('residentIdCheckMatches', () => {
  const valid = ['11010519491231002X', '530621198001011233', '440524198001010013', '530621200002291521', '53062119750615004X'];

  it('accepts an ID number whose 18th character is its check character, X included', () => {
    for (const id of valid) expect(residentIdCheckMatches(id), id).toBe(true);
  });

  it('tells a wrong check character and a changed digit', () => {
    for (const id of valid) {
      expect(residentIdCheckMatches(id.slice(0, 17) + (id[17] === '0' ? '1' : '0')), id).toBe(false);
      expect(residentIdCheckMatches(`${id[0] === '9' ? '8' : '9'}${id.slice(1)}`), id).toBe(false);
    }
  });
});
