import { createHash } from 'node:crypto';
import type { Modules } from '../app.js';
import { shanghaiDate } from '../kernel/clock.js';
import type { RequestContext, Role } from '../kernel/context.js';
import { residentIdCheck } from '../modules/parties/index.js';
import { DEFAULT_FARM_INPUTS, type Outcome } from '../modules/stations/index.js';
import {
  BANKS,
  BILLS,
  CARRIERS,
  CONSIGN_OFFERS,
  DEMO_STATION_SITES,
  FARM_INPUT_STOCK,
  HISTORY_DAYS,
  LOAN_REFERRALS,
  PROXY_BUY_ITEMS,
  PURCHASE_SAMPLES,
  REFUSED_BILLS,
  SHORT_DAY,
  TICKETS,
  TODAY_AT_POINT,
  TRACE_BUYER,
  type DemoStationSite,
  type DemoVillager,
} from '../seed/ludian-stations.js';
import { as, type ModulesAt } from './load-demo-orders.js';

/** A small deterministic number from a string, so demo figures are the same on every load. */
function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

/** A deterministic stream of fractions in [0, 1) (mulberry32). */
function stream(seed: string): () => number {
  let a = hash(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const between = (r: () => number, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const DAY_MS = 86_400_000;
/** A Shanghai wall-clock time of a day as ISO UTC. */
const at = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00+08:00`) + minutes * 60_000).toISOString();
/** The highest purchase price per kg of each produce (the standards'), to tell whether the till can pay in cash. */
const TOP_PRICE: Record<string, number> = { pepper: 9_000, walnut: 2_400, apple: 800, potato: 200 };

type Rec = Record<string, unknown> & { clientId: string; type: string; at: string };

/** A receipt code as the phone makes one (22 base64url characters), here derived from the record so loads agree. */
const receiptCode = (siteId: string, clientId: string) => createHash('sha256').update(`ludian-stations:${siteId}:${clientId}`).digest('base64url').slice(0, 22);

const customerOf = (v: DemoVillager) => ({
  name: v.name,
  ...(v.phone ? { phone: v.phone } : {}),
  ...(v.id17 ? { idNumber: v.id17 + residentIdCheck(v.id17) } : {}),
  ...(v.poor ? { poor: true } : {}),
});

interface PendingStep {
  daysAgo: number;
  minutes: number;
  record: () => Record<string, unknown> & { type: string };
}

interface SiteState {
  seed: DemoStationSite;
  ctx: RequestContext;
  /** Cash the till holds as the phone computes it (opening + in − out). */
  cashFen: number;
  /** What the till was counted at when the last day closed. */
  countedFen: number;
  stock: Map<string, number>;
  pending: PendingStep[];
  seq: number;
}

/**
 * 站点服务 demo: the past 30 days (ending yesterday, Shanghai) at 乐红村's point (demo.village), 乐红镇's station
 * (demo.township), 龙头山镇's station, 光明村's and 龙树村's points — each day opened, a mix of 代买 (request, order on
 * 淘宝/拼多多/本平台, parcel, hand-over with a fee; one cancelled), 代卖 intakes, 收购 receipts graded against the
 * standards, bills, tickets, 助农取款, two loan referrals, 农资 stock-in and sales (a pesticide to 杨永福, a trace
 * producer) — and closed with the counted cash, which agrees every day but one at 乐红村's point (短款 ¥20.00 with its
 * reason). Today 乐红村's point is open with a few records. Written through the records batch (the phone's one write
 * path) with the operator's context and the clock at each record, so days, stock, events and figures are real. Only
 * with `modulesAt` (the first real start, `npm run seed`), and only while the stations have no days at all.
 */
export async function loadDemoStations(modulesAt: ModulesAt, users: Record<string, string>, realNow: Date = new Date()): Promise<{ stationRecords: number }> {
  let now = realNow;
  const m: Modules = modulesAt({ now: () => now });
  const county = as(users['demo.county'], 'demo.county', ['county_admin'], { kind: 'county', id: '530621' });
  if ((await m.stations.days.list(county, {}, 1)).items.length > 0) return { stationRecords: 0 };

  const today = shanghaiDate(realNow);
  const dayOf = (daysAgo: number) => shanghaiDate(new Date(Date.parse(`${today}T12:00:00+08:00`) - daysAgo * DAY_MS));

  // The catalogue first, priced from the day before the month began (a sale is charged the price of its time).
  now = new Date(at(dayOf(HISTORY_DAYS + 1), 9 * 60));
  const inputs = new Map<string, string>();
  for (let cursor: string | undefined, more = true; more; ) {
    const page = await m.stations.farmInputs.list(county, {}, 100, cursor);
    for (const i of page.items) inputs.set(i.name, i.id);
    cursor = page.nextCursor ?? undefined;
    more = !!cursor;
  }
  for (const input of DEFAULT_FARM_INPUTS) if (!inputs.has(input.name)) inputs.set(input.name, (await m.stations.farmInputs.create(county, input)).id);

  // 杨永福, the trace farmer of 乐红村, when traceability's demo is loaded.
  let producerId: string | null = null;
  for (let cursor: string | undefined, more = true; more && !producerId; ) {
    const page = await m.trace.producers.list(county, 100, cursor);
    producerId = page.items.find((p) => p.name === TRACE_BUYER.producerName)?.id ?? null;
    cursor = page.nextCursor ?? undefined;
    more = !!cursor;
  }

  const sites: SiteState[] = [];
  for (const seed of DEMO_STATION_SITES) {
    const site = await m.network.service.getSite(county, seed.siteId);
    const roles: Role[] = [seed.scope.kind === 'site' ? 'village_operator' : 'township_operator'];
    // A demo account records as itself (its name is what the phone's records show); elsewhere the site's operator.
    const ctx: RequestContext = seed.account
      ? { ...as(users[seed.account.username], seed.account.username, roles, seed.scope) }
      : { principal: { userId: `demo_operator_${seed.siteId}`, username: `demo_operator_${seed.siteId}`, displayName: site.operator?.name ?? site.name, roles, scope: seed.scope, via: 'system' }, ip: '127.0.0.1', requestId: 'demo' };
    if (seed.account) ctx.principal = { ...ctx.principal!, displayName: seed.account.displayName };
    sites.push({ seed, ctx, cashFen: 0, countedFen: seed.openingCashFen, stock: new Map(), pending: [], seq: 0 });
  }

  let stored = 0;
  const send = async (s: SiteState, rec: Rec): Promise<Outcome> => {
    now = new Date(Date.parse(rec.at) + 60_000);
    const { outcomes } = await m.stations.records.batch(s.ctx, { siteId: s.seed.siteId, records: [rec] });
    const o = outcomes[0];
    if (o.status !== 'stored') throw new Error(`demo stations: ${rec.type} ${rec.clientId} at ${s.seed.siteId} ${o.status} ${o.code}: ${o.message}`);
    stored++;
    s.cashFen += o.record!.cashInFen - o.record!.cashOutFen;
    return o;
  };
  const clientId = (s: SiteState, day: string, label: string) => `${s.seed.siteId.slice(5)}-${day.replaceAll('-', '')}-${String(++s.seq).padStart(3, '0')}-${label}`;
  const service = (s: SiteState, day: string, label: string, minutes: number, fields: Record<string, unknown> & { type: string }): Rec => {
    const id = clientId(s, day, label);
    return { clientId: id, at: at(day, minutes), receiptCode: receiptCode(s.seed.siteId, id), ...fields };
  };

  /** A later step of a proxy buy; a hand-over or a cancel takes or gives cash, so the villager gets a receipt. */
  const later = (s: SiteState, day: string, minutes: number, step: PendingStep): Rec => {
    const fields = step.record();
    const id = clientId(s, day, 'db');
    const receipt = fields.type === 'proxy_buy.handover' || fields.type === 'proxy_buy.cancel' ? { receiptCode: receiptCode(s.seed.siteId, id) } : {};
    return { ...fields, clientId: id, at: at(day, minutes), ...receipt };
  };

  /** One service record of a kind the day's draw picks, or null when the till or stock cannot take it. */
  const draw = (s: SiteState, r: () => number, day: string, daysAgo: number, minutes: number): Rec | null => {
    const v = pick(r, s.seed.villagers);
    const customer = customerOf(v);
    const roll = r();
    if (roll < 0.16) {
      const item = pick(r, PROXY_BUY_ITEMS);
      const depositFen = Math.round((item.costFen * 0.3) / 1000) * 1000;
      const rec = service(s, day, 'dm', minutes, { type: 'proxy_buy.request', customer, item: item.item, quantityText: item.quantityText, budgetFen: item.budgetFen, depositFen });
      const ref = rec.clientId;
      const n = hash(ref);
      const order = item.platform === 'taobao' ? `${3_900_000_000_000 + (n % 1_000_000_000)}${String(n % 1_000_000).padStart(6, '0')}` : item.platform === 'pinduoduo' ? `${day.slice(2).replaceAll('-', '')}-${String(n).padStart(15, '0').slice(0, 15)}` : `CH${day.replaceAll('-', '')}${String(n % 100_000).padStart(5, '0')}`;
      s.pending.push({ daysAgo, minutes: Math.min(minutes + between(r, 30, 120), 18 * 60), record: () => ({ type: 'proxy_buy.ordered', proxyBuyClientId: ref, platform: item.platform, externalOrderNo: order, costFen: item.costFen }) });
      if (r() < 0.08) {
        s.pending.push({ daysAgo: daysAgo - 1, minutes: 9 * 60 + between(r, 0, 60), record: () => ({ type: 'proxy_buy.cancel', proxyBuyClientId: ref, refundFen: depositFen, reason: '卖家缺货，村民改到集镇购买，定金退回' }) });
        return rec;
      }
      const carrier = pick(r, CARRIERS);
      const arrives = daysAgo - between(r, 2, 4);
      s.pending.push({ daysAgo: arrives, minutes: 10 * 60 + between(r, 0, 240), record: () => ({ type: 'proxy_buy.parcel', proxyBuyClientId: ref, waybillNo: `${carrier.prefix}${String(7_300_000_000_000 + (n % 1_000_000_000_000))}`, carrier: carrier.name }) });
      const feeFen = pick(r, [200, 300, 500]);
      s.pending.push({ daysAgo: arrives - between(r, 0, 1), minutes: 15 * 60 + between(r, 0, 180), record: () => ({ type: 'proxy_buy.handover', proxyBuyClientId: ref, feeFen, collectedFen: item.costFen + feeFen - depositFen }) });
      return rec;
    }
    if (roll < 0.4) {
      const bill = pick(r, BILLS);
      const amountFen = Math.round(between(r, bill.minFen, bill.maxFen) / 100) * 100;
      return service(s, day, 'jf', minutes, { type: 'bill.pay', customer, service: bill.service, providerId: bill.providerId, accountNo: bill.account(hash(v.name + s.seed.siteId)), amountFen, feeFen: bill.feeFen, paidBy: r() < 0.8 ? 'cash' : 'transfer' });
    }
    if (roll < 0.53) {
      const amountFen = between(r, 2, 20) * 10_000;
      if (s.cashFen < amountFen + 20_000) return null;
      return service(s, day, 'qk', minutes, { type: 'cash.withdraw', customer, providerId: pick(r, BANKS), cardTail: String(hash(v.name) % 10_000).padStart(4, '0'), amountFen, feeFen: Math.max(200, Math.round(amountFen * 0.004)) });
    }
    if (roll < 0.66) {
      const produce = pick(r, s.seed.consign);
      const offer = pick(r, CONSIGN_OFFERS[produce]);
      return service(s, day, 'dx', minutes, { type: 'consignment.intake', customer, produce, grade: offer.grade, weightG: between(r, offer.minKg * 10, offer.maxKg * 10) * 100, priceFenPerKg: offer.priceFenPerKg });
    }
    if (roll < 0.78) {
      const produce = pick(r, s.seed.purchase);
      const lines = Array.from({ length: between(r, 1, 3) }, () => {
        const sample = pick(r, PURCHASE_SAMPLES[produce]);
        const netG = between(r, sample.minKg * 10, sample.maxKg * 10) * 100;
        return { grossG: netG + sample.tareG, tareG: sample.tareG, measurements: sample.measurements };
      });
      const most = lines.reduce((sum, l) => sum + ((l.grossG - l.tareG) / 1000) * TOP_PRICE[produce], 0);
      return service(s, day, 'sg', minutes, { type: 'purchase.receipt', customer, produce, lines, paidBy: s.cashFen > most + 20_000 && r() < 0.7 ? 'cash' : 'transfer' });
    }
    if (roll < 0.92 || !s.seed.tickets) {
      const held = [...s.stock.entries()].filter(([, q]) => q > 0);
      if (held.length === 0) return null;
      const [name, have] = pick(r, held);
      const quantity = Math.min(have, name.includes('苗') ? between(r, 20, 80) : between(r, 1, 4));
      s.stock.set(name, have - quantity);
      return service(s, day, 'nz', minutes, { type: 'farm_input.sale', customer, inputId: inputs.get(name)!, quantity });
    }
    const ticket = pick(r, TICKETS);
    const travel = shanghaiDate(new Date(Date.parse(`${day}T12:00:00+08:00`) + between(r, 1, 10) * DAY_MS));
    return service(s, day, 'pw', minutes, { type: 'ticket.book', customer, mode: ticket.mode, providerId: ticket.providerId, description: ticket.description, travelDate: travel, amountFen: ticket.amountFen, feeFen: ticket.feeFen, paidBy: r() < 0.7 ? 'cash' : 'transfer' });
  };

  const stockIn = async (s: SiteState, day: string, minutes: number, share: number) => {
    for (const item of FARM_INPUT_STOCK[s.seed.siteId] ?? []) {
      const quantity = Math.max(1, Math.round(item.quantity * share));
      await send(s, { clientId: clientId(s, day, 'rk'), type: 'farm_input.stock_in', at: at(day, minutes++), inputId: inputs.get(item.name)!, quantity });
      s.stock.set(item.name, (s.stock.get(item.name) ?? 0) + quantity);
    }
  };

  // The refused bills' clientIds, by account; the provider's answers to what is pending so far, as its job would give them.
  const refusedBills = new Map<string, string>();
  const answerPendingSubmissions = async () => {
    for (let answered = 1; answered > 0; ) {
      const counts = await m.stations.providerSubmitter.submitDue(now);
      answered = counts.accepted + counts.refused;
    }
  };

  for (let daysAgo = HISTORY_DAYS; daysAgo >= 0; daysAgo--) {
    const day = dayOf(daysAgo);
    for (const s of sites) {
      if (daysAgo === 0 && s.seed.siteId !== TODAY_AT_POINT.siteId) continue;
      const r = stream(`${s.seed.siteId}:${daysAgo}`);
      const opens = 8 * 60 + between(r, 0, 30);
      // Today's records stop before the real time (the server refuses a record from the future).
      const latest = daysAgo === 0 ? Math.max(0, Math.floor((realNow.getTime() - Date.parse(`${day}T00:00:00+08:00`)) / 60_000) - 1) : 24 * 60;
      const clamp = (minutes: number) => Math.min(minutes, latest);
      s.cashFen = s.countedFen;
      await send(s, { clientId: clientId(s, day, 'kz'), type: 'day.open', at: at(day, clamp(opens)), openingCashFen: s.countedFen });
      if (daysAgo === HISTORY_DAYS) await stockIn(s, day, clamp(opens + 5), 1);
      if (daysAgo === 15) await stockIn(s, day, clamp(opens + 5), 0.5);

      const count = daysAgo === 0 ? 3 : Math.max(2, s.seed.busy + between(r, -2, 2));
      // Today's records fall between opening and now; what a later step would do today is still to come.
      const slots = Array.from({ length: count }, () => between(r, opens + 20, daysAgo === 0 ? Math.max(opens + 20, latest) : 18 * 60 + 30)).sort((a, b) => a - b);
      if (daysAgo === 0) s.pending = s.pending.filter((p) => p.daysAgo !== 0 || p.minutes <= latest);
      const planned: { minutes: number; make: () => Rec | null }[] = slots.map((minutes) => ({ minutes, make: () => draw(s, r, day, daysAgo, clamp(minutes)) }));
      for (const step of s.pending.filter((p) => p.daysAgo === daysAgo)) {
        planned.push({ minutes: step.minutes, make: () => later(s, day, clamp(step.minutes), step) });
      }
      s.pending = s.pending.filter((p) => p.daysAgo !== daysAgo);
      // A bill whose account the provider does not have, and the refund of an earlier one once the provider said so.
      for (const b of REFUSED_BILLS.filter((b) => b.siteId === s.seed.siteId && b.daysAgo === daysAgo)) {
        const minutes = 15 * 60 + 10 * b.villager;
        planned.push({
          minutes,
          make: () => {
            const rec = service(s, day, 'jf', clamp(minutes), { type: 'bill.pay', customer: customerOf(s.seed.villagers[b.villager]), service: b.service, providerId: b.providerId, accountNo: b.accountNo, amountFen: b.amountFen, feeFen: 0, paidBy: 'cash' });
            refusedBills.set(b.accountNo, rec.clientId);
            return rec;
          },
        });
      }
      const refunds = REFUSED_BILLS.filter((b) => b.siteId === s.seed.siteId && b.refundDaysAgo === daysAgo);
      if (refunds.length > 0) await answerPendingSubmissions();
      for (const b of refunds) planned.push({ minutes: opens + 15, make: () => service(s, day, 'tk', clamp(opens + 15), { type: 'provider.refund', targetClientId: refusedBills.get(b.accountNo)! }) });
      const loan = LOAN_REFERRALS.find((l) => l.siteId === s.seed.siteId && l.daysAgo === daysAgo);
      if (loan) {
        const who = customerOf(s.seed.villagers[loan.villager]);
        planned.push({ minutes: 10 * 60 + 30, make: () => service(s, day, 'dk', clamp(10 * 60 + 30), { type: 'loan.refer', customer: who, providerId: loan.providerId, amountFen: loan.amountFen, purpose: loan.purpose }) });
      }
      if (s.seed.siteId === TRACE_BUYER.siteId && daysAgo === TRACE_BUYER.daysAgo) {
        planned.push({
          minutes: 11 * 60 + 15,
          make: () => {
            s.stock.set(TRACE_BUYER.input, (s.stock.get(TRACE_BUYER.input) ?? 0) - TRACE_BUYER.quantity);
            return service(s, day, 'nz', clamp(11 * 60 + 15), { type: 'farm_input.sale', customer: { name: TRACE_BUYER.producerName, phone: TRACE_BUYER.phone, idNumber: TRACE_BUYER.idNumber }, inputId: inputs.get(TRACE_BUYER.input)!, quantity: TRACE_BUYER.quantity, ...(producerId ? { producerId } : {}) });
          },
        });
      }
      planned.sort((a, b) => a.minutes - b.minutes);
      for (const p of planned) {
        const rec = p.make();
        if (rec) await send(s, rec);
      }
      // A proxy buy asked for today is ordered online later the same day.
      for (const step of s.pending.filter((p) => p.daysAgo === daysAgo).sort((a, b) => a.minutes - b.minutes)) {
        await send(s, later(s, day, clamp(step.minutes), step));
      }
      s.pending = s.pending.filter((p) => p.daysAgo !== daysAgo);
      if (daysAgo === 0) continue; // today stays open
      const short = s.seed.siteId === SHORT_DAY.siteId && daysAgo === SHORT_DAY.daysAgo;
      const counted = s.cashFen - (short ? SHORT_DAY.shortFen : 0);
      await send(s, { clientId: clientId(s, day, 'rj'), type: 'day.close', at: at(day, 19 * 60 + between(r, 0, 40)), countedCashFen: counted, expectedCashFen: s.cashFen, ...(short ? { reason: SHORT_DAY.reason } : {}) });
      s.countedFen = counted;
    }
  }
  return { stationRecords: stored };
}
