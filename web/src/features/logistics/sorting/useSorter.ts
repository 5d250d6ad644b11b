import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/http.js';
import { newEventId, useScan, type Parcel, type ParcelStatus, type ScanType } from '../../../api/logistics.js';
import { findByWaybill } from '../../../api/logistics-parcels.js';
import { SORTING_KEY } from '../../../app/offlineUser.js';
import { problemCodeOf } from '../parcels/parcelLabels.js';

/** ok: sort it to its destination; repeat: sorted before; warn: set it aside (the reason says why); error: scan again. */
export type SortResult = 'ok' | 'repeat' | 'warn' | 'error';

/** Why a parcel is set aside, for the words on the screen. */
export type SortProblem =
  | { kind: 'invalid' }
  | { kind: 'unknown'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'unmatched' }
  | { kind: 'noManifest' }
  | { kind: 'flagged'; reason: string; code: string | null }
  | { kind: 'already'; status: ParcelStatus }
  | { kind: 'up' }
  | { kind: 'several'; candidates: Parcel[] };

/** One scan of this session, newest first on the screen. */
export interface SortEntry {
  key: string;
  at: string;
  code: string;
  result: SortResult;
  problem?: SortProblem;
  parcel?: Parcel;
}

export interface SortDisplay {
  state: 'idle' | 'busy' | SortResult;
  entry?: SortEntry;
  code?: string;
}

const WAYBILL = /^[A-Za-z0-9-]{6,32}$/;
/** Past sorting: a parcel in one of these is on its way already (a sorted scan now would be flagged). */
const BEYOND_SORTED: ParcelStatus[] = ['loaded', 'arrived_township', 'arrived_village', 'notified', 'picked_up', 'returned', 'handed_to_carrier'];
/** Kept for a reload of the tab; forgotten on sign-out (app/offlineUser.ts). */
const STORAGE_KEY = SORTING_KEY;
const KEEP = 500;

/** The waybill in what a scanner read: the text itself, or a tracking link's `waybillNo`. */
export function waybillOf(raw: string): string {
  const text = raw.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      return url.searchParams.get('waybillNo') ?? url.searchParams.get('nu') ?? text;
    } catch {
      return text;
    }
  }
  return text.replace(/\s/g, '');
}

function stored(): SortEntry[] {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as SortEntry[]) : [];
  } catch {
    return [];
  }
}

/**
 * The sorting line: scans come in faster than the server answers, so they queue and are handled one by one. Each
 * parcel not yet received at the county is scanned received_county first (that starts its 48 hours), then sorted
 * if it has a destination; one without (unmatched, no manifest), on its way already, or outbound is set aside.
 */
export function useSorter({ siteId, onResult }: { siteId?: string; onResult: (entry: SortEntry) => void }) {
  const scan = useScan();
  const [entries, setEntries] = useState<SortEntry[]>(stored);
  const [display, setDisplay] = useState<SortDisplay>({ state: 'idle' });
  const [waiting, setWaiting] = useState(0);
  const queue = useRef<{ code: string; parcel?: Parcel }[]>([]);
  const running = useRef(false);
  const latest = useRef({ siteId, onResult, scanAsync: scan.mutateAsync });
  useEffect(() => {
    latest.current = { siteId, onResult, scanAsync: scan.mutateAsync };
  });

  useEffect(() => {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(entries.slice(0, KEEP)));
    } catch {
      // storage full or off: the list lasts while the page is open
    }
  }, [entries]);

  const handle = useCallback(async (code: string, chosen?: Parcel): Promise<Omit<SortEntry, 'key' | 'at' | 'code'>> => {
    const { siteId: site, scanAsync } = latest.current;
    if (!WAYBILL.test(code)) return { result: 'warn', problem: { kind: 'invalid' } };
    const send = (type: ScanType, parcel?: Parcel) =>
      scanAsync({ eventId: newEventId('sort'), type, ...(parcel ? { parcelId: parcel.id } : { waybillNo: code }), ...(site && { siteId: site }) });
    try {
      const found = chosen ? [chosen] : await findByWaybill(code);
      if (found.length > 1) return { result: 'warn', problem: { kind: 'several', candidates: found } };
      let parcel = found[0];
      if (!parcel) {
        // Not announced by any manifest yet: the county warehouse keeps it as received; the manifest fills it in.
        const received = await send('received_county');
        parcel = received.parcel;
        if (received.flagged) return { result: 'warn', parcel, problem: { kind: 'flagged', reason: received.flagged, code: problemCodeOf(received) } };
        return { result: 'warn', parcel, problem: parcel.pointSiteId ? { kind: 'unmatched' } : { kind: 'noManifest' } };
      }
      if (parcel.direction === 'up') return { result: 'warn', parcel, problem: { kind: 'up' } };
      if (BEYOND_SORTED.includes(parcel.status)) return { result: 'warn', parcel, problem: { kind: 'already', status: parcel.status } };
      if (parcel.status === 'created') {
        const received = await send('received_county', parcel);
        parcel = received.parcel;
        if (received.flagged) return { result: 'warn', parcel, problem: { kind: 'flagged', reason: received.flagged, code: problemCodeOf(received) } };
      }
      if (!parcel.pointSiteId) return { result: 'warn', parcel, problem: parcel.matchState === 'no_manifest' ? { kind: 'noManifest' } : { kind: 'unmatched' } };
      if (parcel.status === 'sorted') return { result: 'repeat', parcel };
      const sorted = await send('sorted', parcel);
      if (sorted.flagged) return { result: 'warn', parcel: sorted.parcel, problem: { kind: 'flagged', reason: sorted.flagged, code: problemCodeOf(sorted) } };
      return { result: 'ok', parcel: sorted.parcel };
    } catch (err) {
      if (err instanceof ApiError && (err.status === 400 || err.status === 404)) return { result: 'warn', problem: { kind: 'unknown', message: err.message } };
      const message = err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
      return { result: 'error', problem: { kind: 'failed', message } };
    }
  }, []);

  const drain = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let next = queue.current.shift(); next; next = queue.current.shift()) {
        setWaiting(queue.current.length);
        setDisplay((d) => ({ ...d, state: 'busy', code: next!.code }));
        const outcome = await handle(next.code, next.parcel);
        const entry: SortEntry = { key: newEventId('row'), at: new Date().toISOString(), code: next.code, ...outcome };
        setEntries((list) => [entry, ...list].slice(0, KEEP));
        setDisplay({ state: entry.result, entry, code: entry.code });
        latest.current.onResult(entry);
      }
    } finally {
      running.current = false;
      setWaiting(0);
    }
  }, [handle]);

  /** A code from the scanner, the keyboard or the camera; `parcel` settles a waybill several carriers share. */
  const submit = useCallback(
    (raw: string, parcel?: Parcel) => {
      const code = waybillOf(raw);
      if (!code) return;
      queue.current.push({ code, parcel });
      setWaiting(queue.current.length);
      void drain();
    },
    [drain],
  );

  const clear = useCallback(() => {
    setEntries([]);
    setDisplay({ state: 'idle' });
  }, []);

  return { entries, display, waiting, submit, clear };
}
