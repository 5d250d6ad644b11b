import { describe, expect, it } from 'vitest';
import { arrivedOnTime, transitMs } from './promise-rule.js';

describe('the 48-hour promise', () => {
  it('is kept at 48 hours exactly and broken a second later, not rounded to minutes', () => {
    expect(arrivedOnTime('2026-11-27T15:30:00.000Z', '2026-11-29T15:30:00.000Z')).toBe(true);
    expect(arrivedOnTime('2026-11-27T15:30:00.000Z', '2026-11-29T15:30:01.000Z')).toBe(false);
    expect(arrivedOnTime('2026-11-27T15:30:00.000Z', '2026-11-29T15:30:20.000Z')).toBe(false);
    expect(arrivedOnTime('2026-11-27T15:30:00.000Z', null)).toBeNull();
  });

  it('counts across midnight and time zones from the instants', () => {
    // 23:30 Shanghai on the 27th to 23:30:01 Shanghai on the 29th, told in two zones.
    expect(transitMs('2026-11-27T23:30:00+08:00', '2026-11-29T15:30:01Z')).toBe(48 * 3600_000 + 1000);
    expect(arrivedOnTime('2026-11-27T23:30:00+08:00', '2026-11-29T15:30:01Z')).toBe(false);
    expect(arrivedOnTime('2026-11-27T15:30:00Z', '2026-11-29T23:30:00+08:00')).toBe(true);
  });
});
