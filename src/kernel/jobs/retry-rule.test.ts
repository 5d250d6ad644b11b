import { describe, expect, it } from 'vitest';
import { afterFailure, afterSuccess } from './retry-rule.js';
import { scheduleWords } from './schedule-words.js';

const now = new Date('2026-06-01T00:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms);

describe('what a job does after a run', () => {
  const hourly = { every: 3_600_000, maxAttempts: 3, backoffMs: 30_000 };
  const once = { ...hourly, every: null };

  it('runs a scheduled job again one interval on, and finishes a one-off job, after a success', () => {
    expect(afterSuccess(hourly, now)).toEqual({ state: 'ready', dueAt: at(3_600_000), attempts: 0 });
    expect(afterSuccess(once, now)).toEqual({ state: 'done' });
  });

  it('retries after 30 s, then 60 s, doubling, while attempts are left', () => {
    expect(afterFailure(once, 1, now)).toEqual({ state: 'ready', dueAt: at(30_000), attempts: 1 });
    expect(afterFailure(once, 2, now)).toEqual({ state: 'ready', dueAt: at(60_000), attempts: 2 });
  });

  it('fails a one-off job after its last attempt; a scheduled one waits for its next turn with fresh attempts', () => {
    expect(afterFailure(once, 3, now)).toEqual({ state: 'failed' });
    expect(afterFailure(hourly, 3, now)).toEqual({ state: 'ready', dueAt: at(3_600_000), attempts: 0 });
  });
});

describe('a schedule in words', () => {
  it('says the interval in Chinese, then English', () => {
    expect([60_000, 300_000, 3_600_000, 86_400_000, 90 * 60_000, 1000, null].map(scheduleWords)).toEqual([
      '每分钟 Every minute',
      '每 5 分钟 Every 5 minutes',
      '每小时 Every hour',
      '每天 Every day',
      '每 90 分钟 Every 90 minutes',
      '每秒 Every second',
      '按需 On demand',
    ]);
  });
});
