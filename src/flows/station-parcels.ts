import { systemContext } from '../kernel/context.js';
import type { ParcelService } from '../modules/logistics/index.js';
import type { StationParcels } from '../modules/stations/index.js';

/**
 * The stations' view of logistics: a proxy buy's waybill → the parcel logistics knows by it (its id, status and
 * carrier), so the operator sees where the villager's parcel is. Read with the system's sight (every parcel).
 */
export function stationParcels(parcels: Pick<ParcelService, 'list'>): StationParcels {
  return {
    async byWaybill(waybillNos) {
      const found = [];
      for (const waybillNo of [...new Set(waybillNos)]) {
        const [parcel] = (await parcels.list(systemContext(), { waybillNo }, 1)).items;
        if (parcel?.waybillNo) found.push({ waybillNo: parcel.waybillNo, parcelId: parcel.id, status: parcel.status, carrier: parcel.carrier });
      }
      return found;
    },
  };
}
