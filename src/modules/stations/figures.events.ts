import { Type, type TSchema } from 'typebox';
import { defineEvent } from '../../kernel/events/index.js';

/**
 * The logistics events the stations' figures read (their own copies, only the fields used): a parcel that reached
 * its village point is one in at that point; a parcel opened at a point to go up is one out. Kept per parcel by the
 * subscriber `stations.parcel-days` (parcel-days.ts).
 */
const OrNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ParcelRegisteredAtPoint = defineEvent({
  type: 'logistics.parcel-registered',
  version: 1,
  aggregate: 'parcel',
  description: '快件登记 A parcel first exists (up: opened at a village point)',
  payload: Type.Object({
    parcelId: Type.String(),
    direction: Type.Union([Type.Literal('down'), Type.Literal('up')]),
    townshipCode: OrNull(Type.String()),
    villageCode: OrNull(Type.String()),
    pointSiteId: OrNull(Type.String()),
    registeredAt: Type.String(),
  }),
});

export const ParcelArrivedAtPoint = defineEvent({
  type: 'logistics.parcel-arrived',
  version: 1,
  aggregate: 'parcel',
  description: '快件到村 A parcel coming down first reached its village point',
  payload: Type.Object({
    parcelId: Type.String(),
    townshipCode: OrNull(Type.String()),
    villageCode: OrNull(Type.String()),
    pointSiteId: OrNull(Type.String()),
    arrivedAt: Type.String(),
  }),
});

export const PARCEL_DAY_EVENTS = [ParcelRegisteredAtPoint, ParcelArrivedAtPoint] as const;
