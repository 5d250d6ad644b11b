import { describe, expect, it } from 'vitest';
import { splitLine } from './ledger-rounding.js';

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
});
