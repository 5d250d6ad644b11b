import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheck } from '../../src/modules/parties/index.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const LEHONG = '530621110';
const LEHONG_VILLAGE = '530621110205'; // 乐红村, demo.village's point
const VILLAGE_SITE = 'site_ld3_530621110205';
const STATION = `site_ld2_${LEHONG}`; // 乐红镇's station, demo.township's

let serial = 0;
const idNumber = () => {
  const first = `530621198503${String(10 + (++serial % 18)).padStart(2, '0')}${String(100 + serial).padStart(3, '0')}`;
  return first + residentIdCheck(first);
};
const clientId = () => `fin-test-${++serial}-${Math.random().toString(36).slice(2, 10)}`;

type Who = 'county' | 'township' | 'village' | 'regulator' | 'merchant' | 'consumer';

describe.each(engines())('farm inputs at stations: catalogue, stock and sales, and the buyer’s farm records, on %s', (engine) => {
  let t: TestApp;
  const as = {} as Record<Who, { cookie: string }>;
  // 1 June 2026, 10:00 in Shanghai.
  const clock = manualClock('2026-06-01T02:00:00.000Z');
  const now = () => clock.now().toISOString();
  const minutesAgo = (m: number) => new Date(clock.now().getTime() - m * 60_000).toISOString();
  const signInAll = async () => {
    for (const who of ['county', 'township', 'village', 'regulator', 'merchant', 'consumer'] as const) as[who] = await signIn(t.app, `demo.${who}`);
  };
  /** 10:00 in Shanghai on `day` (signed in again: a session ends after 12 idle hours). */
  const setDay = async (day: string) => {
    clock.advance(Date.parse(`${day}T02:00:00.000Z`) - clock.now().getTime());
    await signInAll();
  };

  const call = (who: Who | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1${url}`, headers: who ? as[who] : {}, payload: payload as object });
  const ok = async (who: Who, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, status = method === 'POST' ? 201 : 200) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  /** One batch at a site; the outcomes. */
  const record = async (records: Record<string, unknown>[], who: Who = 'village', siteId = VILLAGE_SITE) => (await ok(who, 'POST', '/stations/records/batch', { siteId, records: records.map((r) => ({ clientId: clientId(), at: now(), ...r })) }, 200)).outcomes;
  const stockOf = async (inputId: string, siteId = VILLAGE_SITE) => (await ok('village', 'GET', `/stations/stock?siteId=${siteId}&kind=farm_input`)).items.find((i: { key: string }) => i.key === inputId)?.quantity ?? 0;

  const imidacloprid = { name: '吡虫啉', kind: 'pesticide', registrationNo: 'ＰＤ２００８１２３４', maker: '江苏克胜集团股份有限公司', spec: '10%可湿性粉剂 20克/袋', unit: '袋', priceFen: 300 };
  const compound = { name: '复合肥 15-15-15', kind: 'fertiliser', registrationNo: null, maker: '云南云天化股份有限公司', spec: '50千克/袋', unit: '袋', priceFen: 19_500 };
  const dimethoate = { name: '乐果', kind: 'pesticide', registrationNo: 'PD20095821', maker: '湖北沙隆达股份有限公司', spec: '40%乳油 500毫升/瓶', unit: '瓶', priceFen: 1_800, restricted: true };
  const potato = { name: '马铃薯种薯 合作88', kind: 'seed', registrationNo: 'GPD马铃薯（2018）530032', maker: '会泽县农业技术推广中心', spec: '原种 25千克/袋', unit: '袋', priceFen: 9_000 };
  const ids = {} as Record<'imidacloprid' | 'compound' | 'dimethoate' | 'potato', string>;

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    await signInAll();
  }, 180_000);
  afterAll(() => t?.close());

  it('keeps the catalogue with registration numbers checked and written one way, for the county office only', async () => {
    const made = await ok('county', 'POST', '/stations/farm-inputs', imidacloprid);
    expect(made).toEqual({
      id: expect.stringMatching(/^fin_/),
      name: '吡虫啉',
      kind: 'pesticide',
      kindName: '农药',
      registrationNo: 'PD20081234',
      registrationLabel: '农药登记证号',
      registrationForm: '农药登记',
      maker: '江苏克胜集团股份有限公司',
      spec: '10%可湿性粉剂 20克/袋',
      unit: '袋',
      priceFen: 300,
      restricted: false,
      active: true,
      inactiveSince: null,
      createdAt: now(),
      createdByName: expect.any(String),
      updatedAt: now(),
      updatedByName: expect.any(String),
    });
    ids.imidacloprid = made.id;
    const fertiliser = await ok('county', 'POST', '/stations/farm-inputs', compound);
    expect([fertiliser.registrationNo, fertiliser.registrationLabel, fertiliser.kindName]).toEqual([null, '免于登记', '肥料']);
    ids.compound = fertiliser.id;
    ids.dimethoate = (await ok('county', 'POST', '/stations/farm-inputs', dimethoate)).id;
    const seed = await ok('county', 'POST', '/stations/farm-inputs', potato);
    expect([seed.registrationNo, seed.registrationLabel, seed.registrationForm]).toEqual(['GPD马铃薯(2018)530032', '品种登记编号', '非主要农作物品种登记']);
    ids.potato = seed.id;

    // A number that does not fit its kind: 400 naming the field, with the reason in Chinese.
    const wrong = await call('county', 'POST', '/stations/farm-inputs', { ...imidacloprid, spec: '10%可湿性粉剂 100克/袋', registrationNo: 'LS20080001' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toEqual({ code: 'REGISTRATION_NUMBER_INVALID', message: expect.stringMatching(/^body\.registrationNo: 临时登记证号（LS、WL开头）自2017年起不再核发/), details: { field: 'body.registrationNo' } });
    expect((await call('county', 'POST', '/stations/farm-inputs', { ...potato, registrationNo: 'PD20080001' })).json().error.message).toMatch(/^body\.registrationNo: 种子应填品种审定编号/);
    expect((await call('county', 'POST', '/stations/farm-inputs', { ...imidacloprid, registrationNo: null })).json().error).toMatchObject({ code: 'REGISTRATION_NUMBER_INVALID', details: { field: 'body.registrationNo' } });
    expect((await call('county', 'POST', '/stations/farm-inputs', { ...compound, name: '尿素', restricted: true })).json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body.restricted' } });
    // The same registered product in the same package is in the catalogue once.
    const twice = await call('county', 'POST', '/stations/farm-inputs', { ...imidacloprid, registrationNo: 'PD20081234', name: '吡虫啉（又一条）' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'FARM_INPUT_EXISTS']);
    expect((await call('county', 'POST', '/stations/farm-inputs', compound)).json().error.code).toBe('FARM_INPUT_EXISTS');

    for (const who of ['township', 'village', 'regulator', 'merchant'] as const) {
      expect((await call(who, 'POST', '/stations/farm-inputs', { ...potato, spec: `${who} 袋` })).statusCode, who).toBe(403);
      expect((await call(who, 'PATCH', `/stations/farm-inputs/${ids.potato}`, { priceFen: 1 })).statusCode, who).toBe(403);
    }
    expect((await call(null, 'GET', '/stations/farm-inputs')).statusCode).toBe(401);
    expect((await call('consumer', 'GET', '/stations/farm-inputs')).statusCode).toBe(403);
  });

  it('lists the catalogue by name through every page, and by kind or a part of the name or number', async () => {
    for (const who of ['county', 'township', 'village', 'regulator'] as const) {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { name: string }[]; nextCursor: string | null } = await ok(who, 'GET', `/stations/farm-inputs?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(1);
        names.push(...page.items.map((i) => i.name));
        cursor = page.nextCursor;
      } while (cursor);
      // Each once, in the database's order of names.
      expect([...names].sort(), who).toEqual(['乐果', '吡虫啉', '复合肥 15-15-15', '马铃薯种薯 合作88'].sort());
    }
    expect((await ok('village', 'GET', '/stations/farm-inputs?kind=pesticide')).items.map((i: { name: string }) => i.name).sort()).toEqual(['乐果', '吡虫啉'].sort());
    expect((await ok('village', 'GET', `/stations/farm-inputs?q=${encodeURIComponent('PD2009')}`)).items.map((i: { name: string }) => i.name)).toEqual(['乐果']);
    expect((await ok('village', 'GET', `/stations/farm-inputs?q=${encodeURIComponent('云天化')}`)).items.map((i: { name: string }) => i.name)).toEqual(['复合肥 15-15-15']);
  });

  it('stocks inputs in and sells them at the point: quantity × price in the till, the registration number on the receipt, never below the stock', async () => {
    const [stocked, stockedFertiliser] = await record([
      { type: 'farm_input.stock_in', inputId: ids.imidacloprid, quantity: 10 },
      { type: 'farm_input.stock_in', inputId: ids.compound, quantity: 4 },
    ]);
    expect(stocked).toMatchObject({ status: 'stored', record: { type: 'farm_input.stock_in', service: null, cashInFen: 0, summary: '农资入库 · 吡虫啉 10%可湿性粉剂 20克/袋 × 10袋' } });
    expect(stockedFertiliser.status).toBe('stored');
    expect(await stockOf(ids.imidacloprid)).toBe(10);

    const buyer = { name: '王小芳', phone: '13908701234' };
    const [sale] = await record([{ type: 'farm_input.sale', customer: buyer, inputId: ids.imidacloprid, quantity: 3, receiptCode: 'fin_receipt_code_0001_abcdefgh' }]);
    expect(sale).toMatchObject({ status: 'stored', code: null });
    expect(sale.record).toMatchObject({
      type: 'farm_input.sale',
      service: 'farm_input',
      amountFen: 900,
      feeFen: 0,
      cashInFen: 900,
      cashOutFen: 0,
      summary: '农资 · 吡虫啉 10%可湿性粉剂 20克/袋 × 3袋 · PD20081234 · ¥9.00',
      customer: { name: '王小芳', phoneMasked: '139****1234' },
      details: { inputId: ids.imidacloprid, name: '吡虫啉', kind: 'pesticide', kindName: '农药', registrationNo: 'PD20081234', registrationLabel: '农药登记证号', quantity: 3, priceFen: 300, restricted: false, producerId: null, producerName: null },
    });
    expect(await stockOf(ids.imidacloprid)).toBe(7);
    const [fertiliser] = await record([{ type: 'farm_input.sale', customer: buyer, inputId: ids.compound, quantity: 1 }]);
    expect(fertiliser.record).toMatchObject({ cashInFen: 19_500, summary: '农资 · 复合肥 15-15-15 50千克/袋 × 1袋 · 免于登记 · ¥195.00', details: { registrationNo: null, registrationLabel: '免于登记' } });

    // More than the point holds: refused, nothing stored, the others go on; the same clientId again is a duplicate.
    const again = clientId();
    const outcomes = await record([
      { type: 'farm_input.sale', customer: buyer, inputId: ids.imidacloprid, quantity: 8 },
      { type: 'farm_input.sale', customer: buyer, inputId: ids.potato, quantity: 1 },
      { type: 'farm_input.sale', customer: buyer, inputId: 'fin_no_such_input', quantity: 1 },
      { type: 'farm_input.sale', clientId: again, customer: buyer, inputId: ids.imidacloprid, quantity: 7 },
      { type: 'farm_input.sale', clientId: again, customer: buyer, inputId: ids.imidacloprid, quantity: 7 },
    ]);
    expect(outcomes.map((o: { status: string; code: string | null }) => [o.status, o.code])).toEqual([
      ['refused', 'STOCK_INSUFFICIENT'],
      ['refused', 'STOCK_INSUFFICIENT'],
      ['refused', 'UNKNOWN_REFERENCE'],
      ['stored', null],
      ['duplicate', null],
    ]);
    expect(outcomes[2].message).toBe('农资目录里没有这种农资，请刷新后重新选择');
    expect(await stockOf(ids.imidacloprid)).toBe(0);
    // A sale without a customer (neither `customer` nor `customerId`): 400 naming the record's customer.
    const bare = await call('village', 'POST', '/stations/records/batch', { siteId: VILLAGE_SITE, records: [{ clientId: clientId(), at: now(), type: 'farm_input.sale', inputId: ids.imidacloprid, quantity: 1 }] });
    expect(bare.statusCode, bare.body).toBe(400);
    expect(bare.json().error.message).toMatch(/^body\.records\[0\]\.customer\b/);
  });

  it('sells a restricted-use pesticide only to a buyer who gives a resident ID number', async () => {
    await record([{ type: 'farm_input.stock_in', inputId: ids.dimethoate, quantity: 5 }]);
    const [refused] = await record([{ type: 'farm_input.sale', customer: { name: '张大山', phone: '13908705678' }, inputId: ids.dimethoate, quantity: 1 }]);
    expect(refused).toMatchObject({ status: 'refused', code: 'REAL_NAME_REQUIRED', message: '乐果是限制使用农药，须登记购买人身份证号（实名购买）', record: null });
    const [sold] = await record([{ type: 'farm_input.sale', customer: { name: '张大山', phone: '13908705678', idNumber: idNumber() }, inputId: ids.dimethoate, quantity: 1 }]);
    expect(sold).toMatchObject({ status: 'stored', record: { cashInFen: 1_800, details: { restricted: true, registrationNo: 'PD20095821' } } });
    // The customer the desk lists (with the ID number already given) buys again by id.
    const [again] = await record([{ type: 'farm_input.sale', customerId: sold.record.customer.id, inputId: ids.dimethoate, quantity: 1 }]);
    expect(again.status).toBe('stored');
    expect(await stockOf(ids.dimethoate)).toBe(3);
  });

  it('charges the price in force when the sale was made, and refuses a sale made after the input stopped', async () => {
    clock.advance(30 * 60_000);
    await record([{ type: 'farm_input.stock_in', inputId: ids.potato, quantity: 10 }]);
    const madeBefore = minutesAgo(5);
    await ok('county', 'PATCH', `/stations/farm-inputs/${ids.potato}`, { priceFen: 9_500 });
    const [old, current] = await record([
      { type: 'farm_input.sale', at: madeBefore, customer: { name: '李四' }, inputId: ids.potato, quantity: 2 },
      { type: 'farm_input.sale', customer: { name: '李四' }, inputId: ids.potato, quantity: 2 },
    ]);
    expect([old.record.cashInFen, old.record.details.priceFen, current.record.cashInFen, current.record.details.priceFen]).toEqual([18_000, 9_000, 19_000, 9_500]);

    const stopped = await ok('county', 'PATCH', `/stations/farm-inputs/${ids.potato}`, { active: false });
    expect([stopped.active, stopped.inactiveSince, stopped.priceFen]).toEqual([false, now(), 9_500]);
    const [late, early] = await record([
      { type: 'farm_input.sale', customer: { name: '李四' }, inputId: ids.potato, quantity: 1 },
      { type: 'farm_input.sale', at: minutesAgo(1), customer: { name: '李四' }, inputId: ids.potato, quantity: 1 },
    ]);
    expect([late.status, late.code, late.message]).toEqual(['refused', 'INPUT_INACTIVE', '马铃薯种薯 合作88（原种 25千克/袋）已停售']);
    expect(early.status).toBe('stored');
    expect((await ok('county', 'GET', '/stations/farm-inputs?active=false')).items.map((i: { id: string }) => i.id)).toEqual([ids.potato]);
    expect((await call('county', 'PATCH', `/stations/farm-inputs/${ids.potato}`, {})).statusCode).toBe(400);
    expect((await call('county', 'PATCH', `/stations/farm-inputs/${ids.potato}`, { registrationNo: '国审玉20990013' })).json().error).toMatchObject({ code: 'REGISTRATION_NUMBER_INVALID', details: { field: 'body.registrationNo' } });
    expect((await call('county', 'PATCH', '/stations/farm-inputs/fin_nope', { priceFen: 1 })).statusCode).toBe(404);
  });

  it('puts the inputs sold now, with this site’s stock, and the village’s producers on the desk', async () => {
    const producer = await ok('village', 'POST', '/trace/producers', { kind: 'farmer', name: '赵德明', divisionCode: LEHONG_VILLAGE });
    const desk = await ok('village', 'GET', `/stations/desk?siteId=${VILLAGE_SITE}`);
    // By kind (fertiliser, pesticide, seed), then name; the stopped seed potatoes are not on it.
    const lines = desk.farmInputs.map((i: { name: string; kindName: string; stock: number; registrationNo: string | null }) => [i.kindName, i.name, i.stock, i.registrationNo]);
    expect(lines[0]).toEqual(['肥料', '复合肥 15-15-15', 3, null]);
    expect(lines.slice(1).sort()).toEqual([
      ['农药', '乐果', 3, 'PD20095821'],
      ['农药', '吡虫啉', 0, 'PD20081234'],
    ].sort());
    expect(desk.producers).toContainEqual({ id: producer.id, name: '赵德明', kind: 'farmer', divisionCode: LEHONG_VILLAGE });
    expect(desk.producers.every((p: { divisionCode: string }) => p.divisionCode === LEHONG_VILLAGE)).toBe(true);
    // The township's station sees its township's producers.
    const station = await ok('township', 'GET', `/stations/desk?siteId=${STATION}`);
    expect(station.producers).toContainEqual({ id: producer.id, name: '赵德明', kind: 'farmer', divisionCode: LEHONG_VILLAGE });
    expect(station.farmInputs.every((i: { stock: number }) => i.stock === 0)).toBe(true);
  });

  it('shows a producer’s purchases beside its farm records, flagging a pesticide with no spray record within 30 days', async () => {
    const producer = await ok('village', 'POST', '/trace/producers', { kind: 'farmer', name: '钱进', divisionCode: LEHONG_VILLAGE });
    const base = await ok('village', 'POST', '/trace/bases', { producerId: producer.id, name: '钱家坡', divisionCode: LEHONG_VILLAGE, areaMu: 3 });
    const plot = await ok('village', 'POST', '/trace/plots', { baseId: base.id, name: '花椒一号地', crop: 'pepper', variety: '鲁甸青花椒', areaMu: 3 });
    const buyer = { name: '钱进', idNumber: idNumber() };
    const purchases = () => ok('village', 'GET', `/trace/producers/${producer.id}/station-purchases`);

    await setDay('2026-06-02');
    await record([{ type: 'farm_input.stock_in', inputId: ids.imidacloprid, quantity: 10 }]);
    const [first, fertiliser, voided] = await record([
      { type: 'farm_input.sale', customer: buyer, producerId: producer.id, inputId: ids.imidacloprid, quantity: 2 },
      { type: 'farm_input.sale', customer: buyer, producerId: producer.id, inputId: ids.compound, quantity: 1 },
      { type: 'farm_input.sale', customer: buyer, producerId: producer.id, inputId: ids.imidacloprid, quantity: 1 },
    ]);
    expect(first.record.details).toMatchObject({ producerId: producer.id, producerName: '钱进' });
    const [unknown] = await record([{ type: 'farm_input.sale', customer: buyer, producerId: 'prd_nobody', inputId: ids.imidacloprid, quantity: 1 }]);
    expect([unknown.status, unknown.code]).toEqual(['refused', 'UNKNOWN_REFERENCE']);
    expect((await record([{ type: 'record.void', targetClientId: voided.clientId, reason: '卖错了' }]))[0].status).toBe('stored');

    // A spray recorded nine days later: the first purchase is followed by a record.
    await setDay('2026-06-11');
    await ok('village', 'POST', `/trace/plots/${plot.id}/records`, { kind: 'input', occurredOn: '2026-06-11', input: { category: 'pesticide', productName: '10%吡虫啉可湿性粉剂', registrationNo: 'PD20081234', dose: '20克兑水15升', intervalDays: 14 } });
    // A second pesticide bought later, never sprayed on record.
    await setDay('2026-06-20');
    const [second] = await record([{ type: 'farm_input.sale', customer: buyer, producerId: producer.id, inputId: ids.imidacloprid, quantity: 1 }]);
    expect(second.status).toBe('stored');

    const line = (recordId: string, day: string, name: string, quantity: number, amountFen: number, sprayCheck: unknown, kind = 'pesticide') => ({
      recordId,
      day,
      siteName: expect.any(String),
      kind,
      kindName: kind === 'pesticide' ? '农药' : '肥料',
      name,
      spec: name === '吡虫啉' ? '10%可湿性粉剂 20克/袋' : '50千克/袋',
      unit: '袋',
      registrationNo: kind === 'pesticide' ? 'PD20081234' : null,
      quantity,
      amountFen,
      sprayCheck,
    });
    await setDay('2026-07-20');
    expect(await purchases()).toEqual({
      items: [
        line(second.recordId, '2026-06-20', '吡虫啉', 1, 300, { status: 'waiting', until: '2026-07-20', appliedOn: null, text: null }),
        line(first.recordId, '2026-06-02', '吡虫啉', 2, 600, { status: 'recorded', until: '2026-07-02', appliedOn: '2026-06-11', text: null }),
        line(fertiliser.recordId, '2026-06-02', '复合肥 15-15-15', 1, 19_500, null, 'fertiliser'),
      ].sort((a, b) => (a.day === b.day ? (a.recordId < b.recordId ? 1 : -1) : a.day < b.day ? 1 : -1)),
      nextCursor: null,
    });
    // Thirty days on with no spray record: 购药后30天未见用药记录.
    await setDay('2026-07-21');
    const page = await purchases();
    expect(page.items[0]).toEqual(line(second.recordId, '2026-06-20', '吡虫啉', 1, 300, { status: 'missing', until: '2026-07-20', appliedOn: null, text: '购药后30天未见用药记录' }));
    expect(page.items[0].siteName).toBe(first.record.siteName);

    // Paged newest first, every purchase once.
    const one = await ok('village', 'GET', `/trace/producers/${producer.id}/station-purchases?limit=1`);
    const rest = await ok('village', 'GET', `/trace/producers/${producer.id}/station-purchases?limit=5&cursor=${one.nextCursor}`);
    expect([...one.items, ...rest.items].map((p: { recordId: string }) => p.recordId)).toEqual(page.items.map((p: { recordId: string }) => p.recordId));
    expect(rest.nextCursor).toBeNull();

    // Who reads the producer reads its purchases; the others do not see it.
    for (const who of ['county', 'regulator', 'township'] as const) expect((await ok(who, 'GET', `/trace/producers/${producer.id}/station-purchases`)).items.length, who).toBe(3);
    expect((await call('consumer', 'GET', `/trace/producers/${producer.id}/station-purchases`)).statusCode).toBe(403);
    expect((await call('merchant', 'GET', `/trace/producers/${producer.id}/station-purchases`)).statusCode).toBe(404);
    expect((await call(null, 'GET', `/trace/producers/${producer.id}/station-purchases`)).statusCode).toBe(401);
  });
});
