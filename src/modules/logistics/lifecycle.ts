import type { Direction, ParcelStatus, ScanType } from './logistics.tables.js';

/** How far along its way each scan puts a parcel; a scan that would move it back is out of sequence. */
const RANKS: Record<Direction, Partial<Record<ParcelStatus | ScanType, number>>> = {
  down: { created: 0, received_county: 1, sorted: 2, loaded: 3, arrived_township: 4, arrived_village: 5, notified: 6, picked_up: 7, returned: 8 },
  up: { opened: 0, loaded: 1, arrived_township: 2, received_county: 3, handed_to_carrier: 4 },
};
/** Where a parcel's way ends: collected, sent back, or (going up) handed to a carrier. */
export const FINAL: ParcelStatus[] = ['picked_up', 'returned', 'handed_to_carrier'];
const AT_POINT: ParcelStatus[] = ['arrived_village', 'notified'];

export const initialStatus = (direction: Direction): ParcelStatus => (direction === 'down' ? 'created' : 'opened');

/**
 * Why a scan was flagged or a parcel has a problem, as a stable code the console translates: a scan that would move
 * the parcel back, one made before the parcel reached its point, one after it was finished, one that belongs to the
 * other direction, a pick-up with a wrong code synced from an offline phone, a waybill with no manifest yet, or a
 * problem someone reported (its note says what).
 */
export const PROBLEM_CODES = ['OUT_OF_SEQUENCE', 'NOT_AT_POINT', 'ALREADY_FINISHED', 'WRONG_DIRECTION', 'PICKUP_CODE_WRONG', 'NO_MANIFEST', 'REPORTED'] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Flag {
  code: ProblemCode;
  reason: string;
}

/** What a parcel's scans add up to. */
export interface ParcelState {
  status: ParcelStatus;
  problem: Flag | null;
  receivedAt: string | null;
  arrivedAt: string | null;
  pickedUpAt: string | null;
  lastEventAt: string | null;
}

export interface Scan {
  eventId: string;
  type: ScanType;
  at: string;
  note: string | null;
  /** For a problem scan: what kind of problem (default REPORTED). */
  problemCode?: ProblemCode | null;
}

export const startState = (direction: Direction): ParcelState => ({ status: initialStatus(direction), problem: null, receivedAt: null, arrivedAt: null, pickedUpAt: null, lastEventAt: null });

/** Why a scan makes no sense for a parcel in this state, or null when it does. */
export function scanProblem(direction: Direction, status: ParcelStatus, type: ScanType): Flag | null {
  if (type === 'problem' || type === 'carrier_update') return null;
  const rank = RANKS[direction][type];
  if (rank === undefined) return { code: 'WRONG_DIRECTION', reason: `${type} is not a scan for ${direction === 'down' ? 'an incoming' : 'an outgoing'} parcel` };
  // Scanning a parcel where it already is (a second arrival scan, a reminder) is harmless; ending its way twice is not:
  // a second hand-over would count a second pick-up.
  if (type === status && !FINAL.includes(status)) return null;
  if (type === status) return { code: 'ALREADY_FINISHED', reason: `${type} a second time: the parcel was already ${status}` };
  if (FINAL.includes(status)) return { code: 'ALREADY_FINISHED', reason: `${type} after the parcel was already ${status}` };
  if (direction === 'down' && (type === 'notified' || type === 'picked_up') && !AT_POINT.includes(status)) return { code: 'NOT_AT_POINT', reason: `${type} before the parcel arrived at its village point` };
  if (rank < RANKS[direction][status]!) return { code: 'OUT_OF_SEQUENCE', reason: `${type} out of sequence: the parcel was already ${status}` };
  return null;
}

/** Applies one scan, in time order, to a parcel's state; returns the new state and the flag, if any. */
export function applyScan(direction: Direction, state: ParcelState, scan: Scan): { state: ParcelState; flag: Flag | null } {
  const next = { ...state, lastEventAt: state.lastEventAt && state.lastEventAt > scan.at ? state.lastEventAt : scan.at };
  if (scan.type === 'problem') return { state: { ...next, problem: { code: scan.problemCode ?? 'REPORTED', reason: scan.note || 'problem reported' } }, flag: null };
  if (scan.type === 'carrier_update') return { state: next, flag: null };
  const flag = scanProblem(direction, state.status, scan.type);
  if (flag) return { state: { ...next, problem: flag }, flag };
  if (scan.type === state.status) return { state: next, flag: null };
  next.status = scan.type as ParcelStatus;
  next.problem = null;
  if (scan.type === 'received_county' && !next.receivedAt) next.receivedAt = scan.at;
  if (scan.type === 'arrived_village' && !next.arrivedAt) next.arrivedAt = scan.at;
  if (scan.type === 'picked_up') next.pickedUpAt = scan.at;
  return { state: next, flag: null };
}

/** Orders scans by their time; scans made at the same instant by how far along they put the parcel. */
export function byTime(direction: Direction) {
  return (a: Scan, b: Scan) => (a.at < b.at ? -1 : a.at > b.at ? 1 : (RANKS[direction][a.type] ?? 99) - (RANKS[direction][b.type] ?? 99) || (a.eventId < b.eventId ? -1 : 1));
}

/** Replays every scan of a parcel from the start: the state and each scan's flag (null when it fits). */
export function replay(direction: Direction, scans: Scan[]): { state: ParcelState; flags: Map<string, Flag | null> } {
  let state = startState(direction);
  const flags = new Map<string, Flag | null>();
  for (const scan of [...scans].sort(byTime(direction))) {
    const result = applyScan(direction, state, scan);
    state = result.state;
    flags.set(scan.eventId, result.flag);
  }
  return { state, flags };
}

/**
 * Whether scans reaching the server now must be placed among the parcel's stored scans by their time: some are
 * earlier than what it has seen, and its way has not ended. A parcel that is picked up, returned or handed to a
 * carrier is never replayed: a scan that comes late (an offline phone syncing) cannot undo that final state.
 */
export const needsReplay = (before: ParcelState, fresh: Scan[]): boolean =>
  !FINAL.includes(before.status) && !!before.lastEventAt && fresh.some((s) => s.at <= before.lastEventAt!);

/**
 * What scans reaching the server now (`fresh`) make of a parcel whose stored state is `before`. Scans later than
 * everything it has seen, and every scan of a parcel whose way has ended, are applied one by one on top of what is
 * stored (so a late hand-over, return or second hand-over is kept flagged and the final state, with its pick-up
 * time, stays); otherwise `all` (every scan of the parcel, the fresh ones included) is replayed by time.
 */
export function settle(direction: Direction, before: ParcelState, fresh: Scan[], all: Scan[] = []): { state: ParcelState; flags: Map<string, Flag | null>; replayed: boolean } {
  if (needsReplay(before, fresh)) return { ...replay(direction, all), replayed: true };
  let state = before;
  const flags = new Map<string, Flag | null>();
  for (const scan of [...fresh].sort(byTime(direction))) {
    const result = applyScan(direction, state, scan);
    state = result.state;
    flags.set(scan.eventId, result.flag);
  }
  return { state, flags, replayed: false };
}

export const PROMISE_MINUTES = 48 * 60;
export const ALERT_MINUTES = 36 * 60;

/** Whole minutes between county receipt and arrival at the point; offsets in the timestamps are honoured. */
export const transitMinutes = (receivedAt: string | null, arrivedAt: string | null): number | null =>
  receivedAt && arrivedAt ? Math.round((Date.parse(arrivedAt) - Date.parse(receivedAt)) / 60_000) : null;
