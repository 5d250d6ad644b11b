import type { Clock } from '../kernel/clock.js';
import { systemContext } from '../kernel/context.js';
import { SITE_KINDS, type NetworkService } from '../modules/network/index.js';
import type { TrainingPlaceBook, TrainingPlaces } from '../modules/training/index.js';

/** How long training works from one reading of the network; `{ fresh: true }` reads it again at once (an unknown site id). */
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
  // A failed reading is dropped (as logistics' place book does), and so is an empty one (a county not loaded yet, as
  // when certificates warm up on an empty first start): the next call reads again instead of keeping it for 30 s.
  const reload = (now: number) => {
    const entry = { at: now, book: read() };
    cached = entry;
    const drop = () => {
      if (cached === entry) cached = null;
    };
    entry.book.then((book) => (book.townships.length === 0 && book.sites.size === 0 ? drop() : undefined), drop);
    return entry.book;
  };
  return {
    placeBook(options) {
      const now = clock.now().getTime();
      if (options?.fresh || !cached || now - cached.at > TTL_MS || now < cached.at) return reload(now);
      return cached.book;
    },
  };
}
