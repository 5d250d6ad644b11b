// Synthetic statistics inputs for bench/stats.ts: N paid orders' worth of events as `stats_inputs` keeps them
// (payload already enriched with `_x`, as the stats.rollups subscriber stores them), generated in seq order and in
// batches so ten million orders never sit in memory at once. Deterministic (a seeded generator): the same N gives
// the same rows on both engines.
//
// The spread: two years of days ending yesterday (Shanghai), more orders in the harvest months; sellers placed in the
// Ludian villages of src/seed (via the places port); 60 products in the 10 demo categories, the three regional
// brands, the specialty and poverty pavilions; online 70 % / village cash 20 % / cash on delivery 10 %; 10 % of
// orders refunded (a third of them in part); 60 % of orders go down as a parcel (97 % arrive, 90 % of those within
// 48 h), one upward parcel per ten orders; 15 % of orders credit a poor household (2 % of those reversed); one
// complaint per 200 orders; 40 shops on other platforms reporting each month.
import type { StatsInput } from '../src/modules/stats/index.js';

export interface Village {
  township: string;
  village: string;
}

const CATEGORIES: [string, string, boolean][] = [
  ['cat_apple', '苹果', true],
  ['cat_dried_fruit', '果干果脯', true],
  ['cat_walnut', '核桃', true],
  ['cat_walnut_kernel', '核桃仁·核桃粉', true],
  ['cat_pepper', '花椒', true],
  ['cat_pepper_goods', '花椒制品', false],
  ['cat_gastrodia', '天麻', true],
  ['cat_beef', '牛干巴', false],
  ['cat_potato', '马铃薯', true],
  ['cat_honey', '蜂产品', true],
];
const BRANDS: Record<string, [string, string]> = { cat_apple: ['brd_zhaotong_apple', '昭通苹果'], cat_pepper: ['brd_ludian_pepper', '鲁甸青花椒'], cat_pepper_goods: ['brd_ludian_pepper', '鲁甸青花椒'], cat_walnut: ['brd_ludian_walnut', '鲁甸大麻核桃'] };
const PLATFORMS = ['taobao', 'tmall', 'jd', 'pdd', 'douyin', 'kuaishou', 'weidian', 'wechat', 'other'];
/** Orders per month of the year, relative (apples in autumn, pepper in summer, the new year's gifts). */
const SEASON = [1.3, 1.1, 0.8, 0.7, 0.7, 0.9, 1.1, 1.2, 1.3, 1.4, 1.3, 1.2];

/** mulberry32: small, fast, seeded. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Product {
  id: string;
  facts: { name: string; categoryId: string; categoryName: string; isProduce: boolean; brandId: string | null; brandName: string | null; pavilions: string[]; traced: boolean };
  priceFen: number;
}

const PRODUCTS: Product[] = Array.from({ length: 60 }, (_, i) => {
  const [categoryId, categoryName, isProduce] = CATEGORIES[i % CATEGORIES.length]!;
  const brand = i % 3 === 0 ? BRANDS[categoryId] : undefined;
  const pavilions = i % 4 === 0 ? ['specialty', 'poverty'] : i % 4 === 1 ? ['specialty'] : i % 4 === 2 ? ['poverty'] : [];
  return {
    id: `prd_bench_${String(i).padStart(2, '0')}`,
    facts: { name: `${categoryName} ${i + 1} 号`, categoryId, categoryName, isProduce, brandId: brand?.[0] ?? null, brandName: brand?.[1] ?? null, pavilions, traced: isProduce && i % 2 === 0 },
    priceFen: 990 + ((i * 1_237) % 18_000),
  };
});

export interface InputSource {
  /** Events in total once every batch is taken. */
  readonly produced: () => number;
  /** The next batch of inputs in seq order (at most about `size`; empty when done). */
  next(size: number): StatsInput[];
}

/**
 * The inputs of `orders` paid orders (with their refunds, parcels, credits and complaints), seq from `firstSeq`.
 * `names` are the division names by code (the `_x.names` the subscriber adds); `today` is the Shanghai day the data
 * ends before.
 */
export function statsInputs(orders: number, villages: Village[], names: Record<string, string>, today: string, firstSeq = 1): InputSource {
  const rnd = random(20_261_207);
  const end = Date.parse(`${today}T00:00:00+08:00`);
  const start = end - 730 * 86_400_000;
  // Day weights by season, then a cumulative table to place order i at its share of the two years.
  const days = Array.from({ length: 730 }, (_, d) => SEASON[new Date(start + d * 86_400_000 + 8 * 3_600_000).getUTCMonth()]!);
  const totalWeight = days.reduce((n, w) => n + w, 0);
  const cumulative: number[] = [];
  days.reduce((n, w) => (cumulative.push(n + w), n + w), 0);
  const sellers = Array.from({ length: 300 }, (_, i) => ({ id: `sel_bench_${i}`, name: `鲁甸商户${i + 1}`, ...villages[(i * 7) % villages.length]! }));
  const buyers = Math.max(1_000, Math.floor(orders / 8));
  const shops = Array.from({ length: 40 }, (_, i) => ({ id: `shp_bench_${i}`, player: `ply_bench_${i % 25}`, platform: PLATFORMS[i % PLATFORMS.length]!, ...villages[(i * 11) % villages.length]! }));
  let seq = firstSeq - 1;
  let order = 0;
  let day = 0;
  let produced = 0;
  let playersDone = false;
  let reportedMonth = -1;
  const months: string[] = [];
  for (let d = 0; d < 730; d++) {
    const m = new Date(start + d * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 7);
    if (months[months.length - 1] !== m) months.push(m);
  }
  const input = (type: string, aggregateId: string, at: number, payload: Record<string, unknown>): StatsInput => {
    produced += 1;
    return { seq: ++seq, type, version: 1, aggregateId, occurredAt: new Date(at).toISOString(), payload };
  };
  const placeNames = (v: Village) => ({ [v.township]: names[v.township] ?? v.township, [v.village]: names[v.village] ?? v.village });

  return {
    produced: () => produced,
    next(size: number): StatsInput[] {
      const out: StatsInput[] = [];
      if (!playersDone) {
        playersDone = true;
        for (let i = 0; i < 25; i++) {
          const v = villages[(i * 11) % villages.length]!;
          out.push(input('players.player-registered', `ply_bench_${i}`, start, { playerId: `ply_bench_${i}`, name: `鲁甸电商${i + 1}`, kind: ['enterprise', 'cooperative', 'service_firm', 'trader', 'individual'][i % 5], townshipCode: v.township, villageCode: v.village, registeredAt: new Date(start).toISOString(), _x: { names: placeNames(v) } }));
        }
        for (const s of shops) out.push(input('players.shop-opened', s.id, start, { shopId: s.id, playerId: s.player, platform: s.platform, openedOn: new Date(start + 8 * 3_600_000).toISOString().slice(0, 10), townshipCode: s.township, _x: { names: placeNames(s) } }));
        for (let i = 0; i < sellers.length; i++) {
          const s = sellers[i]!;
          out.push(input('parties.seller-approved', s.id, start, { sellerId: s.id, kind: i % 3 === 0 ? 'cooperative' : 'individual', townshipCode: s.township, villageCode: s.village, approvedAt: new Date(start).toISOString(), isPoorHousehold: i % 5 === 0, _x: { names: placeNames(s) } }));
        }
      }
      while (out.length < size && order < orders) {
        // Order `order` falls at its share of the weighted days.
        const target = ((order + 0.5) / orders) * totalWeight;
        while (day < 729 && cumulative[day]! < target) day += 1;
        const at = start + day * 86_400_000 + Math.floor(rnd() * 86_400_000);
        const monthIndex = months.indexOf(new Date(at + 8 * 3_600_000).toISOString().slice(0, 7));
        // A month's external reports come once its first order is seen (the month before, reported in this one).
        if (monthIndex > reportedMonth + 1 && monthIndex > 0) {
          reportedMonth = monthIndex - 1;
          const month = months[reportedMonth]!;
          for (const s of shops) {
            const salesFen = 50_000 + Math.floor(rnd() * 5_000_000);
            out.push(input('players.shop-month-reported', s.id, at, { reportId: `rpt_${s.id}_${month}`, shopId: s.id, playerId: s.player, platform: s.platform, month, salesFen, orders: 5 + Math.floor(rnd() * 300), produceFen: Math.floor(salesFen * 0.7), townshipCode: s.township, villageCode: s.village, version: 1, reportedAt: new Date(at).toISOString(), source: 'form', _x: { names: placeNames(s), playerKind: ['enterprise', 'cooperative', 'service_firm', 'trader', 'individual'][Number(s.player.split('_')[2]) % 5] } }));
          }
        }
        const id = `ord_bench_${order}`;
        const seller = sellers[Math.floor(rnd() * rnd() * sellers.length)]!;
        const lineCount = rnd() < 0.7 ? 1 : rnd() < 0.7 ? 2 : 3;
        const lines = Array.from({ length: lineCount }, () => {
          const p = PRODUCTS[Math.floor(rnd() * PRODUCTS.length)]!;
          const quantity = 1 + Math.floor(rnd() * 3);
          return { productId: p.id, quantity, lineFen: p.priceFen * quantity };
        });
        const products = Object.fromEntries(lines.map((l) => [l.productId, PRODUCTS.find((p) => p.id === l.productId)!.facts]));
        const method = rnd() < 0.7 ? 'online' : rnd() < 0.67 ? 'village_cash' : 'cod';
        const totalFen = lines.reduce((n, l) => n + l.lineFen, 0);
        const buyer = `usr_bench_${Math.floor(rnd() * buyers)}`;
        const paidAt = new Date(at).toISOString();
        out.push(input('orders.paid', id, at, { orderId: id, sellerId: seller.id, paidAt, lines, buyerId: buyer, paymentMethod: method, pointSiteId: method === 'village_cash' ? `sit_bench_${seller.village}` : null, totalFen, _x: { products, seller: { name: seller.name, townshipCode: seller.township, villageCode: seller.village }, names: placeNames(seller) } }));
        const to = villages[Math.floor(rnd() * villages.length)]!;
        if (rnd() < 0.6) {
          const parcel = `par_bench_${order}`;
          const registered = at + 3_600_000;
          out.push(input('logistics.parcel-registered', parcel, registered, { parcelId: parcel, direction: 'down', townshipCode: to.township, villageCode: to.village, pointSiteId: `sit_bench_${to.village}`, carrier: 'zhongtong', registeredAt: new Date(registered).toISOString(), _x: { names: placeNames(to) } }));
          if (rnd() < 0.97) {
            const transitMinutes = 600 + Math.floor(rnd() * (rnd() < 0.9 ? 2_200 : 6_000));
            const arrived = registered + transitMinutes * 60_000;
            out.push(input('logistics.parcel-arrived', parcel, arrived, { parcelId: parcel, direction: 'down', townshipCode: to.township, villageCode: to.village, pointSiteId: `sit_bench_${to.village}`, arrivedAt: new Date(arrived).toISOString(), transitMinutes, onTime: transitMinutes <= 2_880, _x: { names: placeNames(to) } }));
          }
        }
        if (order % 10 === 3) {
          const parcel = `par_bench_up_${order}`;
          out.push(input('logistics.parcel-registered', parcel, at, { parcelId: parcel, direction: 'up', townshipCode: seller.township, villageCode: seller.village, pointSiteId: `sit_bench_${seller.village}`, carrier: null, registeredAt: paidAt, _x: { names: placeNames(seller) } }));
        }
        if (rnd() < 0.15) {
          const household = `hh_bench_${Math.floor(rnd() * 5_000)}`;
          const amountFen = Math.floor(totalFen * 0.6);
          out.push(input('parties.household-credited', household, at, { householdId: household, orderId: id, townshipCode: seller.township, villageCode: seller.village, amountFen, creditedAt: paidAt, _x: { names: placeNames(seller) } }));
          if (rnd() < 0.02) out.push(input('parties.household-credit-reversed', household, at + 86_400_000, { householdId: household, orderId: id, amountFen, reversedAt: new Date(at + 86_400_000).toISOString() }));
        }
        if (rnd() < 0.1) {
          const refundedAt = at + 2 * 86_400_000;
          out.push(input('orders.refunded', id, refundedAt, { orderId: id, refundedAt: new Date(refundedAt).toISOString(), amountFen: rnd() < 0.33 ? Math.floor(totalFen / 2) : totalFen }));
        }
        if (order % 200 === 7) {
          const complaint = `cmp_bench_${order}`;
          out.push(input('trace.complaint-filed', complaint, at + 86_400_000, { complaintId: complaint, filedAt: new Date(at + 86_400_000).toISOString(), productId: lines[0]!.productId, sellerId: seller.id, townshipCode: seller.township, _x: { names: placeNames(seller) } }));
        }
        order += 1;
      }
      return out;
    },
  };
}
