import { describe, expect, it } from 'vitest';
import { implausibleFlags, isLate, median, monthFromCell, monthProblem, nextMonth, previousMonth, yuanToFen } from './report-rules.js';

describe('monthly report rules', () => {
  it('steps months over the year end', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(nextMonth('2026-03')).toBe('2026-04');
  });

  it('is late after the 10th of the next month, Shanghai time', () => {
    // 10 Dec 23:59 in Shanghai is 15:59 UTC: on time; 16:00 UTC is the 11th in Shanghai: late.
    expect(isLate('2026-11', new Date('2026-12-10T15:59:00Z'))).toBe(false);
    expect(isLate('2026-11', new Date('2026-12-10T16:00:00Z'))).toBe(true);
    expect(isLate('2026-12', new Date('2027-01-05T00:00:00Z'))).toBe(false);
  });

  it('takes only ended months in which the shop was open', () => {
    const now = new Date('2026-12-07T01:00:00Z');
    const shop = { openedOn: '2025-03-15', closedOn: null };
    expect(monthProblem('2026-11', now, shop)).toBeNull();
    expect(monthProblem('2026-12', now, shop)).toContain('尚未结束');
    expect(monthProblem('2027-01', now, shop)).toContain('尚未结束');
    expect(monthProblem('2025-03', now, shop)).toBeNull();
    expect(monthProblem('2025-02', now, shop)).toContain('开业');
    expect(monthProblem('2026-10', now, { ...shop, closedOn: '2026-09-30' })).toContain('关闭');
    expect(monthProblem('2026-13', now, shop)).toContain('YYYY-MM');
  });

  it('finds the median of odd and even lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('flags a jump or drop against the median of the previous months, and only with 3 of them', () => {
    const history = [100_000, 120_000, 110_000, 90_000];
    expect(implausibleFlags({ salesFen: 600_000, orders: 100, produceFen: 0 }, history).map((f) => f.code)).toEqual(['jump']);
    expect(implausibleFlags({ salesFen: 20_000, orders: 100, produceFen: 0 }, history).map((f) => f.code)).toEqual(['drop']);
    expect(implausibleFlags({ salesFen: 520_000, orders: 200, produceFen: 0 }, history)).toEqual([]);
    expect(implausibleFlags({ salesFen: 600_000, orders: 200, produceFen: 0 }, [100_000, 100_000])).toEqual([]);
    // Only the last 6 months count: an old small month does not make today's figure a jump.
    expect(implausibleFlags({ salesFen: 600_000, orders: 200, produceFen: 0 }, [1, 1, 1, 400_000, 400_000, 400_000, 400_000, 400_000, 400_000])).toEqual([]);
    expect(implausibleFlags({ salesFen: 600_000, orders: 100, produceFen: 0 }, history)[0].message).toBe('销售额 ¥6,000 超过前 4 个月中位数 ¥1,050 的 5 倍');
  });

  it('takes a harvest month as the season when the same month a year ago was as big', () => {
    const spring = [100_000, 90_000, 110_000, 100_000, 95_000, 105_000];
    expect(implausibleFlags({ salesFen: 700_000, orders: 100, produceFen: 0 }, spring, 600_000)).toEqual([]);
    expect(implausibleFlags({ salesFen: 700_000, orders: 100, produceFen: 0 }, spring, 100_000).map((f) => f.code)).toEqual(['jump']);
    expect(implausibleFlags({ salesFen: 700_000, orders: 100, produceFen: 0 }, spring, null).map((f) => f.code)).toEqual(['jump']);
    expect(implausibleFlags({ salesFen: 10_000, orders: 10, produceFen: 0 }, [600_000, 500_000, 400_000], 12_000)).toEqual([]);
  });

  it('flags sales without orders, odd average orders and produce over sales', () => {
    expect(implausibleFlags({ salesFen: 10_000, orders: 0, produceFen: 0 }, []).map((f) => f.code)).toEqual(['no_orders']);
    expect(implausibleFlags({ salesFen: 600_001, orders: 1, produceFen: 0 }, []).map((f) => f.code)).toEqual(['high_order_value']);
    expect(implausibleFlags({ salesFen: 99, orders: 1, produceFen: 0 }, []).map((f) => f.code)).toEqual(['low_order_value']);
    expect(implausibleFlags({ salesFen: 500_000, orders: 1, produceFen: 0 }, [])).toEqual([]);
    expect(implausibleFlags({ salesFen: 1000, orders: 2, produceFen: 2000 }, []).map((f) => f.code)).toEqual(['produce_over_sales']);
    expect(implausibleFlags({ salesFen: 0, orders: 0, produceFen: 0 }, [])).toEqual([]);
  });

  it('turns yuan text into fen exactly', () => {
    expect(yuanToFen('1234.56')).toBe(123456);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('1,234.5')).toBe(123450);
    expect(yuanToFen('￥88')).toBe(8800);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('1.005')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('reads a month however a spreadsheet holds it', () => {
    expect(monthFromCell('2026-11')).toBe('2026-11');
    expect(monthFromCell('2026/3')).toBe('2026-03');
    expect(monthFromCell('2026年3月')).toBe('2026-03');
    expect(monthFromCell('2026-03-01')).toBe('2026-03');
    expect(monthFromCell(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03');
    expect(monthFromCell('2026-13')).toBeNull();
    expect(monthFromCell('三月')).toBeNull();
  });
});
