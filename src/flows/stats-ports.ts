import { systemContext } from '../kernel/context.js';
import type { CatalogService } from '../modules/catalog/index.js';
import type { NetworkService } from '../modules/network/index.js';
import type { SellerService } from '../modules/parties/index.js';
import type { CoverageCounts, DivisionFacts, ProductFacts, StatsCoverage, StatsPlaces, StatsProducts } from '../modules/stats/index.js';
import type { BatchService } from '../modules/trace/index.js';

/** Top-level categories whose names say they are not farm produce; everything else the catalogue sells is. */
const NOT_PRODUCE = /日用|百货|家电|数码|服装|鞋|文具|五金|化妆|家居|农资|工业/;
const TTL_MS = 60_000;

/** A value loaded at most every `ttl` ms; `fresh()` reloads it unless it was loaded in the last second. */
function cached<T>(load: () => Promise<T>, ttl = TTL_MS): { get(): Promise<T>; fresh(): Promise<T> } {
  let held: { at: number; value: Promise<T> } | null = null;
  const reload = () => {
    held = { at: Date.now(), value: load() };
    held.value.catch(() => (held = null));
    return held.value;
  };
  return {
    get: () => (held && Date.now() - held.at < ttl ? held.value : reload()),
    fresh: () => (held && Date.now() - held.at < 1000 ? held.value : reload()),
  };
}

/** The township and village a division code names (a village's 12 digits, a township's 9). */
export function placeOfCode(code: string | null | undefined): { townshipCode: string | null; villageCode: string | null } {
  if (code && /^\d{12}$/.test(code)) return { townshipCode: code.slice(0, 9), villageCode: code };
  if (code && /^\d{9}$/.test(code)) return { townshipCode: code, villageCode: null };
  return { townshipCode: null, villageCode: null };
}

/**
 * What the statistics need to know of a paid product, asked of the catalogue (name, category, brand, pavilions),
 * traceability (whether the product has batches, i.e. carries trace codes) and parties (its seller's place).
 */
export function statsProducts(catalog: CatalogService, sellers: SellerService, batches: BatchService): StatsProducts {
  const categories = cached(async () => {
    const list = await catalog.listCategories();
    const byId = new Map(list.map((c) => [c.id, c]));
    const root = (id: string) => {
      let c = byId.get(id);
      for (let guard = 0; c?.parentId && guard < 10; guard += 1) c = byId.get(c.parentId) ?? c;
      return c;
    };
    return new Map(list.map((c) => [c.id, { name: c.name, isProduce: !NOT_PRODUCE.test(root(c.id)?.name ?? c.name) }]));
  });
  const traced = cached(async () => {
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await batches.list(systemContext(), {}, 500, cursor, '');
      for (const b of page.items) if (b.productId) ids.add(b.productId);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }, 10_000);
  return {
    async products(productIds) {
      const [cats, tracedIds] = await Promise.all([categories.get(), traced.get()]);
      const out = new Map<string, ProductFacts>();
      for (const id of productIds) {
        const p = await catalog.manage(systemContext(), id).catch((err: unknown) => {
          if ((err as { status?: number }).status === 404) return null;
          throw err;
        });
        if (!p) continue;
        const cat = cats.get(p.categoryId) ?? (await categories.fresh()).get(p.categoryId);
        out.set(id, {
          name: p.name,
          categoryId: p.categoryId,
          categoryName: cat?.name ?? null,
          isProduce: cat?.isProduce ?? true,
          brandId: p.brand?.id ?? null,
          brandName: p.brand?.name ?? null,
          pavilions: [...p.pavilions],
          traced: tracedIds.has(id) || (await traced.fresh()).has(id),
        });
      }
      return out;
    },
    async seller(sellerId) {
      const s = await sellers.producerFacts(sellerId);
      return s ? { name: s.name, ...placeOfCode(s.divisionCode) } : null;
    },
  };
}

/** The county's division tree, a site's village and the village points, from the network (its cached snapshot). */
export function statsPlaces(network: NetworkService): StatsPlaces {
  return {
    county: () => network.county(),
    async divisions() {
      const ctx = systemContext();
      const [townships, villages] = await Promise.all([network.listDivisions(ctx, { level: 'township' }), network.listDivisions(ctx, { level: 'village' })]);
      const rows: DivisionFacts[] = townships.map((t) => ({ code: t.code, name: t.name, level: 'township', parentCode: t.parentCode, isPoor: t.isPoorTownship }));
      for (const v of villages) rows.push({ code: v.code, name: v.name, level: 'village', parentCode: v.parentCode, isPoor: v.isPoorVillage });
      return rows;
    },
    async siteVillage(siteId) {
      const site = await network.getSite(systemContext(), siteId).catch(() => null);
      if (!site) return null;
      const place = placeOfCode(site.divisionCode);
      return { townshipCode: site.townshipCode ?? place.townshipCode, villageCode: place.villageCode };
    },
    async points() {
      const out: { townshipCode: string | null; villageCode: string; operating: boolean }[] = [];
      let cursor: string | undefined;
      do {
        const page = await network.listSites(systemContext(), { kind: 'village_point' }, 500, cursor);
        for (const s of page.items) out.push({ townshipCode: s.townshipCode, villageCode: s.divisionCode, operating: s.status === 'operating' });
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    },
  };
}

/** Today's coverage counts, from the network's own coverage figures. */
export function statsCoverage(network: NetworkService): StatsCoverage {
  return {
    async counts(): Promise<CoverageCounts> {
      const c = await network.coverage(systemContext());
      return {
        townships: c.logistics.townships.total,
        townshipsReached: c.logistics.townships.covered,
        poorTownships: c.poorTownships.total,
        poorTownshipsWithStation: c.poorTownships.covered,
        villages: c.villages.total,
        villagesWithPoint: c.villages.covered,
        poorVillages: c.poorVillages.total,
        poorVillagesWithPoint: c.poorVillages.covered,
        perTownship: c.townships.map((t) => ({ code: t.code, villages: t.villages.total, villagesWithPoint: t.villages.covered, poorVillages: t.poorVillages.total, poorVillagesWithPoint: t.poorVillages.covered })),
      };
    },
  };
}
