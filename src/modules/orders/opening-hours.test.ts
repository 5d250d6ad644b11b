import { describe, expect, it } from 'vitest';
import { cashDeadline, DEFAULT_HOURS, describeHours, parseOpeningHours } from './opening-hours.js';

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
/** A Shanghai wall-clock time as an instant. */
const at = (local: string) => new Date(`${local}+08:00`);

describe('reading a point’s opening hours', () => {
  it('reads the usual forms', () => {
    expect(parseOpeningHours('08:00-20:00')).toEqual({ days: EVERY_DAY, opensAt: 480, closesAt: 1200, assumed: false });
    expect(parseOpeningHours('每天 8:00–20:00')).toEqual({ days: EVERY_DAY, opensAt: 480, closesAt: 1200, assumed: false });
    expect(parseOpeningHours('8:30～18:00')).toEqual({ days: EVERY_DAY, opensAt: 510, closesAt: 1080, assumed: false });
    expect(parseOpeningHours('周一至周六 08:30-18:00')).toEqual({ days: [1, 2, 3, 4, 5, 6], opensAt: 510, closesAt: 1080, assumed: false });
    expect(parseOpeningHours('周一到周日 9:00—17:30')).toEqual({ days: EVERY_DAY, opensAt: 540, closesAt: 1050, assumed: false });
    expect(parseOpeningHours('工作日 9:00-18:00')).toEqual({ days: [1, 2, 3, 4, 5], opensAt: 540, closesAt: 1080, assumed: false });
    expect(parseOpeningHours('周六至周日 10:00-16:00')).toEqual({ days: [0, 6], opensAt: 600, closesAt: 960, assumed: false });
  });

  it('reads hours written in words, split days and round the clock', () => {
    expect(parseOpeningHours('早上8点到晚上8点')).toEqual({ days: EVERY_DAY, opensAt: 480, closesAt: 1200, assumed: false });
    expect(parseOpeningHours('8点半-18点')).toEqual({ days: EVERY_DAY, opensAt: 510, closesAt: 1080, assumed: false });
    expect(parseOpeningHours('8:30-12:00，14:00-18:00')).toEqual({ days: EVERY_DAY, opensAt: 510, closesAt: 1080, assumed: false });
    expect(parseOpeningHours('9-6')).toEqual({ days: EVERY_DAY, opensAt: 540, closesAt: 1080, assumed: false });
    expect(parseOpeningHours('全天营业')).toEqual({ days: EVERY_DAY, opensAt: 0, closesAt: 1440, assumed: false });
  });

  it('falls back to every day 08:00–20:00 and says so', () => {
    for (const text of ['', null, undefined, '看情况', '电话联系', '25:00-26:00']) expect(parseOpeningHours(text)).toEqual(DEFAULT_HOURS);
    expect(DEFAULT_HOURS.assumed).toBe(true);
  });

  it('describes the hours in Chinese', () => {
    expect(describeHours(parseOpeningHours('8:00-20:00'))).toBe('每天 08:00–20:00');
    expect(describeHours(parseOpeningHours('周一至周五 9:00-18:00'))).toBe('周一至周五 09:00–18:00');
    expect(describeHours(parseOpeningHours('周六至周日 10:00-16:00'))).toBe('周六至周日 10:00–16:00');
  });
});

describe('how long a cash order waits at the point', () => {
  const daily = parseOpeningHours('每天 8:00–20:00');

  it('ordered while the point is open: until closing on the next opening day', () => {
    expect(cashDeadline(at('2026-12-07T10:00:00'), daily)).toEqual(at('2026-12-08T20:00:00'));
    expect(cashDeadline(at('2026-12-07T19:59:00'), daily)).toEqual(at('2026-12-08T20:00:00'));
  });

  it('ordered before opening: until tonight’s closing; after closing: tomorrow’s', () => {
    expect(cashDeadline(at('2026-12-07T06:00:00'), daily)).toEqual(at('2026-12-07T20:00:00'));
    expect(cashDeadline(at('2026-12-07T22:30:00'), daily)).toEqual(at('2026-12-08T20:00:00'));
    // Past midnight UTC but still the same Shanghai evening.
    expect(cashDeadline(new Date('2026-12-07T16:30:00Z'), daily)).toEqual(at('2026-12-08T20:00:00'));
  });

  it('skips the days the point is closed', () => {
    const weekdays = parseOpeningHours('周一至周五 9:00-18:00');
    // 2026-12-11 is a Friday: the next opening day is Monday the 14th.
    expect(cashDeadline(at('2026-12-11T12:00:00'), weekdays)).toEqual(at('2026-12-14T18:00:00'));
    expect(cashDeadline(at('2026-12-12T12:00:00'), weekdays)).toEqual(at('2026-12-14T18:00:00'));
  });

  it('is never the 30 minutes of an online payment', () => {
    const placed = at('2026-12-07T19:50:00');
    expect(cashDeadline(placed, daily).getTime() - placed.getTime()).toBeGreaterThan(12 * 3600_000);
  });
});
