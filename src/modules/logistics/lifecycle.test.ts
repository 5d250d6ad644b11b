import { describe, expect, it } from 'vitest';
import { applyScan, replay, scanProblem, settle, transitMinutes, type Scan } from './lifecycle.js';

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

describe('scans that reach the server after the parcel\'s way has ended (an offline point syncing late)', () => {
  const at = (h: number) => `2026-12-01T${String(h).padStart(2, '0')}:00:00.000Z`;
  const story = (...scans: Scan[]) => replay('down', scans).state;
  const notified = () => story(scan('received_county', at(1)), scan('arrived_village', at(5)), scan('notified', at(6)));

  it('never undo a return the county made meanwhile: the late hand-over is kept flagged', () => {
    const returned = settle('down', applyScan('down', notified(), scan('returned', at(10), 'ret')).state, [{ ...scan('picked_up', at(8), 'pick'), note: null }]);
    expect(returned.state).toMatchObject({ status: 'returned', pickedUpAt: null, problem: { code: 'ALREADY_FINISHED' } });
    expect(returned.flags.get('pick')).toMatchObject({ code: 'ALREADY_FINISHED', reason: expect.stringMatching(/returned/) });
  });

  it('never undo a hand-over made meanwhile: the late return is kept flagged and the pick-up time stays', () => {
    const picked = applyScan('down', notified(), scan('picked_up', at(10), 'pick')).state;
    const late = settle('down', picked, [scan('returned', at(8), 'ret')]);
    expect(late.state).toMatchObject({ status: 'picked_up', pickedUpAt: at(10), problem: { code: 'ALREADY_FINISHED' } });
    expect(late.flags.get('ret')?.code).toBe('ALREADY_FINISHED');
  });

  it('flag a second hand-over instead of counting a second pick-up', () => {
    const picked = applyScan('down', notified(), scan('picked_up', at(10), 'pick-a')).state;
    const second = settle('down', picked, [scan('picked_up', at(11), 'pick-b')]);
    expect(second.state).toMatchObject({ status: 'picked_up', pickedUpAt: at(10), problem: { code: 'ALREADY_FINISHED', reason: expect.stringMatching(/second time/) } });
    expect(second.flags.get('pick-b')?.code).toBe('ALREADY_FINISHED');
    // In one replay too: two pick-ups, the second flagged.
    const both = replay('down', [scan('arrived_village', at(5)), scan('picked_up', at(10), 'pick-a'), scan('picked_up', at(9), 'pick-b')]);
    expect(both.state.pickedUpAt).toBe(at(9));
    expect(both.flags.get('pick-a')?.code).toBe('ALREADY_FINISHED');
    expect(scanProblem('down', 'returned', 'returned')?.code).toBe('ALREADY_FINISHED');
    expect(scanProblem('down', 'notified', 'notified')).toBeNull();
  });

  it('still place a late scan by its time while the parcel is on its way', () => {
    const arrived = story(scan('received_county', at(1)), scan('arrived_village', at(5)));
    const late = settle('down', arrived, [scan('loaded', at(3), 'load')], [scan('received_county', at(1), 'rcv'), scan('arrived_village', at(5), 'arr'), scan('loaded', at(3), 'load')]);
    expect(late.state).toMatchObject({ status: 'arrived_village', problem: null });
    expect(late.flags.get('load')).toBeNull();
  });
});
