import { describe, expect, it } from 'vitest';
import { calendarDate, calendarInstant } from './calendar.js';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return { status: (err as { status: number }).status, message: (err as Error).message };
  }
  throw new Error('accepted');
};

describe('calendar dates and times', () => {
  it('take real days and times, with or without an offset (Asia/Shanghai when none)', () => {
    expect(calendarDate('2024-02-29', 'd')).toBe('2024-02-29');
    expect(calendarInstant('2026-02-28 10:00:00', 't')).toBe('2026-02-28T02:00:00.000Z');
    expect(calendarInstant('2026-11-27T23:30:00+08:00', 't')).toBe('2026-11-27T15:30:00.000Z');
    expect(calendarInstant('2026-11-27T15:30:00.123Z', 't')).toBe('2026-11-27T15:30:00.123Z');
    expect(calendarInstant('2026-11-27T15:30-0500', 't')).toBe('2026-11-27T20:30:00.000Z');
    expect(calendarInstant('2026-12-31 23:59:59', 't')).toBe('2026-12-31T15:59:59.000Z');
  });

  it('refuse days and times that do not exist, naming the field, rather than roll them over', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2025-02-29', '2026-04-31', '2026-00-10', '2026-2-3', '30/02/2026']) expect(refusal(() => calendarDate(bad, 'querystring.from'))).toMatchObject({ status: 400, message: expect.stringMatching(/^querystring\.from: /) });
    for (const bad of ['2026-02-30 10:00:00', '2026-02-28 24:00:00', '2026-13-01T00:00:00Z', '2026-02-28T23:60:00Z', '2026-02-28T23:59:60Z', '2026-02-28T10:00:00+25:00', 'yesterday', '2026-02-28']) {
      expect(refusal(() => calendarInstant(bad, 'body.at'))).toMatchObject({ status: 400, message: expect.stringMatching(/^body\.at: /) });
    }
  });
});
