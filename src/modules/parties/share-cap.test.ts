import { describe, expect, it } from 'vitest';
import { peakTaken, type ShareSpan } from './share-cap.js';

const span = (shareBp: number, validFrom: string, validTo: string | null = null, productId: string | null = null): ShareSpan => ({ shareBp, validFrom, validTo, productId });

describe('the link cap', () => {
  it('counts a link that starts later on the days the new one covers', () => {
    // The fault auditors found: 60 % from July plus 60 % from today passed, since only today was checked.
    expect(peakTaken([span(6000, '2026-07-01')], span(6000, '2026-06-01'))).toEqual({ takenBp: 6000, day: '2026-07-01' });
  });

  it('leaves out links that ended before the new one starts, or start after a closed one ends', () => {
    expect(peakTaken([span(6000, '2026-01-01', '2026-06-01')], span(6000, '2026-06-01')).takenBp).toBe(0);
    expect(peakTaken([span(6000, '2026-01-01', '2026-06-01')], span(6000, '2026-05-31')).takenBp).toBe(6000);
  });

  it('adds the shares in force together on the worst day', () => {
    const existing = [span(3000, '2026-01-01', '2026-03-01'), span(2000, '2026-02-01'), span(4000, '2026-04-01')];
    expect(peakTaken(existing, span(1000, '2026-01-15'))).toEqual({ takenBp: 6000, day: '2026-04-01' });
  });

  it("adds a seller-wide link to each product's links, but never two products' links together", () => {
    const existing = [span(4000, '2026-01-01', null, 'prd_a'), span(5000, '2026-01-01', null, 'prd_b'), span(1000, '2026-01-01')];
    expect(peakTaken(existing, span(1000, '2026-01-01')).takenBp).toBe(6000);
    expect(peakTaken(existing, span(1000, '2026-01-01', null, 'prd_a')).takenBp).toBe(5000);
    expect(peakTaken(existing, span(1000, '2026-01-01', null, 'prd_c')).takenBp).toBe(1000);
  });
});
