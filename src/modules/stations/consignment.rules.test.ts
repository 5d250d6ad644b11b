import { describe, expect, it } from 'vitest';
import { allocateFifo, creditFen, refundSplit, villagerShareBp, wholeUnits } from './consignment.rules.js';

describe('what a consignor is owed for units sold', () => {
  it('is units × net weight × price per kg / 1000, rounded half up once per allocation', () => {
    // 3 × 500 g at ¥16.00/kg = ¥24.00
    expect(creditFen(3, 500, 1600)).toBe(2400);
    // 1 × 333 g at ¥15.00/kg = 499.5 fen → 500; 2 units together 999 fen (not 500 + 500)
    expect(creditFen(1, 333, 1500)).toBe(500);
    expect(creditFen(2, 333, 1500)).toBe(999);
    // 1 × 333 g at ¥14.99/kg = 499.167 fen → 499
    expect(creditFen(1, 333, 1499)).toBe(499);
    expect(creditFen(0, 500, 1600)).toBe(0);
  });

  it('stays exact where floating point would not (big lots, high prices)', () => {
    // 9 999 units × 999 999 g × ¥9 999.99/kg: 99 989 000 099 899 000 001 / 1000, half up
    expect(creditFen(9999, 999_999, 999_999)).toBe(Number((9999n * 999_999n * 999_999n * 2n + 1000n) / 2000n));
  });

  it('counts whole units of a lot, the rest staying with the villager', () => {
    expect(wholeUnits(10_250, 500)).toBe(20);
    expect(wholeUnits(499, 500)).toBe(0);
  });
});

describe('first in, first out across a product’s listed lots', () => {
  it('takes from the oldest lot first and moves on when it runs out', () => {
    expect(allocateFifo([{ id: 'a', remaining: 2 }, { id: 'b', remaining: 0 }, { id: 'c', remaining: 5 }], 4)).toEqual({ taken: [{ id: 'a', units: 2 }, { id: 'c', units: 2 }], unallocated: 0 });
  });

  it('says what no lot had', () => {
    expect(allocateFifo([{ id: 'a', remaining: 1 }], 3)).toEqual({ taken: [{ id: 'a', units: 1 }], unallocated: 2 });
    expect(allocateFifo([], 2)).toEqual({ taken: [], unallocated: 2 });
  });
});

describe('a refund takes credits back', () => {
  it('takes everything left back on a refund of the whole order', () => {
    expect(refundSplit([{ creditFen: 2400, reversedFen: 0 }, { creditFen: 999, reversedFen: 100 }], 5000, 5000)).toEqual([2400, 899]);
  });

  it('takes the same part of each credit on a partial refund, rounded half up, never more than is left', () => {
    // a quarter of the order refunded: 600 of 2400, 249.75 → 250 of 999
    expect(refundSplit([{ creditFen: 2400, reversedFen: 0 }, { creditFen: 999, reversedFen: 0 }], 1250, 5000)).toEqual([600, 250]);
    // a second refund of three quarters: capped by what is left
    expect(refundSplit([{ creditFen: 2400, reversedFen: 600 }, { creditFen: 999, reversedFen: 250 }], 3750, 5000)).toEqual([1800, 749]);
  });
});

describe('the household’s share of a listed product’s sales', () => {
  it('is what one unit credits the villager over the SKU’s price', () => {
    // 500 g at ¥16.00/kg = ¥8.00 of a ¥12.80 SKU: 62.5 %
    expect(villagerShareBp(500, 1600, 1280)).toBe(6250);
    // never more than the whole sale, never nothing
    expect(villagerShareBp(500, 4000, 1000)).toBe(10_000);
    expect(villagerShareBp(1, 1, 1_000_000)).toBe(1);
  });
});
