import { randomInt } from 'node:crypto';
import { newId } from '../../kernel/ids.js';
import type { ParcelRow } from './logistics.tables.js';

/** Six digits the recipient shows at the point; random, so one parcel's code says nothing of another's. */
export const newPickupCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** A parcel row with everything not given left empty, as a manifest or a scan would start it. */
export function newParcelRow(now: Date, fields: Partial<ParcelRow> & Pick<ParcelRow, 'direction' | 'status' | 'match_state'>): ParcelRow {
  return {
    id: newId('pcl', now.getTime()),
    carrier: null,
    waybill_no: null,
    recipient_name: '',
    recipient_phone: '',
    phone_last4: '',
    phone_print: '',
    address: '',
    weight_g: null,
    description: null,
    village_code: null,
    township_code: null,
    point_site_id: null,
    point_code: null,
    route_id: null,
    run_id: null,
    problem: null,
    problem_code: null,
    pickup_code: fields.direction === 'down' ? newPickupCode() : null,
    pickup_misses: 0,
    received_at: null,
    arrived_at: null,
    transit_minutes: null,
    picked_up_at: null,
    last_event_at: null,
    order_id: null,
    recipient_user_id: null,
    manifest_id: null,
    created_at: now.toISOString(),
    is_demo: 0,
    ...fields,
  };
}

/** Rows per INSERT: well under SQLite's 32 766 bound parameters at ~30 columns a row. */
export const INSERT_CHUNK = 500;

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
