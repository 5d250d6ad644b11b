import { describe, expect, it } from 'vitest';
import { closeDecision, recordDay, tillOf, timeProblem } from './till-rule.js';

describe('the till rule', () => {
  it('gives a record the Shanghai date it was made on', () => {
    expect(recordDay('2026-12-07T15:59:59.000Z')).toBe('2026-12-07');
    expect(recordDay('2026-12-07T16:00:00.000Z')).toBe('2026-12-08');
    expect(recordDay('2026-12-08T00:30:00+08:00')).toBe('2026-12-08');
  });

  it('refuses a record more than 10 minutes ahead of the server, or of a day more than 31 days ago', () => {
    const now = new Date('2026-12-07T02:00:00.000Z');
    expect(timeProblem('2026-12-07T02:10:00.000Z', now)).toBeNull();
    expect(timeProblem('2026-12-07T02:10:01.000Z', now)?.code).toBe('CLOCK_AHEAD');
    expect(timeProblem('2026-11-06T02:00:00.000Z', now)).toBeNull(); // 31 days back
    expect(timeProblem('2026-11-05T15:59:59.000Z', now)?.code).toBe('TOO_OLD'); // 5 Nov in Shanghai: 32 days back
    expect(timeProblem('2026-11-05T16:00:00.000Z', now)).toBeNull(); // 6 Nov in Shanghai
  });

  it('sums the records not voided: expected = opening + in − out', () => {
    expect(
      tillOf(50_000, [
        { cashInFen: 4500, cashOutFen: 0, voided: true },
        { cashInFen: 3000, cashOutFen: 0, voided: false },
        { cashInFen: 0, cashOutFen: 20_000, voided: false },
      ]),
    ).toEqual({ openingCashFen: 50_000, cashInFen: 3000, cashOutFen: 20_000, expectedCashFen: 33_000 });
    expect(tillOf(0, [])).toEqual({ openingCashFen: 0, cashInFen: 0, cashOutFen: 0, expectedCashFen: 0 });
  });

  it('closes a day only on the server’s expected cash, and a difference only with a reason of at least 4 characters', () => {
    expect(closeDecision({ countedCashFen: 100, expectedCashFen: 90 }, 100)).toEqual({ ok: false, code: 'DAY_CHANGED', message: expect.any(String), details: { expectedCashFen: 100 } });
    expect(closeDecision({ countedCashFen: 100, expectedCashFen: 100 }, 100)).toEqual({ ok: true, differenceFen: 0, reason: null });
    expect(closeDecision({ countedCashFen: 90, expectedCashFen: 100, reason: ' 少了 ' }, 100)).toMatchObject({ ok: false, code: 'REASON_REQUIRED', details: { differenceFen: -10 } });
    expect(closeDecision({ countedCashFen: 90, expectedCashFen: 100 }, 100)).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(closeDecision({ countedCashFen: 110, expectedCashFen: 100, reason: '多收一角零钱' }, 100)).toEqual({ ok: true, differenceFen: 10, reason: '多收一角零钱' });
    expect(closeDecision({ countedCashFen: 90, expectedCashFen: 100, reason: '找零错误' }, 100)).toEqual({ ok: true, differenceFen: -10, reason: '找零错误' });
    expect(closeDecision({ countedCashFen: 90, expectedCashFen: 100, reason: 'ab12' }, 100)).toMatchObject({ ok: true });
  });

  it('counts only visible letters and digits in a reason: invisible characters, emoji and spaces explain nothing', () => {
    for (const reason of ['\u200b\u200b\u200b\u200b', '😀😀', '    ', '\u200b找零\u200b', '！！！！', '少\u200d\ufeff了😀']) {
      expect(closeDecision({ countedCashFen: 90, expectedCashFen: 100, reason }, 100), JSON.stringify(reason)).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    }
  });
});
