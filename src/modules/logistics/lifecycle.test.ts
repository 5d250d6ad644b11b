import { describe, expect, it } from 'vitest';
import { replay, scanProblem, transitMinutes, type Scan } from './lifecycle.js';

const scan = (type: Scan['type'], at: string, eventId = `${type}@${at}`): Scan => ({ eventId, type, at, note: null });

describe('a parcel\'s scans', () => {
  it('move it forward, and may skip a hop that was not scanned', () => {
    const { state, flags } = replay('down', [scan('received_county', '2026-12-01T01:00:00Z'), scan('arrived_village', '2026-12-01T09:00:00Z')]);
    expect(state).toMatchObject({ status: 'arrived_village', receivedAt: '2026-12-01T01:00:00Z', arrivedAt: '2026-12-01T09:00:00Z', problem: null });
    expect([...flags.values()]).toEqual([null, null]);
  });

  it('are placed by their time, not by the order they arrive in', () => {
    const late = replay('down', [scan('picked_up', '2026-12-01T12:00:00Z'), scan('arrived_village', '2026-12-01T09:00:00Z'), scan('received_county', '2026-12-01T01:00:00Z')]);
    expect(late.state).toMatchObject({ status: 'picked_up', pickedUpAt: '2026-12-01T12:00:00Z', lastEventAt: '2026-12-01T12:00:00Z' });
  });

  it('that go backwards or make no sense are flagged and leave the state alone', () => {
    const { state, flags } = replay('down', [scan('arrived_village', '2026-12-01T09:00:00Z'), scan('sorted', '2026-12-01T10:00:00Z')]);
    expect(state.status).toBe('arrived_village');
    expect(state.problem).toMatchObject({ code: 'OUT_OF_SEQUENCE', reason: expect.stringMatching(/out of sequence/) });
    expect(flags.get('sorted@2026-12-01T10:00:00Z')?.code).toBe('OUT_OF_SEQUENCE');
    expect(scanProblem('down', 'loaded', 'picked_up')?.code).toBe('NOT_AT_POINT');
    expect(scanProblem('down', 'picked_up', 'returned')?.code).toBe('ALREADY_FINISHED');
    expect(scanProblem('up', 'opened', 'arrived_village')?.code).toBe('WRONG_DIRECTION');
    expect(scanProblem('down', 'sorted', 'sorted')).toBeNull();
  });

  it('record a problem without moving the parcel, until a good scan clears it', () => {
    const { state } = replay('down', [scan('received_county', '2026-12-01T01:00:00Z'), { ...scan('problem', '2026-12-01T02:00:00Z'), note: '外包装破损' }]);
    expect(state).toMatchObject({ status: 'received_county', problem: { code: 'REPORTED', reason: '外包装破损' } });
    const later = replay('down', [scan('received_county', '2026-12-01T01:00:00Z'), { ...scan('problem', '2026-12-01T02:00:00Z'), note: '外包装破损' }, scan('sorted', '2026-12-01T03:00:00Z')]);
    expect(later.state).toMatchObject({ status: 'sorted', problem: null });
  });

  it('made at the same instant are ordered by how far they take the parcel', () => {
    const same = '2026-12-01T01:00:00Z';
    expect(replay('down', [scan('sorted', same), scan('received_county', same)]).state.status).toBe('sorted');
  });
});

describe('the 48-hour clock', () => {
  it('counts real minutes whatever the offsets and across midnight', () => {
    expect(transitMinutes('2026-11-30T23:30:00+08:00', '2026-12-02T15:30:00Z')).toBe(48 * 60);
    expect(transitMinutes('2026-11-30T15:30:00Z', '2026-12-02T23:29:00+08:00')).toBe(48 * 60 - 1);
    expect(transitMinutes(null, '2026-12-02T15:30:00Z')).toBeNull();
  });
});
