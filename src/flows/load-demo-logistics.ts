import type { Modules } from '../app.js';
import { shanghaiDate } from '../kernel/clock.js';
import type { RequestContext } from '../kernel/context.js';
import type { ManifestParcelInput, ScanInput } from '../modules/logistics/index.js';
import { HOUSEHOLD_GIVEN, HOUSEHOLD_SURNAMES } from '../seed/ludian-market.js';

const DAY_MS = 86_400_000;
const DAYS = 7;
/** Carriers by their share of the county's parcels. */
const CARRIER_MIX = ['zhongtong', 'zhongtong', 'zhongtong', 'yuantong', 'yuantong', 'yunda', 'yunda', 'jtexpress', 'jtexpress', 'youzhengguonei', 'youzhengguonei', 'shentong', 'ems', 'jd', 'shunfeng'] as const;
/** Addresses that name no village of the county: they wait in the queue for a person. */
const VAGUE_ADDRESSES = ['鲁甸县城 新区 3 栋', '昭通市昭阳区 珠泉路', '鲁甸县 水库边', '鲁甸县 集镇 农贸市场旁'];
const PRODUCE = ['青花椒 10 斤', '红富士苹果 2 箱', '核桃 20 斤', '花椒油 6 瓶', '荞麦面 5 袋'];
const MODE_BY_ORDER = ['county_truck', 'postal_van', 'rural_bus'] as const;

/** A small seeded generator, so the demo comes out the same each time it is loaded. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const at = (date: string, hour: number, minute = 0) => new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`).toISOString();

/**
 * A week of rural logistics: a route for each township, parcels of nine carriers arriving every morning, sorted
 * and carried out on the next day's runs (two routes' runs late in mid-week, so the 48-hour board shows misses),
 * collected at the points with their codes, a few unmatched addresses, and produce going up. Skipped when there
 * are parcels already.
 */
export async function loadDemoLogistics(modules: Modules, courier: RequestContext, now: Date): Promise<{ parcels: number; routes: number }> {
  const { logistics } = modules;
  if ((await logistics.parcels.list(courier, {}, 1)).items.length > 0) return { parcels: 0, routes: 0 };
  const rand = random(530621);
  const pickOne = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];

  const book = await logistics.places.placeBook();
  const siteName = (id: string) => book.siteName.get(id) ?? id;
  const routes: { id: string; name: string; stops: string[] }[] = [];
  for (const [i, township] of book.townships.entries()) {
    const villageStops = book.villages.filter((v) => v.townshipCode === township.code && v.pointSiteId).map((v) => v.pointSiteId!);
    const stops = [...(township.transferSiteId ? [township.transferSiteId] : []), ...villageStops];
    if (!stops.length) continue;
    const mode = MODE_BY_ORDER[i % 3];
    const route = await logistics.runs.saveRoute(courier, { name: `${township.name}线`, mode, stops, departures: mode === 'rural_bus' ? ['07:00', '13:00'] : ['07:30'], vehicle: mode === 'rural_bus' ? `${township.name}客运班车` : mode === 'postal_van' ? '邮政 云C·Y' + (1000 + i) : '县物流 云C·' + (5000 + i) }, undefined, { demo: true });
    routes.push({ id: route.id, name: route.name, stops });
  }

  const today = shanghaiDate(now);
  const dayOf = (back: number) => shanghaiDate(new Date(now.getTime() - back * DAY_MS));
  const homeVillages = book.villages.filter((v) => v.pointSiteId || book.townships.find((t) => t.code === v.townshipCode)?.transferSiteId);
  const leHong = book.villages.find((v) => v.name === '乐红村');
  const phones = new Map<string, string>();
  let serial = 0;
  let parcels = 0;

  for (let back = DAYS; back >= 0; back--) {
    const day = dayOf(back);
    // The day's runs carry what was sorted the days before; 龙头山 and 江底 lose a day mid-week.
    if (back < DAYS) {
      for (const route of routes) {
        if ((back === 4 || back === 2) && ['龙头山镇线', '江底镇线'].includes(route.name)) continue;
        const run = await logistics.runs.create(courier, { routeId: route.id, date: day, driver: pickOne(['马师傅', '陈师傅', '李师傅']) });
        if (back === 0) continue;
        await logistics.runs.depart(courier, run.id, at(day, 7, 30));
        for (const [seq, stop] of route.stops.entries()) await logistics.runs.handover(courier, run.id, stop, `${siteName(stop).slice(0, 3)} ${pickOne(HOUSEHOLD_GIVEN)}`, at(day, 9 + Math.floor((seq * 35) / 60), (seq * 35) % 60));
        await logistics.runs.complete(courier, run.id, at(day, 17));
      }
    }
    // The morning's manifests, one per carrier.
    const byCarrier = new Map<string, ManifestParcelInput[]>();
    const count = 26 + Math.floor(rand() * 10);
    for (let n = 0; n < count; n++) {
      serial++;
      const carrier = pickOne(CARRIER_MIX);
      const village = n < 5 && leHong ? leHong : pickOne(homeVillages);
      const phone = `139${String(10_000_000 + ((serial * 7919) % 89_999_999)).padStart(8, '0')}`;
      const vague = back <= 5 && n >= count - 2;
      const address = vague ? pickOne(VAGUE_ADDRESSES) : pickOne([`云南省昭通市鲁甸县${village.townshipName}${village.name}${1 + (serial % 9)}组`, `鲁甸县${village.townshipName}${village.name}村委会旁`, `${village.townshipName} ${village.name} ${1 + (serial % 12)}社`]);
      const waybillNo = `${carrier.slice(0, 2).toUpperCase()}${day.replaceAll('-', '')}${String(serial).padStart(5, '0')}`;
      phones.set(waybillNo, phone);
      const list = byCarrier.get(carrier) ?? [];
      list.push({ waybillNo, recipientName: pickOne([...HOUSEHOLD_SURNAMES]) + pickOne(HOUSEHOLD_GIVEN), recipientPhone: phone, address, weightG: 200 + Math.floor(rand() * 4800) });
      byCarrier.set(carrier, list);
    }
    for (const [carrier, list] of byCarrier) {
      await logistics.parcels.intake(courier, carrier, list, { kind: 'api', field: (i, f) => `parcels.${i}.${f}` }, { demo: true });
      parcels += list.length;
    }
    // Unmatched addresses of earlier days were settled by the warehouse; the last few days' still wait.
    if (back > 3) {
      for (const p of (await logistics.parcels.list(courier, { match: 'unmatched' }, 50)).items) await logistics.parcels.assign(courier, p.id, pickOne(homeVillages).code);
    }
    const scans: ScanInput[] = [];
    [...byCarrier.values()].flat().forEach((p, i) => {
      const minute = 8 * 60 + Math.floor((i / count) * 180);
      scans.push({ eventId: `demo-rcv-${p.waybillNo}`, waybillNo: p.waybillNo, type: 'received_county', at: at(day, Math.floor(minute / 60), minute % 60) });
      scans.push({ eventId: `demo-srt-${p.waybillNo}`, waybillNo: p.waybillNo, type: 'sorted', at: at(day, Math.floor(minute / 60) + 1, minute % 60) });
    });
    // Yesterday's damaged parcel still waits at the warehouse for someone to decide.
    if (back === 1) scans.push({ eventId: `demo-dmg-${serial}`, waybillNo: [...phones.keys()].at(-3)!, type: 'problem', at: at(day, 13, 30), note: '外包装破损，已拍照留存' });
    // This morning's parcels that have not reached the county yet are only announced.
    await logistics.scans.batch(courier, scans.filter((scan) => Date.parse(scan.at!) < now.getTime()));

    // Produce handed in at the points during the day, for the next run to bring up.
    for (const village of homeVillages.filter((v) => v.pointSiteId).slice((DAYS - back) * 2, (DAYS - back) * 2 + 3)) {
      await logistics.parcels.openShipment(courier, { originSiteId: village.pointSiteId!, description: pickOne(PRODUCE), weightG: 5000 + Math.floor(rand() * 10_000), recipient: { name: '陈' + pickOne(HOUSEHOLD_GIVEN), phone: '13600136000', address: '昆明市盘龙区北京路 88 号' } });
    }
  }

  // At the points: notified on arrival, most collected within three days, a few left waiting, two sent back.
  const arrived = await listAll(modules, courier, 'arrived_village');
  const done: ScanInput[] = [];
  for (const p of arrived) done.push({ eventId: `demo-ntf-${p.id}`, parcelId: p.id, type: 'notified', at: new Date(Date.parse(p.arrivedAt!) + 10 * 60_000).toISOString() });
  await logistics.scans.batch(courier, done.filter((scan) => Date.parse(scan.at!) < now.getTime()));
  const collect: ScanInput[] = [];
  for (const [i, p] of arrived.entries()) {
    const wait = now.getTime() - Date.parse(p.arrivedAt!);
    const phone = phones.get(p.waybillNo ?? '');
    if (!phone || (i % 9 === 0 && wait < 6 * DAY_MS) || wait < 0.4 * DAY_MS) continue;
    if (i % 9 === 0) {
      collect.push({ eventId: `demo-rtn-${p.id}`, parcelId: p.id, type: 'returned', at: new Date(Date.parse(p.arrivedAt!) + 5 * DAY_MS).toISOString(), note: '超期未取，退回寄件人' });
      continue;
    }
    const code = (await modules.notify.outbox.sentTo(phone)).find((m) => m.ref === p.id)?.body.match(/取件码(\d{6})/)?.[1];
    if (code) collect.push({ eventId: `demo-pku-${p.id}`, parcelId: p.id, type: 'picked_up', pickupCode: code, at: new Date(Date.parse(p.arrivedAt!) + (2 + (i % 50)) * 3600_000).toISOString() });
  }
  // Hand-overs cannot be later than now: the ones that would be are still waiting.
  await logistics.scans.batch(courier, collect.filter((s) => Date.parse(s.at!) < now.getTime()));

  // Produce that reached the county went out with a carrier.
  for (const p of await listAll(modules, courier, 'received_county', 'up')) {
    await logistics.parcels.handToCarrier(courier, p.id, pickOne(['ems', 'youzhengguonei', 'shunfeng']), `UP${today.replaceAll('-', '')}${p.id.slice(-6).toUpperCase()}`);
  }
  await logistics.promise.raiseAlerts();
  return { parcels, routes: routes.length };
}

async function listAll(modules: Modules, ctx: RequestContext, status: 'arrived_village' | 'received_county', direction: 'down' | 'up' = 'down') {
  const all = [];
  let cursor: string | undefined;
  do {
    const page = await modules.logistics.parcels.list(ctx, { status, direction }, 500, cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
