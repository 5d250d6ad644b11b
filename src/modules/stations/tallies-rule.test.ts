import { describe, expect, it } from 'vitest';
import { ALL_KINDS, kindOfRecord, tallyMoves } from './tallies-rule.js';

const record = (over: Partial<Parameters<typeof tallyMoves>[0]>) => ({ type: 'bill.pay', service: 'bill', customer_id: 'scus_1', amount_fen: 12_000, fee_fen: 200, poor: 1, ...over });

describe('what a record adds to the daily tallies', () => {
  it('counts a record under its service, a follow-up under its family, the till’s own nowhere', () => {
    expect(kindOfRecord('bill.pay', 'bill')).toBe('bill');
    expect(kindOfRecord('proxy_buy.ordered', null)).toBe('proxy_buy');
    expect(kindOfRecord('cash.withdraw', 'cash_withdrawal')).toBe('cash_withdrawal');
    expect(kindOfRecord('consignment.payout', null)).toBe('consignment');
    expect(kindOfRecord('day.close', null)).toBeNull();
    expect(kindOfRecord('record.void', null)).toBeNull();
    expect(kindOfRecord('unknown.thing', null)).toBeNull();
  });

  it('adds a service to its kind and to the day over every kind, with its customer for both', () => {
    expect(tallyMoves(record({}), 1)).toEqual({
      money: [
        { kind: 'bill', records: 1, services: 1, amountFen: 12_000, feeFen: 200 },
        { kind: ALL_KINDS, records: 1, services: 1, amountFen: 0, feeFen: 0 },
      ],
      customerKinds: ['bill', ALL_KINDS],
      customerId: 'scus_1',
      poor: true,
    });
  });

  it('takes back on a void exactly what it added, with no −0 for a zero', () => {
    const moves = tallyMoves(record({ fee_fen: 0, poor: 0 }), -1);
    expect(moves.money).toEqual([
      { kind: 'bill', records: -1, services: -1, amountFen: -12_000, feeFen: 0 },
      { kind: ALL_KINDS, records: -1, services: -1, amountFen: 0, feeFen: 0 },
    ]);
    expect(Object.is(moves.money[0]!.feeFen, 0)).toBe(true);
    expect(Object.is(moves.money[1]!.amountFen, 0)).toBe(true);
  });

  it('lets a follow-up bring its fee only (no service, amount or customer), and the till’s records nothing', () => {
    const ordered = tallyMoves(record({ type: 'proxy_buy.ordered', service: null, amount_fen: 8_800, fee_fen: 50 }), -1);
    expect(ordered).toEqual({ money: [{ kind: 'proxy_buy', records: -1, services: 0, amountFen: 0, feeFen: -50 }], customerKinds: [], customerId: null, poor: false });
    expect(tallyMoves(record({ type: 'day.open', service: null }), 1)).toEqual({ money: [], customerKinds: [], customerId: null, poor: false });
  });

  it('counts a service without a customer in services but in nobody’s people', () => {
    expect(tallyMoves(record({ customer_id: null }), 1).customerKinds).toEqual([]);
  });
});
