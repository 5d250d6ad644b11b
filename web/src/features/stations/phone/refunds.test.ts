import { describe, expect, it } from 'vitest';
import { refundCash, refundsToOffer } from './refunds.js';

const refused = (clientId: string) => ({ clientId, type: 'bill.pay', day: '2026-12-08', summary: '电费 · 国网云南电力 · ¥120.00', providerMessage: '户号不存在', cashInFen: 12_200, cashOutFen: 0 });

describe('the phone’s 退款 offers', () => {
  it('offers the desk’s refused records until a refund or a void of one is queued', () => {
    const desk = [refused('bill-aaaaaaaa'), refused('bill-bbbbbbbb'), refused('bill-cccccccc')];
    const queued = [
      { record: { type: 'provider.refund', targetClientId: 'bill-aaaaaaaa' } },
      { record: { type: 'record.void', targetClientId: 'bill-cccccccc' } },
      { record: { type: 'bill.pay' } },
    ];
    expect(refundsToOffer(desk, queued).map((r) => r.clientId)).toEqual(['bill-bbbbbbbb']);
    expect(refundsToOffer(undefined, queued)).toEqual([]);
  });

  it('hands back what the till took, and takes back what it paid out', () => {
    expect(refundCash({ cashInFen: 12_200, cashOutFen: 0 })).toEqual({ inFen: 0, outFen: 12_200 });
    expect(refundCash({ cashInFen: 0, cashOutFen: 50_000 })).toEqual({ inFen: 50_000, outFen: 0 });
  });
});
