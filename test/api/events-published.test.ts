/**
 * The facts statistics counts (issue 14), as the producing modules announce them: each in the transaction that
 * makes the change, once per fact — a resent scan, a replayed offline sync, a second approval or hand-over adds
 * nothing — with the whole payload of the event catalogue (docs/architecture.md). The demo data goes through the
 * same services, so it announces its sellers and parcels too.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventTables } from '../../src/kernel/events/index.js';
import { creditCodeCheck, organisationCodeCheck } from '../../src/modules/parties/index.js';
import { DEMO_SELLERS } from '../../src/seed/ludian-market.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const HOUR = 3600_000;
const TOWNSHIP = '530621110'; // 乐红镇
const VILLAGE = '530621110205'; // 乐红村
const POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, run by demo.village
const ADDRESS = '鲁甸县乐红镇乐红村3组';
const shipTo = { name: '李明', phone: '13800138000', address: '昆明市五华区人民中路 1 号', divisionCode: '530102' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A co-op's credit code with valid check characters (93: co-op, registered in Ludian). */
function coopCreditCode(n: number): string {
  const org8 = `MA6E${String(n).padStart(4, '0')}`;
  const first17 = `93530621${org8}${organisationCodeCheck(org8)}`;
  return first17 + creditCodeCheck(first17);
}

let serial = 0;
const waybill = () => `EV${Date.now().toString().slice(-6)}${String(++serial).padStart(4, '0')}`;
const eventId = (what: string) => `ev-${what}-${Date.now().toString(36)}-${++serial}`;

interface Published {
  version: number;
  aggregate: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** 10:00 in Shanghai tomorrow: after every time the demo's parcels were given (they are real times), a working hour at the point. */
function tomorrowMorning(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 1);
  day.setUTCHours(2, 0, 0, 0);
  return day.toISOString();
}

describe.each(engines())('events published for statistics on %s', (engine) => {
  let t: TestApp;
  const clock = manualClock(tomorrowMorning());
  const as = {} as Record<'county' | 'merchant' | 'consumer' | 'village' | 'courier' | 'regulator', { cookie: string }>;

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, clock });
    for (const who of Object.keys({ county: 1, merchant: 1, consumer: 1, village: 1, courier: 1, regulator: 1 }) as (keyof typeof as)[]) as[who] = await signIn(t.app, `demo.${who}`);
  }, 180_000);
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: keyof typeof as, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload });
  const ok = async (method: 'GET' | 'POST' | 'PUT', url: string, who: keyof typeof as, payload?: object) => {
    const res = await call(method, url, who, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const ago = (hours: number) => new Date(clock.now().getTime() - hours * HOUR).toISOString();

  /** The events of a type in the outbox, in the order written; of one aggregate when given. */
  async function published(type: string, aggregateId?: string): Promise<Published[]> {
    let query = (t.database.db as unknown as Kysely<EventTables>).selectFrom('kernel_events').select(['id', 'version', 'aggregate', 'aggregate_id', 'payload']).where('type', '=', type);
    if (aggregateId) query = query.where('aggregate_id', '=', aggregateId);
    const rows = await query.orderBy('id').execute();
    return rows.map((r) => ({ version: r.version, aggregate: r.aggregate, aggregateId: r.aggregate_id, payload: JSON.parse(r.payload) }));
  }
  /** Rows of a table that fit a condition (the facts the events must match, as stored). */
  const count = async (table: string, condition = '1 = 1') => Number((await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where ${sql.raw(condition)}`.execute(t.database.db)).rows[0].n);

  describe('the demo data', () => {
    it('announces every seller it approved, and every parcel it registered, brought to a point and handed over', async () => {
      const approvals = await published('parties.seller-approved');
      const reviewed = DEMO_SELLERS.filter((s) => s.status !== 'pending');
      expect(approvals).toHaveLength(reviewed.length);
      const sellers = (await ok('GET', '/parties/sellers?limit=200', 'county')).items as { id: string; name: string; status: string; kind: string; divisionCode: string; tags: string[]; reviewedAt: string }[];
      const byName = new Map(sellers.map((s) => [s.name, s]));
      // Approved once each, whatever happened next (a demo seller is suspended after its approval).
      expect(approvals.map((e) => e.aggregateId).sort()).toEqual(reviewed.map((s) => byName.get(s.name)!.id).sort());
      const farmer = byName.get('马春梅（乐红村青花椒）')!;
      expect(approvals.find((e) => e.aggregateId === farmer.id)!.payload).toEqual({ sellerId: farmer.id, kind: 'farmer', townshipCode: TOWNSHIP, villageCode: VILLAGE, approvedAt: expect.any(String), isPoorHousehold: true });
      const firm = byName.get('云南鲁甸绿源农业开发有限公司')!;
      expect(approvals.find((e) => e.aggregateId === firm.id)!.payload).toMatchObject({ kind: 'enterprise', townshipCode: '530621101', villageCode: null, isPoorHousehold: false });

      const parcels = await count('logistics_parcels');
      expect(parcels).toBeGreaterThan(20);
      expect(await published('logistics.parcel-registered')).toHaveLength(parcels);
      const arrived = await count('logistics_parcels', 'arrived_at is not null');
      expect(arrived).toBeGreaterThan(0);
      expect(await published('logistics.parcel-arrived')).toHaveLength(arrived);
      const pickedUp = await count('logistics_parcels', 'picked_up_at is not null');
      expect(pickedUp).toBeGreaterThan(0);
      expect(await published('logistics.parcel-picked-up')).toHaveLength(pickedUp);
      // Up parcels are registered (opened at a point) too.
      expect((await published('logistics.parcel-registered')).filter((e) => e.payload.direction === 'up').length).toBeGreaterThan(0);
    });
  });

  describe('sellers', () => {
    it('announces an approval once, with the place of its division code and whether it is a poor household; a second approve, a suspension and a reinstatement add nothing', async () => {
      const farmer = await ok('POST', '/parties/sellers', 'county', { kind: 'farmer', name: '统计测试农户', idNumber: '360426199101010071', contactName: '马文学', contactPhone: '13987005555', divisionCode: VILLAGE, address: '乐红村五组', tags: ['poor_household'] });
      expect(await published('parties.seller-approved', farmer.id)).toEqual([]);
      const approved = await ok('POST', `/parties/sellers/${farmer.id}/review`, 'county', { decision: 'approve' });
      const expected = { version: 1, aggregate: 'seller', aggregateId: farmer.id, payload: { sellerId: farmer.id, kind: 'farmer', townshipCode: TOWNSHIP, villageCode: VILLAGE, approvedAt: approved.reviewedAt, isPoorHousehold: true } };
      expect(await published('parties.seller-approved', farmer.id)).toEqual([expected]);

      expect((await call('POST', `/parties/sellers/${farmer.id}/review`, 'county', { decision: 'approve' })).statusCode).toBe(409);
      await ok('POST', `/parties/sellers/${farmer.id}/suspend`, 'county', { reason: '统计测试：暂停' });
      await ok('POST', `/parties/sellers/${farmer.id}/reinstate`, 'county');
      expect(await published('parties.seller-approved', farmer.id)).toEqual([expected]);

      // A township's code has no village; a rejected application announces nothing.
      const coop = await ok('POST', '/parties/sellers', 'merchant', { kind: 'cooperative', name: '鲁甸县统计核对专业合作社', creditCode: coopCreditCode(1), contactName: '马建国', contactPhone: '13987001234', divisionCode: TOWNSHIP, address: '乐红镇集镇' });
      const coopApproved = await ok('POST', `/parties/sellers/${coop.id}/review`, 'county', { decision: 'approve' });
      expect((await published('parties.seller-approved', coop.id)).map((e) => e.payload)).toEqual([{ sellerId: coop.id, kind: 'cooperative', townshipCode: TOWNSHIP, villageCode: null, approvedAt: coopApproved.reviewedAt, isPoorHousehold: false }]);
    });
  });

  describe('orders and the households they help', () => {
    let sellerId = '';
    let productId = '';
    let skuId = '';
    let householdId = '';
    let consumerId = '';

    beforeAll(async () => {
      const coop = await ok('POST', '/parties/sellers', 'merchant', { kind: 'cooperative', name: '鲁甸县统计订单专业合作社', creditCode: coopCreditCode(2), contactName: '陈志强', contactPhone: '13987001235', divisionCode: VILLAGE, address: '乐红村' });
      sellerId = coop.id;
      await ok('POST', `/parties/sellers/${sellerId}/review`, 'county', { decision: 'approve' });
      const category = (await ok('GET', '/catalog/categories', 'county')).items[0].id;
      const product = await ok('POST', '/catalog/products', 'merchant', { sellerId, categoryId: category, name: '统计核对青花椒', originCode: VILLAGE, skus: [{ spec: '500克', unit: '袋', netWeightG: 500, priceFen: 12_345, stock: 100, location: 'seller' }], status: 'listed' });
      productId = product.id;
      skuId = product.skus[0].id;
      householdId = (await ok('POST', '/parties/households', 'county', { householdNo: 'EVENTS-0001', villageCode: VILLAGE, headName: '朱秀英', headIdNumber: '34052419800101001X', members: 4 })).id;
      await ok('POST', `/parties/households/${householdId}/links`, 'county', { sellerId, productId, role: 'grower', shareBp: 1000 });
      consumerId = (await ok('GET', '/auth/me', 'consumer')).id;
    });

    it('announces a payment with its buyer, method, point and total, and the household credited in the same transaction; a refund with its time and amount, and the credit taken back', async () => {
      const placed = await ok('POST', '/orders/checkout', 'consumer', { items: [{ skuId, quantity: 2 }], paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo });
      const [order] = placed.orders;
      expect(await published('orders.paid', order.id)).toEqual([]);
      const paid = await ok('POST', `/orders/${order.id}/cash-received`, 'village');
      expect(paid.status).toBe('paid');
      expect(paid.totalFen).toBeGreaterThan(24_690); // the lines and the delivery fee

      expect(await published('orders.paid', order.id)).toEqual([
        {
          version: 1,
          aggregate: 'order',
          aggregateId: order.id,
          payload: { orderId: order.id, sellerId, paidAt: paid.paidAt, lines: [{ productId, quantity: 2, lineFen: 24_690 }], buyerId: consumerId, paymentMethod: 'village_cash', pointSiteId: POINT, totalFen: paid.totalFen },
        },
      ]);
      // 10 % of the line, to the fen; published from the ledger's inline handler, inside the order's transaction.
      const credited = { version: 1, aggregate: 'household', aggregateId: householdId, payload: { householdId, orderId: order.id, townshipCode: TOWNSHIP, villageCode: VILLAGE, amountFen: 2469, creditedAt: paid.paidAt } };
      expect((await published('parties.household-credited', householdId)).filter((e) => e.payload.orderId === order.id)).toEqual([credited]);
      const ledger = await ok('GET', `/parties/households/${householdId}/ledger`, 'county');
      expect(ledger.totalIncomeFen).toBe(2469);

      clock.advance(HOUR);
      const refunded = await ok('POST', `/orders/${order.id}/cancel`, 'consumer', { reason: '不想要了' });
      expect(refunded.status).toBe('refunded');
      expect(await published('orders.refunded', order.id)).toEqual([{ version: 1, aggregate: 'order', aggregateId: order.id, payload: { orderId: order.id, refundedAt: refunded.cancelledAt, amountFen: paid.totalFen } }]);
      expect((await published('parties.household-credit-reversed', householdId)).map((e) => e.payload)).toEqual([{ householdId, orderId: order.id, amountFen: 2469, reversedAt: refunded.cancelledAt }]);
      // Paid and credited once, whatever came after.
      expect(await published('orders.paid', order.id)).toHaveLength(1);
      expect((await published('parties.household-credited', householdId)).filter((e) => e.payload.orderId === order.id)).toEqual([credited]);
    });

    it('writes a credit’s event in the order’s transaction: an order that fails leaves neither', async () => {
      const before = await published('parties.household-credited', householdId);
      const failing = t.database.db.transaction().execute(async (trx) => {
        await t.modules.parties.ledger.credit(trx, { orderId: 'ord_failed', sellerId, paidAt: clock.now().toISOString(), lines: [{ productId, lineFen: 10_000 }] });
        throw new Error('the order failed after its credit');
      });
      await expect(failing).rejects.toThrow('the order failed after its credit');
      expect(await published('parties.household-credited', householdId)).toEqual(before);
    });

    it('announces an accepted return as a refund of what was paid on delivery; a walk-in villager has no buyer account', async () => {
      const [order] = (await ok('POST', '/orders/checkout', 'consumer', { items: [{ skuId, quantity: 1 }], paymentMethod: 'cod', delivery: 'parcel', shipTo })).orders;
      await ok('POST', `/orders/${order.id}/ship`, 'merchant', { carrier: 'ems', waybillNo: 'EM123456789CN' });
      const delivered = await ok('POST', `/orders/${order.id}/deliver`, 'merchant');
      expect((await published('orders.paid', order.id)).map((e) => e.payload)).toEqual([
        { orderId: order.id, sellerId, paidAt: delivered.paidAt, lines: [{ productId, quantity: 1, lineFen: 12_345 }], buyerId: consumerId, paymentMethod: 'cod', pointSiteId: null, totalFen: delivered.totalFen },
      ]);
      await ok('POST', `/orders/${order.id}/return`, 'consumer', { reason: '花椒受潮' });
      clock.advance(HOUR);
      await ok('POST', `/orders/${order.id}/return/accept`, 'merchant');
      expect((await published('orders.refunded', order.id)).map((e) => e.payload)).toEqual([{ orderId: order.id, refundedAt: clock.now().toISOString(), amountFen: delivered.totalFen }]);

      const [walkIn] = (await ok('POST', '/orders/walk-in', 'village', { items: [{ skuId, quantity: 1 }], name: '王秀英', phone: '13912345678' })).orders;
      const cash = await ok('POST', `/orders/${walkIn.id}/cash-received`, 'village');
      expect((await published('orders.paid', walkIn.id)).map((e) => e.payload)).toEqual([
        { orderId: walkIn.id, sellerId, paidAt: cash.paidAt, lines: [{ productId, quantity: 1, lineFen: 12_345 }], buyerId: null, paymentMethod: 'village_cash', pointSiteId: POINT, totalFen: cash.totalFen },
      ]);
    });
  });

  describe('parcels', () => {
    const parcel = async (id: string) => ok('GET', `/logistics/parcels/${id}`, 'county');
    const manifest = async (w: string, carrier = 'yunda') => {
      await ok('POST', '/logistics/manifests', 'courier', { carrier, parcels: [{ waybillNo: w, recipientName: '马春花', recipientPhone: `1391${String(++serial).padStart(7, '0')}`, address: ADDRESS }] });
      return (await ok('GET', `/logistics/parcels?waybillNo=${w}`, 'county')).items[0] as { id: string; createdAt: string; pointSiteId: string };
    };
    const batch = (who: 'courier' | 'village', scans: object[]) => ok('POST', '/logistics/scans/batch', who, { scans });

    it('registers a parcel when its manifest names it, announces its first arrival at the point once (on time) and its hand-over once', async () => {
      const w = waybill();
      const made = await manifest(w);
      expect(made.pointSiteId).toBeTruthy();
      expect(await published('logistics.parcel-registered', made.id)).toEqual([
        { version: 1, aggregate: 'parcel', aggregateId: made.id, payload: { parcelId: made.id, direction: 'down', townshipCode: TOWNSHIP, villageCode: VILLAGE, pointSiteId: made.pointSiteId, carrier: 'yunda', registeredAt: made.createdAt } },
      ]);

      await batch('courier', [{ eventId: eventId('rcv'), waybillNo: w, type: 'received_county', at: ago(30) }]);
      expect(await published('logistics.parcel-arrived', made.id)).toEqual([]);
      const arrival = [{ eventId: eventId('arr'), waybillNo: w, type: 'arrived_village', at: ago(12) }];
      await batch('village', arrival);
      const arrived = { version: 1, aggregate: 'parcel', aggregateId: made.id, payload: { parcelId: made.id, direction: 'down', townshipCode: TOWNSHIP, villageCode: VILLAGE, pointSiteId: made.pointSiteId, arrivedAt: ago(12), transitMinutes: 18 * 60, onTime: true } };
      expect(await published('logistics.parcel-arrived', made.id)).toEqual([arrived]);
      expect(await parcel(made.id)).toMatchObject({ arrivedAt: ago(12), transitMinutes: 1080, onTime: true });

      // The phone resends its queue (the answer was lost), and the point scans the parcel in again: no new arrival.
      expect((await batch('village', arrival)).duplicates).toBe(1);
      expect((await call('POST', '/logistics/scans', 'village', { eventId: eventId('arr2'), waybillNo: w, type: 'arrived_village' })).statusCode).toBe(201);
      expect(await published('logistics.parcel-arrived', made.id)).toEqual([arrived]);

      await ok('POST', `/logistics/parcels/${made.id}/notify`, 'village', { eventId: eventId('ntf') });
      // The recipient's code, as the SMS brought it.
      const code = (await sql<{ pickup_code: string }>`select pickup_code from logistics_parcels where id = ${made.id}`.execute(t.database.db)).rows[0].pickup_code;
      const handed = await ok('POST', `/logistics/parcels/${made.id}/pickup`, 'village', { code, eventId: eventId('pick') });
      expect(handed.status).toBe('picked_up');
      const picked = { version: 1, aggregate: 'parcel', aggregateId: made.id, payload: { parcelId: made.id, townshipCode: TOWNSHIP, villageCode: VILLAGE, pickedUpAt: handed.pickedUpAt } };
      expect(await published('logistics.parcel-picked-up', made.id)).toEqual([picked]);
      // A second hand-over is refused online, and kept flagged from an offline phone: never a second pick-up.
      expect((await call('POST', `/logistics/parcels/${made.id}/pickup`, 'village', { code, eventId: eventId('pick2') })).statusCode).toBe(409);
      await batch('village', [{ eventId: eventId('pick3'), parcelId: made.id, type: 'picked_up', pickupCode: code, at: ago(0.5) }]);
      expect(await published('logistics.parcel-picked-up', made.id)).toEqual([picked]);
      expect(await published('logistics.parcel-registered', made.id)).toHaveLength(1);
    });

    it('announces a late arrival as late, once, even when an offline phone syncs an earlier arrival scan that replays the parcel', async () => {
      const w = waybill();
      const made = await manifest(w);
      await batch('courier', [{ eventId: eventId('rcv'), waybillNo: w, type: 'received_county', at: ago(60) }]);
      await batch('village', [{ eventId: eventId('arr'), waybillNo: w, type: 'arrived_village', at: ago(5) }]);
      const late = { parcelId: made.id, direction: 'down', townshipCode: TOWNSHIP, villageCode: VILLAGE, pointSiteId: made.pointSiteId, arrivedAt: ago(5), transitMinutes: 55 * 60, onTime: false };
      expect((await published('logistics.parcel-arrived', made.id)).map((e) => e.payload)).toEqual([late]);

      // Another phone was offline: its arrival scan, three hours earlier, comes now and the parcel's scans are replayed.
      const synced = await batch('village', [{ eventId: eventId('arr-early'), waybillNo: w, type: 'arrived_village', at: ago(8) }]);
      expect(synced.stored).toBe(1);
      expect((await parcel(made.id)).arrivedAt).toBe(ago(8));
      expect((await published('logistics.parcel-arrived', made.id)).map((e) => e.payload)).toEqual([late]);
    });

    it('registers a parcel scanned at the warehouse before its manifest, without a place, and not again when the manifest comes', async () => {
      const w = waybill();
      await batch('courier', [{ eventId: eventId('rcv'), waybillNo: w, carrier: 'zhongtong', type: 'received_county', at: ago(2) }]);
      const early = (await ok('GET', `/logistics/parcels?waybillNo=${w}`, 'county')).items[0];
      expect(early.matchState).toBe('no_manifest');
      expect((await published('logistics.parcel-registered', early.id)).map((e) => e.payload)).toEqual([{ parcelId: early.id, direction: 'down', townshipCode: null, villageCode: null, pointSiteId: null, carrier: 'zhongtong', registeredAt: early.createdAt }]);
      const filled = await manifest(w, 'zhongtong');
      expect(filled.id).toBe(early.id);
      expect(await published('logistics.parcel-registered', early.id)).toHaveLength(1);
    });

    it('registers produce going up when the village point opens it', async () => {
      const opened = await ok('POST', '/logistics/shipments', 'village', { originSiteId: POINT, description: '青花椒 20 斤', weightG: 10_000, recipient: { name: '陈立', phone: '13600136000', address: '昆明市盘龙区北京路 88 号' } });
      expect(await published('logistics.parcel-registered', opened.id)).toEqual([
        { version: 1, aggregate: 'parcel', aggregateId: opened.id, payload: { parcelId: opened.id, direction: 'up', townshipCode: TOWNSHIP, villageCode: VILLAGE, pointSiteId: POINT, carrier: null, registeredAt: opened.createdAt } },
      ]);
    });
  });

  describe('training', () => {
    type Row = Record<string, unknown>;
    const rows = async (table: string) => (await sql<Row>`select * from ${sql.table(table)}`.execute(t.database.db)).rows;

    it('announces a trainer’s tick once, with the session’s track and the trainee’s place; a second tick adds nothing; an untick withdraws it', async () => {
      const organisers = (await ok('GET', '/training/organisers?limit=100', 'county')).items as { id: string }[];
      const trainees = (await ok('GET', '/training/trainees?limit=5', 'county')).items as { id: string; townshipCode: string | null; villageCode: string | null }[];
      const trainee = trainees.find((x) => x.townshipCode)!;
      const startsAt = new Date(clock.now().getTime() + HOUR).toISOString();
      const session = await ok('POST', '/training/sessions', 'county', { title: '事件测试培训班', track: 'sellers', level: 'basic', organiserId: organisers[0]!.id, trainerName: '罗海燕', placeText: '乐红镇便民服务中心', townshipCode: TOWNSHIP, capacity: 30, startsAt, endsAt: new Date(clock.now().getTime() + 3 * HOUR).toISOString() });
      clock.advance(HOUR + 60_000);
      const before = await published('training.person-time-counted');
      await ok('POST', `/training/sessions/${session.id}/attendance`, 'county', { traineeId: trainee.id });
      await ok('POST', `/training/sessions/${session.id}/attendance`, 'county', { traineeId: trainee.id });
      const after = (await published('training.person-time-counted')).slice(before.length);
      const [row] = await rows('training_person_times').then((all) => all.filter((r) => r.session_id === session.id));
      expect(after).toEqual([
        {
          version: 1,
          aggregate: 'trainee',
          aggregateId: trainee.id,
          payload: {
            personTimeId: row!.id,
            traineeId: trainee.id,
            sessionId: session.id,
            courseId: null,
            track: 'sellers',
            level: 'basic',
            mode: 'onsite',
            organiserId: organisers[0]!.id,
            townshipCode: trainee.townshipCode,
            villageCode: trainee.villageCode,
            poor: Number(row!.poor) === 1,
            woman: Number(row!.woman) === 1,
            countedAt: clock.now().toISOString(),
          },
        },
      ]);
      const withdrawnBefore = await published('training.person-time-withdrawn');
      const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/training/sessions/${session.id}/attendance/${trainee.id}?reason=${encodeURIComponent('点错了人')}`, headers: as.county });
      expect(res.statusCode, res.body).toBeLessThan(300);
      expect((await published('training.person-time-withdrawn')).slice(withdrawnBefore.length)).toEqual([
        { version: 1, aggregate: 'trainee', aggregateId: trainee.id, payload: { personTimeId: row!.id, traineeId: trainee.id, withdrawnAt: clock.now().toISOString() } },
      ]);

      // Another trainee, present and kept, goes to work for an e-commerce firm: the outcome is announced once.
      const other = trainees.find((x) => x.id !== trainee.id)!;
      await ok('POST', `/training/sessions/${session.id}/attendance`, 'county', { traineeId: other.id });
      const outcomesBefore = await published('training.outcome-recorded');
      const outcome = await ok('POST', `/training/trainees/${other.id}/outcomes`, 'county', { kind: 'employed', firmName: '鲁甸县青花椒电子商务有限公司' });
      const stored = (await rows('training_outcomes')).find((o) => o.id === outcome.id)!;
      expect((await published('training.outcome-recorded')).slice(outcomesBefore.length)).toEqual([
        {
          version: 1,
          aggregate: 'trainee',
          aggregateId: other.id,
          payload: { outcomeId: outcome.id, traineeId: other.id, kind: 'employed', townshipCode: stored.township_code, poor: Number(stored.poor) === 1, firstTrainedAt: clock.now().toISOString(), recordedAt: clock.now().toISOString() },
        },
      ]);
    });

    it('announces a completion revoked with its only tick, and the same completion completed again when the trainee is ticked again', async () => {
      const organisers = (await ok('GET', '/training/organisers?limit=100', 'county')).items as { id: string }[];
      const trainee = ((await ok('GET', '/training/trainees?limit=5', 'county')).items as { id: string; townshipCode: string | null }[]).find((x) => x.townshipCode)!;
      const course = await ok('POST', '/training/courses', 'county', { title: '事件测试课程', track: 'officials', hours: 3 });
      const startsAt = new Date(clock.now().getTime() + HOUR).toISOString();
      const session = await ok('POST', '/training/sessions', 'county', { title: '事件测试课程班', courseId: course.id, organiserId: organisers[0]!.id, trainerName: '罗海燕', placeText: '乐红镇便民服务中心', townshipCode: TOWNSHIP, capacity: 30, startsAt, endsAt: new Date(clock.now().getTime() + 3 * HOUR).toISOString() });
      clock.advance(HOUR + 60_000);
      const ofCourse = async (type: string) => (await published(type, trainee.id)).filter((e) => e.payload.courseId === course.id);
      await ok('POST', `/training/sessions/${session.id}/attendance`, 'county', { traineeId: trainee.id });
      const firstAt = clock.now().toISOString();
      const [completion] = (await rows('training_completions')).filter((c) => c.course_id === course.id);
      const [personTime] = (await rows('training_person_times')).filter((r) => r.session_id === session.id);
      const completedPayload = (completedAt: string) => ({
        version: 1,
        aggregate: 'trainee',
        aggregateId: trainee.id,
        payload: { completionId: completion!.id, traineeId: trainee.id, courseId: course.id, track: 'officials', level: null, mode: 'onsite', townshipCode: trainee.townshipCode, poor: Number(personTime!.poor) === 1, completedAt },
      });
      expect(await ofCourse('training.course-completed')).toEqual([completedPayload(firstAt)]);

      clock.advance(60_000);
      const untick = await t.app.inject({ method: 'DELETE', url: `/api/v1/training/sessions/${session.id}/attendance/${trainee.id}?reason=${encodeURIComponent('点错了人')}`, headers: as.county });
      expect(untick.statusCode, untick.body).toBeLessThan(300);
      const revokedAt = clock.now().toISOString();
      expect(await ofCourse('training.course-completion-revoked')).toEqual([{ version: 1, aggregate: 'trainee', aggregateId: trainee.id, payload: { completionId: completion!.id, traineeId: trainee.id, courseId: course.id, revokedAt } }]);

      clock.advance(60_000);
      await ok('POST', `/training/sessions/${session.id}/attendance`, 'county', { traineeId: trainee.id });
      await ok('POST', `/training/sessions/${session.id}/attendance`, 'county', { traineeId: trainee.id });
      expect(await ofCourse('training.course-completed')).toEqual([completedPayload(firstAt), completedPayload(clock.now().toISOString())]);
      expect(await ofCourse('training.course-completion-revoked')).toHaveLength(1);
    });

    it('has announced every person-time, withdrawal, completion and outcome stored (the demo’s and the tick’s), once each, with the stored facts', async () => {
      const personTimes = await rows('training_person_times');
      const withdrawals = await rows('training_person_time_withdrawals');
      expect(withdrawals.length).toBeGreaterThan(0);
      const counted = await published('training.person-time-counted');
      // A withdrawn person-time's row is gone; its count was announced, and so was its withdrawal.
      expect(counted).toHaveLength(personTimes.length + withdrawals.length);
      const byId = new Map(counted.map((e) => [e.payload.personTimeId as string, e]));
      for (const r of personTimes) {
        expect(byId.get(r.id as string)).toEqual({
          version: 1,
          aggregate: 'trainee',
          aggregateId: r.trainee_id,
          payload: {
            personTimeId: r.id,
            traineeId: r.trainee_id,
            sessionId: r.session_id,
            courseId: r.course_id,
            track: r.track,
            level: r.level,
            mode: r.mode,
            organiserId: r.organiser_id,
            townshipCode: r.township_code,
            villageCode: r.village_code,
            poor: Number(r.poor) === 1,
            woman: Number(r.woman) === 1,
            countedAt: r.counted_at,
          },
        });
      }
      expect((await published('training.person-time-withdrawn')).map((e) => e.payload.personTimeId).sort()).toEqual(withdrawals.map((w) => w.person_time_id).sort());
      // A completion counts as often as it was completed less as often as it was revoked: once while it stands, none when revoked.
      const completions = await rows('training_completions');
      const net = new Map<string, number>();
      for (const e of await published('training.course-completed')) net.set(e.payload.completionId as string, (net.get(e.payload.completionId as string) ?? 0) + 1);
      for (const e of await published('training.course-completion-revoked')) net.set(e.payload.completionId as string, (net.get(e.payload.completionId as string) ?? 0) - 1);
      expect([...net.keys()].sort()).toEqual(completions.map((c) => c.id).sort());
      for (const c of completions) expect(net.get(c.id as string), c.id as string).toBe(c.revoked_at ? 0 : 1);
      expect(completions.some((c) => c.revoked_at === null)).toBe(true);
      const outcomes = await rows('training_outcomes');
      expect((await published('training.outcome-recorded')).map((e) => e.payload.outcomeId).sort()).toEqual(outcomes.map((o) => o.id).sort());
    });
  });

  describe('complaints', () => {
    it('announces a complaint from a scan page with the product, its seller and the township the batch comes from', async () => {
      const batches = (await ok('GET', '/trace/batches?limit=500', 'regulator')).items as { id: string; code: string; productId: string | null; producerId: string; divisionCode: string }[];
      const producers = (await ok('GET', '/trace/producers?limit=500', 'county')).items as { id: string; sellerId: string | null }[];
      const batch = batches.find((b) => b.productId && producers.find((p) => p.id === b.producerId)?.sellerId)!;
      expect(batch).toBeTruthy();
      const before = await published('trace.complaint-filed');
      const res = await t.app.inject({ method: 'POST', url: `/t/${batch.code}/complaint`, remoteAddress: '203.0.113.9', headers: FORM, payload: new URLSearchParams({ text: '花椒里有很多杂质' }).toString() });
      expect(res.statusCode, res.body).toBe(201);
      const [complaint] = (await ok('GET', '/trace/complaints?limit=1', 'county')).items;
      const after = await published('trace.complaint-filed');
      expect(after.slice(before.length)).toEqual([
        { version: 1, aggregate: 'complaint', aggregateId: complaint.id, payload: { complaintId: complaint.id, filedAt: complaint.createdAt, productId: batch.productId, sellerId: producers.find((p) => p.id === batch.producerId)!.sellerId, townshipCode: batch.divisionCode.slice(0, 9) } },
      ]);
    });
  });
});
