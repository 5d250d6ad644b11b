import { systemContext } from '../kernel/context.js';
import type { NetworkService } from '../modules/network/index.js';
import type { PlayerPlace, PlayerPlaces } from '../modules/players/index.js';

/** Townships and villages for the players register, from the network's divisions in force today. */
export function playerPlaces(network: NetworkService): PlayerPlaces {
  const load = async () => {
    const ctx = systemContext();
    const [townships, villages] = await Promise.all([network.listDivisions(ctx, { level: 'township' }), network.listDivisions(ctx, { level: 'village' })]);
    return { townships, villages };
  };
  return {
    async place(code) {
      const { townships, villages } = await load();
      const township = townships.find((t) => t.code === code);
      if (township) return { townshipCode: township.code, townshipName: township.name, villageCode: null, villageName: null } satisfies PlayerPlace;
      const village = villages.find((v) => v.code === code);
      const parent = village && townships.find((t) => t.code === village.parentCode);
      if (!village || !parent) return null;
      return { townshipCode: parent.code, townshipName: parent.name, villageCode: village.code, villageName: village.name };
    },
    async names() {
      const { townships, villages } = await load();
      return new Map([...townships, ...villages].map((d) => [d.code, d.name]));
    },
  };
}
