import { systemContext } from '../kernel/context.js';
import type { AddressPlaces, VillagePlace } from '../modules/identity/index.js';
import type { NetworkService } from '../modules/network/index.js';

/** The address book's places, from the network's divisions in force today (read from its snapshot). */
export function addressPlaces(network: NetworkService): AddressPlaces {
  return {
    countyCode: async () => (await network.county()).code,
    async villages() {
      const ctx = systemContext();
      const [townships, villages] = await Promise.all([network.listDivisions(ctx, { level: 'township' }), network.listDivisions(ctx, { level: 'village' })]);
      const townshipNames = new Map(townships.map((t) => [t.code, t.name]));
      const places = new Map<string, VillagePlace>();
      for (const v of villages) {
        const townshipName = townshipNames.get(v.parentCode ?? '');
        if (townshipName) places.set(v.code, { townshipName, villageName: v.name });
      }
      return places;
    },
  };
}
