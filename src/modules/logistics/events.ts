import { Type, type TSchema } from 'typebox';
import { defineEvent, type EventPublisher } from '../../kernel/events/index.js';
import type { AnyKysely } from '../../kernel/db.js';
import { transitMinutes } from './lifecycle.js';
import { arrivedOnTime } from './promise-rule.js';
import type { ParcelRow } from './logistics.tables.js';

const OrNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * A parcel came into existence: coming down, when a carrier's manifest names it or a warehouse scan finds it first
 * (then its village is not known yet: null codes); going up, when a village point opens it. Once per parcel.
 */
export const ParcelRegistered = defineEvent({
  type: 'logistics.parcel-registered',
  version: 1,
  aggregate: 'parcel',
  description: '快件登记 A parcel first exists: down (a manifest or its first scan) or up (opened at a village point), its township, village, point and carrier',
  payload: Type.Object({
    parcelId: Type.String(),
    direction: Type.Union([Type.Literal('down'), Type.Literal('up')]),
    townshipCode: OrNull(Type.String()),
    villageCode: OrNull(Type.String()),
    pointSiteId: OrNull(Type.String()),
    carrier: OrNull(Type.String()),
    registeredAt: Type.String(),
  }),
});

/**
 * A parcel coming down first reached its village point: how long it took from the county (whole minutes, for
 * showing) and whether within the 48 hours, decided to the millisecond as the console decides it (promise-rule.ts).
 * Once per parcel.
 */
export const ParcelArrived = defineEvent({
  type: 'logistics.parcel-arrived',
  version: 1,
  aggregate: 'parcel',
  description: '快件到村 A parcel coming down first reached its village point: when, minutes since county receipt (null when unknown), on time (within 48 hours)',
  payload: Type.Object({
    parcelId: Type.String(),
    direction: Type.Literal('down'),
    townshipCode: OrNull(Type.String()),
    villageCode: OrNull(Type.String()),
    pointSiteId: OrNull(Type.String()),
    arrivedAt: Type.String(),
    transitMinutes: OrNull(Type.Integer()),
    onTime: Type.Boolean(),
  }),
});

/** The recipient collected a parcel at its point (handed over with its code). Once per parcel. */
export const ParcelPickedUp = defineEvent({
  type: 'logistics.parcel-picked-up',
  version: 1,
  aggregate: 'parcel',
  description: '快件取件 The recipient collected a parcel at its village point',
  payload: Type.Object({ parcelId: Type.String(), townshipCode: OrNull(Type.String()), villageCode: OrNull(Type.String()), pickedUpAt: Type.String() }),
});

export const LOGISTICS_EVENTS = [ParcelRegistered, ParcelArrived, ParcelPickedUp];

/** What the parcel services announce, in the transaction that makes the change (see lifecycle.ts for the moments). */
export interface ParcelEvents {
  registered(trx: AnyKysely, row: ParcelRow): Promise<void>;
  arrived(trx: AnyKysely, row: ParcelRow): Promise<void>;
  pickedUp(trx: AnyKysely, row: ParcelRow): Promise<void>;
}

export const parcelEvents = (events: EventPublisher): ParcelEvents => ({
  registered: (trx, row) =>
    events.publish(trx, ParcelRegistered, row.id, { parcelId: row.id, direction: row.direction, townshipCode: row.township_code, villageCode: row.village_code, pointSiteId: row.point_site_id, carrier: row.carrier, registeredAt: row.created_at }),
  arrived: (trx, row) =>
    events.publish(trx, ParcelArrived, row.id, {
      parcelId: row.id,
      direction: 'down',
      townshipCode: row.township_code,
      villageCode: row.village_code,
      pointSiteId: row.point_site_id,
      arrivedAt: row.arrived_at!,
      transitMinutes: transitMinutes(row.received_at, row.arrived_at),
      onTime: arrivedOnTime(row.received_at, row.arrived_at) === true,
    }),
  pickedUp: (trx, row) => events.publish(trx, ParcelPickedUp, row.id, { parcelId: row.id, townshipCode: row.township_code, villageCode: row.village_code, pickedUpAt: row.picked_up_at! }),
});
