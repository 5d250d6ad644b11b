import type { Clock } from '../kernel/clock.js';
import { systemContext } from '../kernel/context.js';
import { SITE_KINDS, type NetworkService } from '../modules/network/index.js';
import type { TrainingPlaceBook, TrainingPlaces } from '../modules/training/index.js';

/** How long training works from one reading of the network; a new site is seen within this time. */
const TTL_MS = 30_000;

/** Training's view of the network: townships, villages and every operating site (the county centre included). */
export function trainingPlaces(network: NetworkService, clock: Clock): TrainingPlaces {
  let cached: { at: number; book: Promise<TrainingPlaceBook> } | null = null;
  const read = async (): Promise<TrainingPlaceBook> => {
    const ctx = systemContext();
    const [townships, villages] = await Promise.all([network.listDivisions(ctx, { level: 'township' }), network.listDivisions(ctx, { level: 'village' })]);
    const sites = (await Promise.all(SITE_KINDS.map((kind) => network.publicPoints(kind)))).flat();
    const villageCodes = new Set(villages.map((v) => v.code));
    return {
      townships: townships.map((t) => ({ code: t.code, name: t.name })),
      villages: villages.map((v) => ({ code: v.code, name: v.name, townshipCode: v.parentCode ?? v.code.slice(0, 9) })),
      sites: new Map(sites.map((s) => [s.id, { name: s.name, townshipCode: s.townshipCode ?? s.divisionCode.slice(0, 9), villageCode: villageCodes.has(s.divisionCode) ? s.divisionCode : null }])),
    };
  };
  return {
    placeBook() {
      const now = clock.now().getTime();
      if (!cached || now - cached.at > TTL_MS || now < cached.at) {
        const book = read();
        cached = { at: now, book };
        book.catch(() => (cached = null));
      }
      return cached.book;
    },
  };
}
