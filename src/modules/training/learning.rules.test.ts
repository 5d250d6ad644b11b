import { describe, expect, it } from 'vitest';
import { creditVideo, MAX_CREDIT_PER_REPORT_SECONDS, readingSecondsLeft, secondsToFinish } from './learning.rules.js';

const at = (s: number) => new Date(Date.parse('2026-06-01T02:00:00Z') + s * 1000);
const start = { lastReportAt: at(0).toISOString(), positionSeconds: 0, watchedSeconds: 0 };

describe('video crediting', () => {
  it('credits the forward movement, capped by the wall time since the previous report', () => {
    expect(creditVideo(start, 15, 1200, at(15))).toEqual({ lastReportAt: at(15).toISOString(), positionSeconds: 15, watchedSeconds: 15, credited: 15, done: false });
    // A 20-minute video "finished" in one request three seconds later: three seconds.
    expect(creditVideo(start, 1200, 1200, at(3))).toMatchObject({ positionSeconds: 1200, watchedSeconds: 3, credited: 3, done: false });
  });

  it('never credits idle time: a long gap between reports earns at most one report interval with slack', () => {
    expect(MAX_CREDIT_PER_REPORT_SECONDS).toBe(60);
    // Opened (a report at 0), left for 20 minutes, then a jump to the end: 60 s, not 1200.
    expect(creditVideo(start, 1200, 1200, at(1200))).toMatchObject({ positionSeconds: 1200, watchedSeconds: 60, credited: 60, done: false });
    // Paused for ten minutes at 300, then played on for 15 s: the 15 s played.
    const paused = { lastReportAt: at(0).toISOString(), positionSeconds: 300, watchedSeconds: 300 };
    expect(creditVideo(paused, 315, 1200, at(615))).toMatchObject({ watchedSeconds: 315, credited: 15 });
    // A report that came late (a throttled tab, 45 s after the previous one) still credits what was played.
    expect(creditVideo(start, 45, 1200, at(45))).toMatchObject({ watchedSeconds: 45, credited: 45 });
  });

  it('credits nothing for a jump back, and playing on from there counts again only in real time', () => {
    const later = { lastReportAt: at(60).toISOString(), positionSeconds: 60, watchedSeconds: 60 };
    const back = creditVideo(later, 10, 1200, at(75));
    expect(back).toMatchObject({ positionSeconds: 10, watchedSeconds: 60, credited: 0 });
    expect(creditVideo(back, 25, 1200, at(90))).toMatchObject({ watchedSeconds: 75, credited: 15 });
  });

  it('is done at 90 % of the length, never past the length, and positions are clamped', () => {
    expect(secondsToFinish(1200)).toBe(1080);
    expect(secondsToFinish(101)).toBe(91);
    const near = { lastReportAt: at(0).toISOString(), positionSeconds: 1065, watchedSeconds: 1065 };
    expect(creditVideo(near, 1079, 1200, at(14))).toMatchObject({ watchedSeconds: 1079, done: false });
    expect(creditVideo(near, 1080, 1200, at(15))).toMatchObject({ watchedSeconds: 1080, done: true });
    const end = { lastReportAt: at(0).toISOString(), positionSeconds: 1190, watchedSeconds: 1195 };
    expect(creditVideo(end, 5000, 1200, at(60))).toMatchObject({ positionSeconds: 1200, watchedSeconds: 1200, credited: 5 });
  });

  it('a report dated before the previous one (clock skew between processes) credits nothing', () => {
    expect(creditVideo({ ...start, lastReportAt: at(30).toISOString() }, 20, 1200, at(10))).toMatchObject({ credited: 0, watchedSeconds: 0 });
  });
});

describe('document reading time', () => {
  it('counts from the first opening', () => {
    expect(readingSecondsLeft(at(0).toISOString(), 120, at(0))).toBe(120);
    expect(readingSecondsLeft(at(0).toISOString(), 120, at(119.5))).toBe(1);
    expect(readingSecondsLeft(at(0).toISOString(), 120, at(120))).toBe(0);
    expect(readingSecondsLeft(at(0).toISOString(), 0, at(0))).toBe(0);
  });
});
