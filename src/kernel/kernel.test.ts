import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';
import { maskIdNumber, maskPhone } from './mask.js';
import { decodeCursor, encodeCursor, toPage } from './http/paging.js';
import { shanghaiDate } from './clock.js';

describe('ids', () => {
  it('carry their prefix and sort by creation time', () => {
    const a = newId('site', Date.parse('2026-01-01T00:00:00Z'));
    const b = newId('site', Date.parse('2026-01-01T00:00:01Z'));
    expect(a).toMatch(/^site_[0-9a-z]{22}$/);
    expect(a < b).toBe(true);
  });
});

describe('masking personal data', () => {
  it('shows the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
  });
  it('shows the first four and last four characters of an ID number', () => {
    expect(maskIdNumber('53062119850315105X')).toBe('5306**********105X');
  });
});

describe('paging', () => {
  it('round-trips a cursor and refuses one it did not issue', () => {
    expect(decodeCursor(encodeCursor('site_abc'))).toBe('site_abc');
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(() => decodeCursor('not a cursor!')).toThrow(/cursor/);
  });
  it('returns a next cursor only when there is more', () => {
    expect(toPage([1, 2, 3], 2, String)).toEqual({ items: [1, 2], nextCursor: encodeCursor('2') });
    expect(toPage([1, 2], 2, String)).toEqual({ items: [1, 2], nextCursor: null });
  });
});

describe('county dates', () => {
  it('are Asia/Shanghai calendar days', () => {
    expect(shanghaiDate(new Date('2026-11-28T16:30:00Z'))).toBe('2026-11-29');
    expect(shanghaiDate(new Date('2026-11-28T15:59:00Z'))).toBe('2026-11-28');
  });
});
