import { describe, expect, it } from 'vitest';
import { afterMiss, secondsLeft, WAYBILL_RULE, type GuessCounter } from './guess-rule.js';

const MIN = 60_000;

describe('guess rule', () => {
  it('locks a waybill at the fifth miss in a day, for 15, 30, 60 minutes … at most a day, and forgets after a quiet day', () => {
    let counter: GuessCounter | undefined;
    let now = new Date('2026-12-01T00:00:00Z');
    const lockAfterFive = () => {
      for (let i = 0; i < 5; i++) {
        const next = afterMiss(WAYBILL_RULE, counter, now);
        counter = next.counter;
        expect(next.locked).toBe(i === 4);
      }
      return secondsLeft(counter!.locked_until, now) / 60;
    };
    expect(lockAfterFive()).toBe(15);
    now = new Date(now.getTime() + 15 * MIN);
    expect(lockAfterFive()).toBe(30);
    now = new Date(now.getTime() + 30 * MIN);
    expect(lockAfterFive()).toBe(60);
    for (let strike = 4; strike <= 10; strike++) {
      now = new Date(Date.parse(counter!.locked_until!));
      expect(lockAfterFive()).toBe(Math.min(15 * 2 ** (strike - 1), 24 * 60));
    }
    now = new Date(Date.parse(counter!.locked_until!) + 24 * 60 * MIN);
    expect(lockAfterFive()).toBe(15);
  });

  it('starts the count again when the window has passed', () => {
    const start = new Date('2026-12-01T00:00:00Z');
    let counter = afterMiss(WAYBILL_RULE, undefined, start).counter;
    for (let i = 0; i < 3; i++) counter = afterMiss(WAYBILL_RULE, counter, start).counter;
    expect(counter.misses).toBe(4);
    const dayLater = afterMiss(WAYBILL_RULE, counter, new Date(start.getTime() + 24 * 60 * MIN));
    expect(dayLater).toMatchObject({ locked: false, counter: { misses: 1 } });
  });
});
