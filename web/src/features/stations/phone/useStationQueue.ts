import { useCallback, useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { sendRecords, stationPhoneKeys, type RecordInput, type RecordView } from '../../../api/station-phone.js';
import { browserStore } from '../../../app/keptQueue.js';
import { useKeptQueue } from '../../../app/useKeptQueue.js';
import { rememberRecords } from './stationCache.js';
import { queueKey, StationQueue, type Conflict, type TillCash } from './stationQueue.js';

/** What became of one record made at the till. */
export type Made = { state: 'queued' } | { state: 'stored'; record: RecordView | null } | { state: 'refused'; conflict: Conflict };

/**
 * The station's queue of records on this device, synced on page load, when the connection returns and every 30 s
 * while records wait (app/useKeptQueue.ts); what a sync stored is kept for the lists and receipts. `make` keeps a
 * record on the phone first and, online, sends the queue at once: the record is never lost between the tap and the
 * server's answer.
 */
export function useStationQueue(userId: string) {
  const store = useMemo(() => browserStore(), []);
  const queue = useMemo(() => new StationQueue(queueKey(userId), store), [userId, store]);
  const client = useQueryClient();
  const kept = useKeptQueue(queue, async () => {
    const result = await queue.sync(sendRecords);
    const bySite = new Map<string, RecordView[]>();
    for (const r of result.records) bySite.set(r.siteId, [...(bySite.get(r.siteId) ?? []), r]);
    for (const [siteId, records] of bySite) rememberRecords(store, userId, siteId, records);
    if (result.sent > 0) void client.invalidateQueries({ queryKey: stationPhoneKeys.all });
    return result;
  });
  const { sync, setOutcome } = kept;

  /** One record made at the till: kept on the phone (throws when the device is full), then sent when online. */
  const make = useCallback(
    async (siteId: string, record: RecordInput, label: string, cash: TillCash): Promise<Made> => {
      queue.add(siteId, record, label, cash);
      const result = await sync();
      // A sync of just this record is told by the page's own message; the banner reports syncs of what waited.
      if (result && result.sent === 1 && [...result.records, ...result.conflicts].every((r) => r.clientId === record.clientId)) setOutcome(null);
      const conflict = result?.conflicts.find((c) => c.clientId === record.clientId);
      if (conflict) return { state: 'refused', conflict };
      if (queue.find(record.clientId) || !result) return { state: 'queued' };
      const setAside = result.setAside.find((s) => s.clientId === record.clientId);
      if (setAside) return { state: 'refused', conflict: { ...setAside, code: 'INVALID', message: setAside.reason, settledAt: setAside.rejectedAt } };
      return { state: 'stored', record: result.records.find((r) => r.clientId === record.clientId) ?? null };
    },
    [queue, sync, setOutcome],
  );

  return { ...kept, queue, make };
}

export type StationQueueApi = ReturnType<typeof useStationQueue>;
