import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationSets } from '../../src/app.js';
import { migrateUp } from '../../src/kernel/migrator.js';
import { buildTestApp, engines, manualClock, openTestDatabase, signIn, type TestApp, type TestDatabase } from '../helpers.js';

/**
 * The poverty-alleviation ledger as an auditor checks it, to the fen (issue 10, items 7–9). Everything here lives
 * in township 530621199 and villages of its own and is dated March 2030, well after the demo's sales.
 */
const TOWNSHIP = '530621199';
const VILLAGE_A = `${TOWNSHIP}001`;
const VILLAGE_B = `${TOWNSHIP}002`;
const VILLAGE_C = '530621198001';
const POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, run by demo.village
const shipTo = { name: '李明', phone: '13800138000', address: '昆明市五华区人民中路 1 号', divisionCode: '530102' };
const coop = { kind: 'cooperative', name: '鲁甸县台账核对专业合作社', creditCode: '93530621MA6K001610', contactName: '马建国', contactPhone: '13987001234', divisionCode: TOWNSHIP, address: '测试镇' };

interface Entry {
  kind: 'credit' | 'reversal';
  orderId: string;
  lineNo: number;
  saleFen: number;
  creditFen: number;
  entryDate: string;
  saleDate: string;
  reversed: boolean;
  productName: string | null;
}
interface Group {
  key: string;
  salesFen: number;
  incomeFen: number;
  reversedFen: number;
  orders: number;
}

describe.each(engines())('the poverty-alleviation ledger on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  const clock = manualClock('2030-02-01T02:00:00.000Z');
  /** Moves the clock to 10:00 in Shanghai on a day, and signs everyone in again (sessions last 12 hours). */
  const day = async (date: string) => {
    clock.advance(new Date(`${date}T02:00:00.000Z`).getTime() - clock.now().getTime());
    for (const who of ['county', 'merchant', 'regulator', 'village', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
  };
  let sellerId = '';
  let mainProduct = '';
  let otherProduct = '';
  const sku: Record<string, string> = {};
  const household: Record<string, string> = {};

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload });
  const get = async (url: string, who = 'county') => {
    const res = await call('GET', url, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const township = async (from: string, to: string) => ((await get(`/parties/ledger?by=township&from=${from}&to=${to}`)).items as Group[]).find((g) => g.key === TOWNSHIP);

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false, clock });
    await day('2030-03-02');
    sellerId = (await call('POST', '/parties/sellers', 'merchant', coop)).json().id;
    await call('POST', `/parties/sellers/${sellerId}/review`, 'county', { decision: 'approve' });
    const category = (await get('/catalog/categories')).items[0].id;
    const product = async (name: string, prices: number[]) => {
      const skus = prices.map((priceFen, i) => ({ spec: `规格${i + 1}`, unit: '袋', netWeightG: 500, priceFen, stock: 100, location: 'seller' }));
      const res = await call('POST', '/catalog/products', 'merchant', { sellerId, categoryId: category, name, originCode: VILLAGE_A, skus, status: 'listed' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const main = await product('台账核对青花椒', [3000, 12_196, 1999]);
    mainProduct = main.id;
    const skuPriced = (fen: number) => main.skus.find((k: { priceFen: number }) => k.priceFen === fen).id;
    [sku.whole, sku.big, sku.small] = [skuPriced(3000), skuPriced(12_196), skuPriced(1999)];
    otherProduct = (await product('台账核对核桃', [1000])).id;
    await call('PUT', '/orders/delivery-fees', 'county', { fees: [{ townshipCode: 'parcel', feeFen: 1200 }] });
    const register = async (no: string, villageCode: string, headName: string, headIdNumber: string) =>
      (await call('POST', '/parties/households', 'county', { householdNo: no, villageCode, headName, headIdNumber, members: 3 })).json().id as string;
    household.a = await register('LEDGER-A', VILLAGE_A, '马文学', '360426199101010071');
    household.b = await register('LEDGER-B', VILLAGE_B, '朱秀英', '34052419800101001X');
    household.c = await register('LEDGER-C', VILLAGE_C, '王德明', '11010519491231002X');
  });
  afterAll(() => t.close());

  /** A checkout paid in cash at the village point on the clock's day; the order's id. */
  const buy = async (items: { skuId: string; quantity: number }[]) => {
    const res = await call('POST', '/orders/checkout', 'consumer', { items, paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo });
    expect(res.statusCode, res.body).toBe(201);
    const [order] = res.json().orders;
    expect((await call('POST', `/orders/${order.id}/cash-received`, 'village')).json().status).toBe('paid');
    return order.id as string;
  };

  describe('the link cap (item 7)', () => {
    it('checks every day a link covers: a later link and one from today may not add up to more than the whole', async () => {
      const later = await call('POST', `/parties/households/${household.a}/links`, 'county', { sellerId, productId: mainProduct, role: 'grower', shareBp: 6000, validFrom: '2030-03-10' });
      expect(later.statusCode, later.body).toBe(201);
      const fromToday = await call('POST', `/parties/households/${household.b}/links`, 'county', { sellerId, productId: mainProduct, role: 'worker', shareBp: 6000 });
      expect(fromToday.statusCode).toBe(409);
      expect(fromToday.json().error).toMatchObject({ code: 'SHARES_EXCEED_WHOLE', details: { field: 'body.shareBp', left: 4000, day: '2030-03-10' } });
      // A seller-wide link meets the product's links too.
      const sellerWide = await call('POST', `/parties/households/${household.b}/links`, 'county', { sellerId, role: 'worker', shareBp: 4500, validFrom: '2030-03-20' });
      expect(sellerWide.json().error).toMatchObject({ code: 'SHARES_EXCEED_WHOLE', details: { left: 4000 } });
      expect((await call('POST', `/parties/households/${household.b}/links`, 'county', { sellerId, productId: mainProduct, role: 'worker', shareBp: 4000 })).statusCode).toBe(201);
    });

    it("refuses a link to another seller's product, or to a product that does not exist, naming the field", async () => {
      const demoSeller = (await get('/parties/sellers', 'merchant')).items.find((s: { id: string }) => s.id !== sellerId).id;
      const theirs = (await get(`/catalog/manage/products?sellerId=${demoSeller}`, 'merchant')).items[0].id;
      const foreign = await call('POST', `/parties/households/${household.c}/links`, 'county', { sellerId, productId: theirs, role: 'grower', shareBp: 100 });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().error).toMatchObject({ code: 'PRODUCT_OF_ANOTHER_SELLER', details: { field: 'body.productId' } });
      const missing = await call('POST', `/parties/households/${household.c}/links`, 'county', { sellerId, productId: 'prd_doesnotexist', role: 'grower', shareBp: 100 });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.details.field).toBe('body.productId');
    });

    it('credits a 3,000-fen sale 3,000 fen in all, never more', async () => {
      await day('2030-03-11');
      const orderId = await buy([{ skuId: sku.whole, quantity: 1 }]);
      const credits = await Promise.all([household.a, household.b].map(async (h) => ((await get(`/parties/households/${h}/ledger`)).items as Entry[]).filter((e) => e.orderId === orderId)));
      expect(credits.map((c) => c.map((e) => e.creditFen))).toEqual([[1800], [1200]]);
      // Named, not only numbered: the entries and the household's links carry the catalogue's product name.
      expect(credits.flat().map((e) => e.productName)).toEqual(['台账核对青花椒', '台账核对青花椒']);
      expect((await get(`/parties/households/${household.a}`)).links.map((l: { productName: string }) => l.productName)).toEqual(['台账核对青花椒']);
      expect(await township('2030-03-11', '2030-03-11')).toEqual({ key: TOWNSHIP, salesFen: 3000, incomeFen: 3000, reversedFen: 0, orders: 1 });
    });
  });

  describe('totals (item 8) and a refund on a later day (item 9)', () => {
    let twoLines = '';

    it('counts each order line once per group: two lines of one product, households in two villages of one township', async () => {
      await day('2030-03-12');
      twoLines = await buy([
        { skuId: sku.big, quantity: 1 },
        { skuId: sku.small, quantity: 1 },
      ]);
      expect(await township('2030-03-12', '2030-03-12')).toEqual({ key: TOWNSHIP, salesFen: 14_195, incomeFen: 14_193, reversedFen: 0, orders: 1 });
      const villages = (await get('/parties/ledger?by=village&from=2030-03-12&to=2030-03-12')).items as Group[];
      expect(villages.filter((v) => v.key.startsWith(TOWNSHIP))).toEqual([
        { key: VILLAGE_A, salesFen: 14_195, incomeFen: 7317 + 1199, reversedFen: 0, orders: 1 },
        { key: VILLAGE_B, salesFen: 14_195, incomeFen: 4878 + 799, reversedFen: 0, orders: 1 },
      ]);
      // The county counts the order's lines once, and what rounding down left: 0.6 + 0.4 fen, 0.4 + 0.6 fen.
      expect((await get('/parties/ledger?by=township&from=2030-03-12&to=2030-03-12')).totals).toEqual({ salesFen: 14_195, incomeFen: 14_193, reversedFen: 0, remainderE4: 20_000, orders: 1, groups: 1 });
    });

    it('keeps an earlier day as reported when the order is refunded on a later day', async () => {
      const before = await get('/parties/ledger?by=village&from=2030-03-01&to=2030-03-12');
      await day('2030-03-15');
      expect((await call('POST', `/orders/${twoLines}/cancel`, 'consumer', { reason: '买多了' })).json().status).toBe('refunded');
      expect(await get('/parties/ledger?by=village&from=2030-03-01&to=2030-03-12')).toEqual(before);
      expect(await township('2030-03-15', '2030-03-15')).toEqual({ key: TOWNSHIP, salesFen: -14_195, incomeFen: -14_193, reversedFen: -14_193, orders: 0 });
      expect(await township('2030-03-01', '2030-03-31')).toEqual({ key: TOWNSHIP, salesFen: 3000, incomeFen: 3000, reversedFen: -14_193, orders: 2 });

      const own = await get(`/parties/households/${household.a}/ledger`);
      const mine = (own.items as Entry[]).filter((e) => e.orderId === twoLines);
      const ofOrder = mine.map(({ kind, saleFen, creditFen, entryDate, saleDate, reversed }) => ({ kind, saleFen, creditFen, entryDate, saleDate, reversed }));
      expect(ofOrder).toEqual(
        expect.arrayContaining([
          { kind: 'credit', saleFen: 12_196, creditFen: 7317, entryDate: '2030-03-12', saleDate: '2030-03-12', reversed: true },
          { kind: 'credit', saleFen: 1999, creditFen: 1199, entryDate: '2030-03-12', saleDate: '2030-03-12', reversed: true },
          { kind: 'reversal', saleFen: -12_196, creditFen: -7317, entryDate: '2030-03-15', saleDate: '2030-03-12', reversed: false },
          { kind: 'reversal', saleFen: -1999, creditFen: -1199, entryDate: '2030-03-15', saleDate: '2030-03-12', reversed: false },
        ]),
      );
      // Each reversal names the line of the credit it takes back.
      for (const r of mine.filter((e) => e.kind === 'reversal')) expect(mine.find((c) => c.kind === 'credit' && c.saleFen === -r.saleFen)!.lineNo).toBe(r.lineNo);
      expect(ofOrder).toHaveLength(4);
      expect(own).toMatchObject({ totalIncomeFen: 1800, totalSalesFen: 3000, totalReversedFen: -8516 });
      // Reversing again (a retried refund) takes nothing back twice.
      await t.database.db.transaction().execute((trx) => t.modules.parties.ledger.reverse(trx, twoLines));
      expect((await get(`/parties/households/${household.a}/ledger`)).totalIncomeFen).toBe(1800);
    });

    it("adds up a household's own ledger over all its rows, the same as the ledger's row for it", async () => {
      await t.app.inject({ method: 'POST', url: `/api/v1/parties/households/${household.c}/links`, headers: as.county, payload: { sellerId, productId: otherProduct, role: 'grower', shareBp: 1000, validFrom: '2030-03-01' } });
      // 5 sales of 1,210 fen, then 450 of 120 and 50 of 130 (10 %): 605 + 5,400 + 650 = 6,655 fen; the newest 500 rows are 6,050.
      const sale = (n: number, lineFen: number, paidAt: string) => ({ orderId: `ord_ledger_${paidAt.slice(0, 10)}_${n}`, sellerId, paidAt, lines: [{ productId: otherProduct, lineFen }] });
      await t.database.db.transaction().execute(async (trx) => {
        for (let n = 0; n < 5; n++) await t.modules.parties.ledger.credit(trx, sale(n, 1210, '2030-03-20T02:00:00.000Z'));
        for (let n = 0; n < 500; n++) await t.modules.parties.ledger.credit(trx, sale(n, n < 450 ? 120 : 130, '2030-03-21T02:00:00.000Z'));
      });
      const own = await get(`/parties/households/${household.c}/ledger?limit=200`);
      expect(own).toMatchObject({ totalIncomeFen: 6655, totalSalesFen: 66_550, orders: 505 });
      let entries: Entry[] = own.items;
      for (let cursor = own.nextCursor; cursor; ) {
        const next = await get(`/parties/households/${household.c}/ledger?limit=200&cursor=${cursor}`);
        entries = [...entries, ...next.items];
        cursor = next.nextCursor;
      }
      expect(entries).toHaveLength(505);
      expect(entries.reduce((n, e) => n + e.creditFen, 0)).toBe(6655);
      const row = ((await get('/parties/ledger?by=household&limit=500')).items as Group[]).find((g) => g.key === household.c);
      expect(row).toEqual({ key: household.c, salesFen: 66_550, incomeFen: 6655, reversedFen: 0, orders: 505 });
      // The same over a period, for the panel beside the chart.
      expect((await get(`/parties/households/${household.c}/ledger?from=2030-03-21&to=2030-03-21`)).totalIncomeFen).toBe(6050);
    });

    it('pages the summary with a cursor and gives the same rows as one page', async () => {
      const whole = (await get('/parties/ledger?by=household&limit=500')).items as Group[];
      const paged: Group[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Group[]; nextCursor: string | null } = await get(`/parties/ledger?by=household&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(3);
        paged.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(whole);
      expect((await call('GET', '/parties/ledger?by=household&cursor=bm9wZQ', 'county')).json().error.details.field).toBe('querystring.cursor');
      expect((await call('GET', '/parties/ledger?by=household&from=2030-03-12&to=2030-03-01', 'county')).json().error.details.field).toBe('querystring.to');
      expect((await call('GET', '/parties/ledger?by=household', 'merchant')).statusCode).toBe(403);
    });
  });

  describe('the auditors’ Excel export (item 9)', () => {
    it('exports the period with Chinese columns and the API’s totals, each line reconciling with its remainder', async () => {
      expect((await call('GET', '/parties/ledger/export.xlsx?from=2030-03-01&to=2030-03-12', 'merchant')).statusCode).toBe(403);
      const res = await call('GET', '/parties/ledger/export.xlsx?by=township&from=2030-03-01&to=2030-03-12', 'regulator');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const api = await get('/parties/ledger?by=township&from=2030-03-01&to=2030-03-12');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '台账明细', '销售行与余数']);
      const summary = book.getWorksheet('汇总')!;
      const fen = (v: unknown) => Math.round(Number(v) * 100);
      expect(summary.getCell('B2').value).toBe('2030-03-01 至 2030-03-12');
      expect([fen(summary.getCell('B3').value), fen(summary.getCell('B4').value), Number(summary.getCell('B6').value)]).toEqual([api.totals.salesFen, api.totals.incomeFen, 2]);
      expect(api.totals).toMatchObject({ salesFen: 3000 + 14_195, incomeFen: 3000 + 14_193, remainderE4: 20_000 });
      const ours = summary.getRows(10, summary.rowCount - 9)!.find((r) => r.getCell(1).value === TOWNSHIP)!;
      expect([fen(ours.getCell(3).value), fen(ours.getCell(4).value), ours.getCell(6).value]).toEqual([17_195, 17_193, 2]);

      const entries = book.getWorksheet('台账明细')!;
      expect(entries.getRow(1).values).toEqual([undefined, '记账日期', '类型', '销售日期', '订单号', '行号', '户编号', '户主', '村（社区）代码', '商户', '商品', '销售额（元）', '分成比例', '计入收入（元）', '冲回的记录']);
      const total = entries.getRow(entries.rowCount);
      expect([total.getCell(1).value, fen(total.getCell(13).value)]).toEqual(['合计', api.totals.incomeFen]);
      const aRow = entries.getRows(2, entries.rowCount - 2)!.find((r) => r.getCell(6).value === 'LEDGER-A' && fen(r.getCell(11).value) === 12_196)!;
      expect([aRow.getCell(2).value, aRow.getCell(7).value, aRow.getCell(9).value, aRow.getCell(10).value, fen(aRow.getCell(13).value)]).toEqual(['计入', '马文学', coop.name, '台账核对青花椒', 7317]);

      const lines = book.getWorksheet('销售行与余数')!;
      const body = lines.getRows(2, lines.rowCount - 2)!;
      expect(body.every((r) => r.getCell(11).value === '相符')).toBe(true);
      const lineTotal = lines.getRow(lines.rowCount);
      expect([fen(lineTotal.getCell(7).value), fen(lineTotal.getCell(9).value), lineTotal.getCell(10).value]).toEqual([api.totals.salesFen, api.totals.incomeFen, 2]);
    });
  });
  describe('links from before the day-by-day cap', () => {
    it('credits no more than the whole sale when old links overlap: the oldest links first, the newest what is left', async () => {
      // A link the old check let through, still in the register: 60 % more on top of A's 60 % and B's 40 %.
      await t.database.db
        .insertInto('parties_household_links')
        .values({ id: 'hhl_zzzzzzzzzlegacy', household_id: household.c, seller_id: sellerId, product_id: mainProduct, role: 'grower', share_bp: 6000, valid_from: '2030-03-25', valid_to: null, created_at: '' })
        .execute();
      await day('2030-03-25');
      const orderId = await buy([{ skuId: sku.whole, quantity: 1 }]);
      const lines = await t.database.db.selectFrom('parties_ledger').select(['household_id', 'credit_fen', 'share_bp']).where('order_id', '=', orderId).orderBy('credit_fen', 'desc').execute();
      expect(lines).toEqual([
        { household_id: household.a, credit_fen: 1800, share_bp: 6000 },
        { household_id: household.b, credit_fen: 1200, share_bp: 4000 },
      ]);
      expect((await get('/parties/ledger?by=township&from=2030-03-25&to=2030-03-25')).totals).toMatchObject({ salesFen: 3000, incomeFen: 3000, remainderE4: 0 });
    });
  });
});

describe.each(engines())('migrating the old ledger on %s', (engine) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(engine);
  });
  afterAll(() => test.dispose());

  it('turns reversed flags into reversal entries on the sale day, numbers lines and records each line’s remainder', async () => {
    const sets = migrationSets();
    const before = sets.map((s) => ({ ...s, migrations: s.migrations.filter((m) => m.name !== '2026-12-06-ledger-entries') }));
    await migrateUp(test.database, before);
    const db = test.database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db.insertInto('parties_households').values({ id: 'hh_1', household_no: 'OLD-1', village_code: VILLAGE_A, head_name: '马文学', head_id_sealed: 'x', head_id_print: 'p1', head_id_masked: 'm', members: 3, status: 'in_poverty', lifted_year: null, user_id: null, is_demo: 0, created_at: '', updated_at: '' }).execute();
    await db.insertInto('parties_households').values({ id: 'hh_2', household_no: 'OLD-2', village_code: VILLAGE_B, head_name: '朱秀英', head_id_sealed: 'x', head_id_print: 'p2', head_id_masked: 'm', members: 3, status: 'in_poverty', lifted_year: null, user_id: null, is_demo: 0, created_at: '', updated_at: '' }).execute();
    const old = (id: string, householdId: string, order: string, saleFen: number, shareBp: number, reversed: number, date: string) => ({
      id, household_id: householdId, village_code: householdId === 'hh_1' ? VILLAGE_A : VILLAGE_B, seller_id: 'slr_1', order_id: order, product_id: 'prd_1', link_id: `hhl_${householdId}`,
      sale_fen: saleFen, share_bp: shareBp, credit_fen: Math.floor((saleFen * shareBp) / 10_000), sale_date: date, reversed,
    });
    // Order 1: two lines of one product (12,196 and 1,999), each crediting two households; refunded (flagged).
    // Order 2: two identical lines of 1,999 fen, not refunded.
    await db.insertInto('parties_ledger').values([
      old('led_1', 'hh_1', 'ord_1', 12_196, 6000, 1, '2026-11-01'),
      old('led_2', 'hh_2', 'ord_1', 12_196, 4000, 1, '2026-11-01'),
      old('led_3', 'hh_1', 'ord_1', 1999, 6000, 1, '2026-11-01'),
      old('led_4', 'hh_2', 'ord_1', 1999, 4000, 1, '2026-11-01'),
      old('led_5', 'hh_1', 'ord_2', 1999, 6000, 0, '2026-11-02'),
      old('led_6', 'hh_1', 'ord_2', 1999, 6000, 0, '2026-11-02'),
    ]).execute();
    expect(await migrateUp(test.database, sets)).toEqual([expect.stringMatching(/^Up 2026-12-06-parties-.*ledger-entries$/)]);

    const entries = await db.selectFrom('parties_ledger').selectAll().orderBy('id').execute();
    expect(entries.filter((e) => e.kind === 'reversal').map((e) => [e.reverses_id, e.sale_fen, e.credit_fen, e.entry_date])).toEqual(
      expect.arrayContaining([
        ['led_1', -12_196, -7317, '2026-11-01'],
        ['led_2', -12_196, -4878, '2026-11-01'],
        ['led_3', -1999, -1199, '2026-11-01'],
        ['led_4', -1999, -799, '2026-11-01'],
      ]),
    );
    expect(entries).toHaveLength(10);
    expect(entries.every((e) => !('reversed' in e))).toBe(true);
    const lineOf = new Map(entries.map((e) => [e.id, e.line_no]));
    expect(lineOf.get('led_1')).toBe(lineOf.get('led_2'));
    expect(lineOf.get('led_3')).toBe(lineOf.get('led_4'));
    expect(lineOf.get('led_1')).not.toBe(lineOf.get('led_3'));
    expect(lineOf.get('led_5')).not.toBe(lineOf.get('led_6'));

    const lines = await db.selectFrom('parties_ledger_lines').selectAll().execute();
    const shape = lines.map((l) => [l.order_id, l.kind, l.sale_fen, l.share_bp, l.credited_fen, l.remainder_e4, l.entry_date]);
    expect(shape).toEqual(
      expect.arrayContaining([
        ['ord_1', 'credit', 12_196, 10_000, 12_195, 10_000, '2026-11-01'],
        ['ord_1', 'credit', 1999, 10_000, 1998, 10_000, '2026-11-01'],
        ['ord_1', 'reversal', -12_196, 10_000, -12_195, -10_000, '2026-11-01'],
        ['ord_1', 'reversal', -1999, 10_000, -1998, -10_000, '2026-11-01'],
        ['ord_2', 'credit', 1999, 6000, 1199, 4000, '2026-11-02'],
      ]),
    );
    expect(lines).toHaveLength(6);
    for (const l of lines) expect(Number(l.credited_fen) * 10_000 + Number(l.remainder_e4)).toBe(Number(l.sale_fen) * Number(l.share_bp));
  });
});
