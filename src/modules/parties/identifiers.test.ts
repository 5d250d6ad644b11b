import { describe, expect, it } from 'vitest';
import { creditCodeProblem, residentIdProblem } from './identifiers.js';

describe('unified social credit codes', () => {
  it('accepts the public and synthetic vectors, including check character 0', () => {
    for (const code of ['91110000600037341L', '92530621MA6K001020', '93530621MA6K001610', '91530621MA6K003560']) {
      expect(creditCodeProblem(code), code).toBeNull();
    }
  });
  it('refuses a wrong check character, a forbidden letter and a wrong length', () => {
    expect(creditCodeProblem('91110000600037341M')).toMatch(/check character/);
    expect(creditCodeProblem('91530621MA6K003561')).toMatch(/check character/);
    expect(creditCodeProblem('9111000060003734IL')).toMatch(/without I/);
    expect(creditCodeProblem('9111000060003734')).toMatch(/18 characters/);
  });
  it('refuses a code whose organisation code check is wrong even when the last character fits', () => {
    // Same first 8 characters, organisation code with a wrong 9th character; 18th recomputed to fit.
    expect(creditCodeProblem('91110000600037351M')).toMatch(/organisation code/);
  });
});

describe('resident ID numbers', () => {
  it('accepts the vectors, including check character X', () => {
    for (const id of ['360426199101010071', '34052419800101001X', '53062119850315105X']) expect(residentIdProblem(id), id).toBeNull();
  });
  it('refuses a wrong check character, an impossible birth date and a lower-case x', () => {
    expect(residentIdProblem('360426199101010072')).toMatch(/check character/);
    expect(residentIdProblem('360426199102300071')).toMatch(/birth date/);
    expect(residentIdProblem('34052419800101001x')).toMatch(/digit or X/);
  });
});
