/** A logistics parcel as a proxy buy links it: found by its waybill number. */
export interface LinkedParcel {
  waybillNo: string;
  parcelId: string;
  /** Logistics' status (PARCEL_STATUSES): arrived_village, picked_up … */
  status: string;
  carrier: string | null;
}

/** Parcels logistics knows, by waybill number (logistics). */
export interface StationParcels {
  /** The parcels with these waybill numbers (the newest of each), for those logistics knows; the rest are left out. */
  byWaybill(waybillNos: string[]): Promise<LinkedParcel[]>;
}

/** Chinese for logistics' parcel statuses, as the proxy buys show them. */
export const PARCEL_STATUS_LABELS: Record<string, string> = {
  created: '已建单',
  opened: '已开单',
  received_county: '县仓已收',
  sorted: '已分拣',
  loaded: '已装车',
  arrived_township: '已到乡镇',
  arrived_village: '已到村点',
  notified: '已通知取件',
  picked_up: '已取件',
  returned: '已退回',
  handed_to_carrier: '已交快递',
};
