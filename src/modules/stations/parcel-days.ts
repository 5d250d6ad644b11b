import type { Kysely } from 'kysely';
import { shanghaiDate } from '../../kernel/clock.js';
import type { AnyKysely } from '../../kernel/db.js';
import type { EventOf } from '../../kernel/events/index.js';
import type { PARCEL_DAY_EVENTS } from './figures.events.js';
import type { StationPlaces } from './ports.js';

/** One parcel in (reached its village point) or out (opened at the point to go up), on the point's Shanghai day. */
export interface PointParcelRow {
  parcel_id: string;
  direction: 'in' | 'out';
  site_id: string;
  township_code: string | null;
  village_code: string | null;
  day: string;
  at: string;
}

export interface FiguresTables {
  stations_point_parcels: PointParcelRow;
}

type ParcelEvent = EventOf<(typeof PARCEL_DAY_EVENTS)[number]>;

/**
 * Parcels in and out per point and day, from logistics' events (subscriber `stations.parcel-days`): one row per
 * parcel and direction, inserted if absent, so an event delivered again — or a rebuild of the subscriber from the
 * first event kept — counts nothing twice. A parcel coming down counts when it first reaches its point; a parcel
 * going up when it is opened at the point. A village's 快递收发点 (a delivery point the same operator runs beside its
 * 电商服务点) counts for the village's point. A parcel with no point (a county-warehouse manifest line not yet
 * sorted) counts nowhere.
 */
export class ParcelDays {
  private readonly db: Kysely<FiguresTables>;

  constructor(
    db: AnyKysely,
    private readonly places: StationPlaces,
  ) {
    this.db = db as unknown as Kysely<FiguresTables>;
  }

  async receive(event: ParcelEvent): Promise<void> {
    const p = event.payload;
    if (!p.pointSiteId) return;
    let at: string;
    let direction: 'in' | 'out';
    if (event.type === 'logistics.parcel-arrived') {
      at = event.payload.arrivedAt;
      direction = 'in';
    } else {
      if (event.payload.direction !== 'up') return;
      at = event.payload.registeredAt;
      direction = 'out';
    }
    // The parcel's point when it is a station or village point; else (the village's 快递收发点, run with its 电商服务点)
    // the village's operating village point. A parcel that reaches neither counts nowhere.
    let site = await this.places.site(p.pointSiteId);
    if (!site && p.villageCode) {
      const township = p.townshipCode ?? p.villageCode.slice(0, 9);
      site = (await this.places.sitesOfTownship(township)).find((s) => s.kind === 'village_point' && s.villageCode === p.villageCode) ?? null;
    }
    if (!site) return;
    await this.db
      .insertInto('stations_point_parcels')
      .values({ parcel_id: p.parcelId, direction, site_id: site.id, township_code: site.townshipCode, village_code: site.villageCode, day: shanghaiDate(new Date(at)), at })
      .onConflict((oc) => oc.columns(['parcel_id', 'direction']).doNothing())
      .execute();
  }
}
