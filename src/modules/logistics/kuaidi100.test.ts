import { describe, expect, it } from 'vitest';
import { eventCode, fromKuaidi100, toKuaidi100 } from './kuaidi100.js';

describe('the Kuaidi100 vocabulary', () => {
  it('names our states in theirs', () => {
    expect(toKuaidi100('received_county')).toEqual({ state: 0, subState: null });
    expect(toKuaidi100('arrived_village')).toEqual({ state: 5, subState: 501 });
    expect(toKuaidi100('picked_up')).toEqual({ state: 3, subState: 304 });
    expect(toKuaidi100('returned').state).toBe(6);
    expect(toKuaidi100('problem').state).toBe(2);
    expect(toKuaidi100('created').state).toBe(1);
  });

  it('reads theirs as our scans, and knows what it does not know', () => {
    expect(fromKuaidi100(3)).toBe('picked_up');
    expect(fromKuaidi100(304)).toBe('picked_up');
    expect(fromKuaidi100(14)).toBe('returned');
    expect(fromKuaidi100(4)).toBe('returned');
    expect(fromKuaidi100(2)).toBe('problem');
    expect(fromKuaidi100(501)).toBe('arrived_village');
    expect(fromKuaidi100(0)).toBe('carrier_update');
    expect(fromKuaidi100(7)).toBe('carrier_update');
    expect(fromKuaidi100(99)).toBeNull();
  });

  it('round-trips the states a parcel ends in', () => {
    for (const status of ['picked_up', 'returned', 'arrived_village'] as const) expect(fromKuaidi100(toKuaidi100(status).subState ?? toKuaidi100(status).state)).toBe(status);
  });

  it("gives each event its own code: a carrier's scan the state it was pushed with, ours their sub-state", () => {
    expect(eventCode('carrier_update', 'k100-yunda-YD123456-abc-carrier_update-1')).toBe(1);
    expect(eventCode('carrier_update', 'k100-yunda-YD123456-abc-carrier_update-5')).toBe(5);
    expect(eventCode('carrier_update', 'k100-yunda-YD123456-abc-carrier_update')).toBe(0);
    expect(eventCode('arrived_village', 'x')).toBe(501);
    expect(eventCode('picked_up', 'x')).toBe(304);
    expect(eventCode('received_county', 'x')).toBe(0);
  });
});
