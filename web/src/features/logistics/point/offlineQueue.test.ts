import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/http.js';
import type { BatchResult, Parcel, ScanInput } from '../../../api/logistics.js';
import type { KeyValueStore } from '../../../app/keptQueue.js';
import { listKey, OfflineQueue, queueKey, recallList, rememberList } from './offlineQueue.js';

/** localStorage as the device keeps it, in a Map. */
function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const scan = (n: number): ScanInput => ({ eventId: `ev-${n}`, parcelId: `pcl_${n}`, type: 'picked_up', pickupCode: '123456', at: '2026-12-02T10:00:00.000Z' });
const accepted = (scans: ScanInput[]): BatchResult => ({ stored: scans.length, duplicates: 0, flagged: [] });

describe('the village point\'s offline queue', () => {
  it('keeps scans across a reload, each event id once', () => {
    const store = memoryStore();
    const queue = new OfflineQueue('q', store);
    queue.add(scan(1));
    queue.add(scan(1));
    queue.add(scan(2));
    expect(new OfflineQueue('q', store).pending.map((q) => q.scan.eventId)).toEqual(['ev-1', 'ev-2']);
  });

  it('keeps everything while the server cannot be reached, and lets go only of what it answered for', async () => {
    const store = memoryStore();
    const queue = new OfflineQueue('q', store);
    queue.add(scan(1));
    const offline = await queue.sync(async () => {
      throw new ApiError(0, 'NETWORK', 'Failed to fetch');
    });
    expect(offline).toMatchObject({ state: 'offline', remaining: 1 });
    const sent: ScanInput[][] = [];
    const done = await queue.sync(async (scans) => (sent.push(scans), accepted(scans)));
    expect(done).toMatchObject({ state: 'done', stored: 1, remaining: 0 });
    expect(sent).toEqual([[scan(1)]]);
    expect(store.data.size).toBe(0);
  });

  it('sets aside a scan the server refuses by name and sends the rest; a sign-out keeps the queue', async () => {
    const queue = new OfflineQueue('q', memoryStore());
    [1, 2, 3].forEach((n) => queue.add(scan(n)));
    const outcome = await queue.sync(async (scans) => {
      if (scans.some((s) => s.eventId === 'ev-2')) throw new ApiError(400, 'VALIDATION_FAILED', 'body.scans.1.parcelId: no parcel with this number is known at your station or point', { field: 'body.scans.1.parcelId' });
      return accepted(scans);
    });
    expect(outcome).toMatchObject({ state: 'done', stored: 2, remaining: 0 });
    expect(queue.setAside.map((r) => [r.scan.eventId, r.reason])).toEqual([['ev-2', 'parcelId: no parcel with this number is known at your station or point']]);

    queue.add(scan(4));
    const signedOut = await queue.sync(async () => {
      throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first');
    });
    expect(signedOut).toMatchObject({ state: 'failed', remaining: 1 });
  });

  it('keeps the scans that did not count, with the waybill, across a reload and a resend, until the operator dismisses them', async () => {
    const store = memoryStore();
    const queue = new OfflineQueue('q', store);
    queue.add(scan(1), '马春花 · YD1001');
    queue.add(scan(2), '李四 · YD1002');
    const answer = (replay: boolean) => async (scans: ScanInput[]) => ({
      stored: replay ? 0 : 2,
      duplicates: replay ? 2 : 0,
      flagged: [{ eventId: 'ev-1', code: 'ALREADY_FINISHED' as const, reason: 'picked_up after the parcel was already returned' }],
      outcomes: scans.map((s, i) => ({ eventId: s.eventId, parcelId: s.parcelId!, waybillNo: `YD100${i + 1}`, type: s.type, replay, code: i === 0 ? ('ALREADY_FINISHED' as const) : null, reason: null, status: i === 0 ? ('returned' as const) : ('picked_up' as const) })),
    });
    const first = await queue.sync(answer(false));
    expect(first.outcomes.map((o) => [o.eventId, o.label, o.code])).toEqual([['ev-1', '马春花 · YD1001', 'ALREADY_FINISHED'], ['ev-2', '李四 · YD1002', null]]);
    expect(new OfflineQueue('q', store).conflicts).toEqual([expect.objectContaining({ eventId: 'ev-1', waybillNo: 'YD1001', status: 'returned', label: '马春花 · YD1001' })]);

    // The answer was lost and the same scans go again: the stored outcome comes back, listed once.
    queue.add(scan(1), '马春花 · YD1001');
    queue.add(scan(2), '李四 · YD1002');
    await queue.sync(answer(true));
    expect(queue.conflicts.map((c) => [c.eventId, c.replay])).toEqual([['ev-1', true]]);
    queue.dismiss('ev-1');
    expect(queue.conflicts).toEqual([]);
    expect(store.data.size).toBe(0);
  });
});

describe('a queue kept by the earlier code', () => {
  it('is sent after an update: its key and stored shape (rejected scans under `rejected`) are read as they were written', async () => {
    // Exactly as the first version wrote it, under countyhub.point.queue.<user>.
    const before = JSON.stringify({
      pending: [{ scan: scan(1), queuedAt: '2026-12-02T10:00:00.000Z', label: '马春花 · YD1001' }, { scan: scan(2), queuedAt: '2026-12-02T10:00:00.000Z' }],
      rejected: [{ scan: scan(9), queuedAt: '2026-12-02T10:00:00.000Z', label: '王五 · YD1009', reason: 'parcelId: no parcel with this number is known at your station or point', rejectedAt: '2026-12-02T10:01:00.000Z' }],
      conflicts: [{ eventId: 'ev-8', parcelId: 'pcl_8', waybillNo: 'YD1008', type: 'picked_up', replay: false, code: 'ALREADY_FINISHED', reason: null, status: 'returned', label: '赵六 · YD1008' }],
    });
    const store = memoryStore();
    store.data.set('countyhub.point.queue.usr_point', before);
    const queue = new OfflineQueue(queueKey('usr_point'), store);
    expect(queue.setAside.map((r) => r.scan.eventId)).toEqual(['ev-9']);
    expect(queue.conflicts.map((c) => c.waybillNo)).toEqual(['YD1008']);
    const sent: ScanInput[][] = [];
    expect(await queue.sync(async (scans) => (sent.push(scans), accepted(scans)))).toMatchObject({ state: 'done', sent: 2, stored: 2, remaining: 0 });
    expect(sent).toEqual([[scan(1), scan(2)]]);
    expect(JSON.parse(store.data.get('countyhub.point.queue.usr_point')!)).toEqual({ pending: [], rejected: JSON.parse(before).rejected, conflicts: JSON.parse(before).conflicts });
  });
});

describe('the lists kept for opening the page offline', () => {
  it('keep no whole phone number and no pick-up code', () => {
    const map = new Map<string, string>();
    const store: KeyValueStore = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
    const parcel = { id: 'pcl_1', waybillNo: 'ZT123456', recipientName: '马春花', recipientPhone: '13912345678', pickupCode: '654321', address: '乐红村3组' } as Parcel;
    rememberList(store, listKey('usr_1', 'notified'), [parcel]);
    expect([...map.values()].join()).not.toMatch(/13912345678|654321/);
    expect(recallList(store, listKey('usr_1', 'notified'))?.items[0]).toMatchObject({ waybillNo: 'ZT123456', recipientName: '马春花', recipientPhone: '139****5678', pickupCode: null });
  });
});
