import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, gtin14, newSerial, traceCode, traceUrl } from './trace-code.js';

describe('trace codes and GS1 identifiers', () => {
  it('builds a 20-digit trace code from township, producer, day and serial', () => {
    expect(traceCode('530621103', '001', '2026-09-26', 1)).toBe('53062110300126092601');
    expect(() => traceCode('5306211', '001', '2026-09-26', 1)).toThrow();
    expect(() => traceCode('530621103', '001', '2026-09-26', 100)).toThrow();
  });

  it('checks GTIN check digits and pads to 14 digits', () => {
    expect(gs1CheckDigit('950600013435')).toBe(2);
    expect(gtin14('9506000134352')).toBe('09506000134352');
    expect(gtin14('09506000134353')).toBeNull();
    expect(gtin14('96385074')).toBe('00000096385074');
    expect(gtin14('12345')).toBeNull();
  });

  it('makes a GS1 Digital Link with a GTIN and a short path without one', () => {
    expect(traceUrl('https://ludian.example', { code: '53062110300126092601', gtin: '09506000134352' }, 'ABC234')).toBe('https://ludian.example/01/09506000134352/10/53062110300126092601/21/ABC234');
    expect(traceUrl('https://ludian.example', { code: '53062110300126092601', gtin: null })).toBe('https://ludian.example/t/53062110300126092601');
  });

  it('makes serials without look-alike characters', () => {
    const serials = new Set(Array.from({ length: 2000 }, () => newSerial()));
    expect(serials.size).toBe(2000);
    for (const s of serials) expect(s).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/);
  });
});
