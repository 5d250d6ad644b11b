import { describe, expect, it } from 'vitest';
import { capShares, splitLine } from './ledger-rounding.js';

describe('crediting one sale line', () => {
  it('rounds each credit down and keeps what is left as the remainder, so the line reconciles exactly', () => {
    // 3,333 fen at 3 × 33.33 %: each household 1,110 fen (1,110.8889 rounded down), 3,330 credited.
    const split = splitLine(3333, [3333, 3333, 3333]);
    expect(split).toEqual({ credits: [1110, 1110, 1110], shareBp: 9999, creditedFen: 3330, remainderE4: 3333 * 9999 - 3330 * 10_000 });
    expect(split.creditedFen * 10_000 + split.remainderE4).toBe(3333 * 9999);
    expect(split.remainderE4).toBe(26_667); // 2.6667 fen left over
  });

  it('leaves no remainder when the shares divide the line', () => {
    expect(splitLine(3000, [6000, 4000])).toEqual({ credits: [1800, 1200], shareBp: 10_000, creditedFen: 3000, remainderE4: 0 });
  });

  it('never credits more than the whole line, even with links that overlap from before the cap was checked day by day', () => {
    // 60 % + 60 %: the older link keeps its 60 %, the newer gets the 40 % left; a 3,000-fen sale credits 3,000.
    expect(capShares([6000, 6000])).toEqual([6000, 4000]);
    expect(capShares([10_000, 500])).toEqual([10_000, 0]);
    expect(splitLine(3000, capShares([6000, 6000])).creditedFen).toBe(3000);
  });
});
