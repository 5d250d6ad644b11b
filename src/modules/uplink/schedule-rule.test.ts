import { describe, expect, it } from 'vitest';
import { closedPeriods, retryWaitMs } from './schedule-rule.js';

describe('closed periods (Asia/Shanghai)', () => {
  // 2026-01-01 03:00 in Shanghai is still 2025-12-31 in UTC.
  const newYear = new Date('2025-12-31T19:00:00Z');
  it('never the open period, newest first', () => {
    expect(closedPeriods('month', newYear, 3)).toEqual(['2025-12', '2025-11', '2025-10']);
    expect(closedPeriods('quarter', newYear, 2)).toEqual(['2025-Q4', '2025-Q3']);
    expect(closedPeriods('year', newYear, 1)).toEqual(['2025']);
    expect(closedPeriods('day', newYear, 2)).toEqual(['2025-12-31', '2025-12-30']);
  });
  it('months back over a year boundary', () => {
    expect(closedPeriods('month', new Date('2026-02-10T00:00:00Z'))).toHaveLength(12);
    expect(closedPeriods('month', new Date('2026-02-10T00:00:00Z')).at(-1)).toBe('2025-02');
    expect(closedPeriods('quarter', new Date('2026-02-10T00:00:00Z'))).toEqual(['2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1']);
  });
});

describe('retry wait', () => {
  it('1 minute, doubling, at most 6 hours', () => {
    expect([1, 2, 3, 4].map(retryWaitMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryWaitMs(20)).toBe(6 * 3600_000);
  });
});
