import type { Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import { maskPhone } from '../../kernel/mask.js';
import type { Sealer } from '../../kernel/sealed.js';
import { handlesParcel, ownsParcel, viewerOf, type Viewer } from './access.js';
import type { ProblemCode } from './lifecycle.js';
import { carrierName, type ParcelRow } from './logistics.tables.js';
import type { ParcelView } from './logistics.schema.js';
import { arrivedOnTime, PROMISE_MS, transitMs } from './promise-rule.js';
import type { LogisticsPlaces, PhoneBook, PlaceBook } from './ports.js';

/**
 * How parcels are shown, and to whom: who is looking (with the phone on their account), each parcel as that viewer
 * may see it, and a recipient as stored (the phone sealed).
 */
export class ParcelViews {
  constructor(
    private readonly places: LogisticsPlaces,
    private readonly phones: PhoneBook,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
  ) {}

  /** Who a parcel goes to, as stored: the phone sealed, its last four digits and fingerprint kept apart. */
  recipient(name: string, phone: string, address: string) {
    return { recipient_name: name, recipient_phone: this.sealer.seal(phone), phone_last4: phone.slice(-4), phone_print: this.sealer.fingerprint(phone), address };
  }

  async viewer(ctx: RequestContext, book?: PlaceBook): Promise<Viewer> {
    const places = book ?? (await this.places.placeBook());
    const viewer = viewerOf(ctx, places, null);
    // Parcels addressed to the phone on one's account: looked up only for those who handle none.
    if (viewer.handles || viewer.all) return viewer;
    const phone = await this.phones.phoneOf(viewer.userId);
    return { ...viewer, phonePrint: phone ? this.sealer.fingerprint(phone) : null };
  }

  view(row: ParcelRow, viewer: Viewer | null, book: PlaceBook): ParcelView {
    const owner = !!viewer && ownsParcel(viewer, row);
    const phone = row.recipient_phone ? this.sealer.open(row.recipient_phone) : '';
    // The point delivering a parcel calls its recipient; an order sent up is the buyer's phone, which the orders
    // module shows whole to the buyer alone, and the point sending it up never calls.
    const showPhone = owner || (!!viewer?.pointCode && handlesParcel(viewer, row) && !(row.direction === 'up' && row.order_id));
    const village = row.village_code ? book.villages.find((v) => v.code === row.village_code) : undefined;
    const township = row.township_code ? book.townships.find((t) => t.code === row.township_code) : undefined;
    return {
      id: row.id,
      direction: row.direction,
      carrier: row.carrier,
      carrierName: row.carrier ? carrierName(row.carrier) : null,
      waybillNo: row.waybill_no,
      recipientName: row.recipient_name,
      recipientPhone: showPhone ? phone : (maskPhone(phone) ?? ''),
      address: row.address,
      weightG: row.weight_g,
      description: row.description,
      matchState: row.match_state,
      villageCode: row.village_code,
      villageName: village?.name ?? null,
      townshipCode: row.township_code,
      townshipName: township?.name ?? village?.townshipName ?? null,
      pointSiteId: row.point_site_id,
      pointName: row.point_site_id ? (book.siteName.get(row.point_site_id) ?? null) : null,
      routeId: row.route_id,
      runId: row.run_id,
      status: row.status,
      problem: row.problem,
      problemCode: row.problem_code as ProblemCode | null,
      pickupCode: owner ? row.pickup_code : null,
      receivedAt: row.received_at,
      arrivedAt: row.arrived_at,
      transitMinutes: row.transit_minutes,
      transitSeconds: row.arrived_at && row.received_at ? Math.floor(transitMs(row.received_at, row.arrived_at)! / 1000) : null,
      onTime: onTime(row, this.clock.now()),
      pickedUpAt: row.picked_up_at,
      lastEventAt: row.last_event_at,
      orderId: row.order_id,
      createdAt: row.created_at,
    };
  }
}

/** True or false once the 48 hours are decided (arrived, or 48 hours gone without arriving); null before. */
export function onTime(row: Pick<ParcelRow, 'direction' | 'received_at' | 'arrived_at' | 'status'>, now: Date): boolean | null {
  if (row.direction !== 'down' || !row.received_at) return null;
  if (row.arrived_at) return arrivedOnTime(row.received_at, row.arrived_at);
  if (row.status === 'returned') return null;
  return now.getTime() - Date.parse(row.received_at) > PROMISE_MS ? false : null;
}
