import type { Clock } from '../kernel/clock.js';
import { systemContext } from '../kernel/context.js';
import { AppError } from '../kernel/errors.js';
import type { NetworkService, SiteView } from '../modules/network/index.js';
import type { HouseholdsById } from '../modules/parties/index.js';
import type { StationHouseholds, StationPlaces, StationSite } from '../modules/stations/index.js';

/**
 * How long stations work from one reading of the network for names and lists; an unknown site id reads it again at
 * once. Whether a site may record now is read fresh (`siteNow`), so a point suspended is refused on every process.
 */
const TTL_MS = 30_000;

interface Book {
  sites: Map<string, StationSite>;
  townships: Map<string, string>;
  villages: Map<string, string>;
}

/** The stations' view of the network: township stations and village points (operating or not), with their Chinese names. */
export function stationPlaces(network: NetworkService, clock: Clock): StationPlaces {
  let cached: { at: number; book: Promise<Book> } | null = null;
  const read = async (): Promise<Book> => {
    const ctx = systemContext();
    const [townships, villages, stations, points] = await Promise.all([
      network.listDivisions(ctx, { level: 'township' }),
      network.listDivisions(ctx, { level: 'village' }),
      everySite(network, 'township_station'),
      everySite(network, 'village_point'),
    ]);
    const townshipNames = new Map(townships.map((t) => [t.code, t.name]));
    const villageNames = new Map(villages.map((v) => [v.code, v.name]));
    const sites = new Map<string, StationSite>();
    for (const s of [...stations, ...points]) sites.set(s.id, toStationSite(s, townshipNames, villageNames));
    return { sites, townships: townshipNames, villages: villageNames };
  };
  const reload = (now: number) => {
    const entry = { at: now, book: read() };
    cached = entry;
    // A failed reading is dropped, so the next call reads again instead of keeping the failure for 30 s.
    entry.book.catch(() => {
      if (cached === entry) cached = null;
    });
    return entry.book;
  };
  const book = (fresh = false) => {
    const now = clock.now().getTime();
    if (fresh || !cached || now - cached.at > TTL_MS || now < cached.at) return reload(now);
    return cached.book;
  };
  return {
    async site(id) {
      const found = (await book()).sites.get(id);
      if (found) return found;
      // A site the cached reading does not know may be new (or just put into operation).
      return (await book(true)).sites.get(id) ?? null;
    },
    async siteNow(id) {
      // One indexed read of the network's site row (and its status history), never the cache: its status decides.
      let fresh: SiteView;
      try {
        fresh = await network.getSite(systemContext(), id);
      } catch (err) {
        if (err instanceof AppError && err.status === 404) return null;
        throw err;
      }
      if (fresh.kind !== 'township_station' && fresh.kind !== 'village_point') return null;
      const names = await book();
      return toStationSite(fresh, names.townships, names.villages);
    },
    async sitesOfTownship(code) {
      const all = [...(await book()).sites.values()].filter((s) => s.operating && s.townshipCode === code);
      return all.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'zh') : a.kind === 'township_station' ? -1 : 1));
    },
    async allSites() {
      return [...(await book()).sites.values()].filter((s) => s.operating);
    },
    async townshipName(code) {
      return (await book()).townships.get(code) ?? null;
    },
  };
}

/** A network site as the stations see it, with its township's and village's Chinese names. */
function toStationSite(s: SiteView, townshipNames: Map<string, string>, villageNames: Map<string, string>): StationSite {
  const townshipCode = s.townshipCode ?? s.divisionCode.slice(0, 9);
  const village = s.kind === 'village_point' ? s.divisionCode : null;
  return {
    id: s.id,
    name: s.name,
    kind: s.kind as StationSite['kind'],
    townshipCode,
    townshipName: townshipNames.get(townshipCode) ?? s.townshipName ?? '',
    villageCode: village,
    villageName: village ? (villageNames.get(village) ?? s.divisionName ?? null) : null,
    operating: s.status === 'operating',
    status: s.status,
  };
}

/** Every site of a kind, whatever its status (a suspended point's history stays readable), page by page. */
async function everySite(network: NetworkService, kind: 'township_station' | 'village_point') {
  const ctx = systemContext();
  const out: Awaited<ReturnType<NetworkService['listSites']>>['items'] = [];
  let cursor: string | undefined;
  do {
    const page = await network.listSites(ctx, { kind }, 500, cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Parties' register of poor households, by the keyed fingerprint of the head's ID number. */
export function stationHouseholds(households: HouseholdsById): StationHouseholds {
  return { poorHouseholdOf: async (print) => (await households.byFingerprint(print))?.householdId ?? null };
}
