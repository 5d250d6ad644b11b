import type { ParcelStatus, ScanType } from './logistics.tables.js';

/**
 * The Kuaidi100 tracking vocabulary (FACTS.md): 0 在途, 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件, 6 退回, 7 转投,
 * 14 拒签; sub-states 501 投柜或驿站 (left at a station) and 304 station signed.
 */

/** Our status in their words: the main state and, where one fits, the sub-state. */
export function toKuaidi100(status: ParcelStatus | ScanType): { state: number; subState: number | null } {
  switch (status) {
    case 'created':
    case 'opened':
      return { state: 1, subState: null };
    case 'arrived_village':
    case 'notified':
      return { state: 5, subState: 501 };
    case 'picked_up':
      return { state: 3, subState: 304 };
    case 'returned':
      return { state: 6, subState: null };
    case 'problem':
      return { state: 2, subState: null };
    case 'handed_to_carrier':
      return { state: 0, subState: null };
    default:
      return { state: 0, subState: null };
  }
}

/**
 * Their state as one of our scans, for a carrier's pushed tracking: 签收 (3, 304) is a pick-up, 退签/退回/拒签 a return,
 * 疑难 a problem, 投柜或驿站 an arrival at the point; in transit, picked up by the carrier and transferred are the
 * carrier's own scans, kept on the timeline without moving the parcel.
 */
export function fromKuaidi100(state: number): ScanType | null {
  if (state === 3 || state === 304) return 'picked_up';
  if (state === 4 || state === 6 || state === 14) return 'returned';
  if (state === 2) return 'problem';
  if (state === 501) return 'arrived_village';
  if (state === 0 || state === 1 || state === 5 || state === 7) return 'carrier_update';
  return null;
}

/**
 * A carrier's own scan keeps the state it was pushed with (揽收 1, 在途 0, 派件 5, 转投 7) in its event id
 * (`k100-…-carrier_update-<state>`, made by `pushScans`), so the query answer gives each event its own state.
 */
export const carrierEventId = (base: string, state: number | undefined) => (state === undefined ? base : `${base}-${state}`);

/** The code a Kuaidi100 answer gives one of our events: its sub-state where it has one, else its state. */
export function eventCode(type: ScanType, eventId: string): number {
  if (type === 'carrier_update') {
    const pushed = /-carrier_update-(\d{1,3})$/.exec(eventId);
    if (pushed) return Number(pushed[1]);
  }
  const { state, subState } = toKuaidi100(type);
  return subState ?? state;
}
