import { describe, expect, it } from 'vitest';
import { isValidGtin } from './gtin.js';

describe('GTIN check digits (GS1 mod-10)', () => {
  it('accepts GTIN-8, -12, -13 and -14 with their check digit', () => {
    for (const gtin of ['96385074', '036000291452', '9506000134352', '6901234567892', '09506000134352']) expect(isValidGtin(gtin), gtin).toBe(true);
  });
  it('refuses a wrong check digit or length', () => {
    for (const gtin of ['96385075', '036000291453', '9506000134353', '6901234567891', '09506000134350', '1234567', '123456789', '12345678901234567', '95060001343a2']) expect(isValidGtin(gtin), gtin).toBe(false);
  });
});
