import { sql } from 'kysely';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/kernel/context.js';
import { residentIdCheck } from '../../src/modules/parties/index.js';
import type { RecordHandler } from '../../src/modules/stations/index.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const LEHONG = '530621110';
const OWN_POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's
const LEHONG_STATION = 'site_ld2_530621110';

let serial = 0;
const clientId = (label = 'rec') => `${label}-${Date.now().toString(36)}-${++serial}`.padEnd(8, '0');
function idNumber(): string {
  const first = `53062119800315${String(100 + (++serial % 900)).padStart(3, '0')}`;
  return first + residentIdCheck(first);
}

/** Record types of the test's own, to try the core's rules (cash, stock, services, void) without any area's handlers. */
const item = { kind: 'farm_input' as const, key: 'fi_test_urea', name: '测试尿素 50kg' };
const testStockIn: RecordHandler<{ quantity: number; key?: string }> = {
  type: 'test.stock_in',
  schema: Type.Object({ quantity: Type.Integer(), key: Type.Optional(Type.String()) }),
  service: null,
  async apply(trx, c, input) {
    await c.stock.move(trx, { siteId: c.site.id, item: { ...item, key: input.key ?? item.key }, delta: input.quantity, unit: 'unit', recordId: c.recordId });
    return { amountFen: 0, feeFen: 0, cashInFen: 0, cashOutFen: 0, details: { quantity: input.quantity }, summary: `入库 ${input.quantity}` };
  },
};
const testSale: RecordHandler<{ quantity: number; priceFen: number; key?: string }> = {
  type: 'test.sale',
  schema: Type.Object({ quantity: Type.Integer(), priceFen: Type.Integer(), key: Type.Optional(Type.String()) }),
  service: 'farm_input',
  async apply(trx, c, input) {
    await c.stock.move(trx, { siteId: c.site.id, item: { ...item, key: input.key ?? 'fi_till' }, delta: -input.quantity, unit: 'unit', recordId: c.recordId });
    const total = input.quantity * input.priceFen;
    return { amountFen: total, feeFen: 0, cashInFen: total, cashOutFen: 0, details: { quantity: input.quantity }, summary: `农资 · ${total}` };
  },
};
const testWithdraw: RecordHandler<{ amountFen: number }> = {
  type: 'test.withdraw',
  schema: Type.Object({ amountFen: Type.Integer() }),
  service: 'cash_withdrawal',
  async apply(_trx, _c, input) {
    return { amountFen: input.amountFen, feeFen: 200, cashInFen: 0, cashOutFen: input.amountFen, details: {}, summary: `取款 · ${input.amountFen}` };
  },
};

describe.each(engines())('stations core: the records batch, the till, the daily book, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  const userId: Record<string, string> = {};
  // 7 Dec 2026, 10:00 in Shanghai.
  const clock = manualClock('2026-12-07T02:00:00.000Z');
  const now = (minutes = 0) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();
  let otherLehongPoint = '';
  let otherTownshipPoint = '';
  let otherTownshipStation = '';

  const call = (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who ? as[who] : {}, payload: payload as object });
  const ok = async (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const batch = (who: string, siteId: string, records: unknown[]) => ok(who, 'POST', '/stations/records/batch', { siteId, records });
  const events = async (type: string) =>
    (await sql<{ payload: string }>`select payload from kernel_events where type = ${type} order by seq`.execute(t.database.db)).rows.map((r) => JSON.parse(r.payload));
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.database.db)).rows[0].n);
  const villageCtx = (): RequestContext => ({
    principal: { userId: userId.village, username: 'demo.village', displayName: '乐红村服务点', roles: ['village_operator'], scope: { kind: 'site', id: OWN_POINT }, via: 'session' },
    ip: '127.0.0.1',
    requestId: 'test',
  });
  /** The records service with the test's own record types (the HTTP route knows only the registered ones). */
  const service = () => t.modules.stations.records.withHandlers([testStockIn, testSale, testWithdraw]);

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    for (const who of ['county', 'township', 'village', 'regulator', 'merchant', 'consumer']) {
      as[who] = await signIn(t.app, `demo.${who}`);
      userId[who] = (await call(who, 'GET', '/auth/me')).json().id;
    }
    const points = (await ok('county', 'GET', '/network/sites?kind=village_point&status=operating&limit=500')).items as { id: string; townshipCode: string }[];
    otherLehongPoint = points.find((p) => p.townshipCode === LEHONG && p.id !== OWN_POINT)!.id;
    const elsewhere = points.find((p) => p.townshipCode !== LEHONG)!;
    otherTownshipPoint = elsewhere.id;
    otherTownshipStation = `site_ld2_${elsewhere.townshipCode}`;
  }, 180_000);
  afterAll(() => t?.close());

  it('stores a batch once: replayed after a lost answer it answers duplicate with the stored record, and nothing is applied twice', async () => {
    const open = { clientId: clientId('open'), type: 'day.open', at: now(), openingCashFen: 50_000 };
    const voidUnknown = { clientId: clientId('void'), type: 'record.void', at: now(), targetClientId: 'never-sent-1', reason: '点错了' };
    const first = await batch('village', OWN_POINT, [open, voidUnknown]);
    expect(first.outcomes).toEqual([
      {
        clientId: open.clientId,
        status: 'stored',
        recordId: expect.stringMatching(/^srec_/),
        code: null,
        message: null,
        details: null,
        record: {
          id: first.outcomes[0].recordId,
          clientId: open.clientId,
          siteId: OWN_POINT,
          siteName: '乐红村电商服务点',
          type: 'day.open',
          service: null,
          day: '2026-12-07',
          at: open.at,
          recordedAt: now(),
          recordedByName: '乐红村服务点',
          customer: null,
          amountFen: 0,
          feeFen: 0,
          cashInFen: 0,
          cashOutFen: 0,
          details: { openingCashFen: 50_000 },
          summary: '开账 · 备用金 ¥500.00',
          note: null,
          receiptCode: null,
          voided: false,
          voidReason: null,
        },
      },
      { clientId: voidUnknown.clientId, status: 'refused', recordId: null, code: 'UNKNOWN_REFERENCE', message: expect.stringMatching(/不存在/), details: null, record: null },
    ]);
    const records = await count('stations_records');
    const again = await batch('village', OWN_POINT, [open, voidUnknown]);
    expect(again.outcomes[0]).toEqual({ ...first.outcomes[0], status: 'duplicate' });
    expect(again.outcomes[1].status).toBe('refused');
    expect(await count('stations_records')).toBe(records);
    const day = await ok('village', 'GET', `/stations/days/${OWN_POINT}/2026-12-07`);
    expect(day.openingCashFen).toBe(50_000);
    expect(day.records.map((r: { clientId: string }) => r.clientId)).toEqual([open.clientId]);
  });

  it('keeps one record when two batches carry the same clientId at once', async () => {
    const open = { clientId: clientId('race'), type: 'day.open', at: now(), openingCashFen: 20_000 };
    const site = LEHONG_STATION;
    const [a, b] = await Promise.all([batch('township', site, [open]), batch('township', site, [open])]);
    expect([a.outcomes[0].status, b.outcomes[0].status].sort()).toEqual(['duplicate', 'stored']);
    expect(a.outcomes[0].recordId).toBe(b.outcomes[0].recordId);
    const stored = await sql<{ n: number }>`select count(*) as n from stations_records where client_id = ${open.clientId}`.execute(t.database.db);
    expect(Number(stored.rows[0].n)).toBe(1);
  });

  it('names the bad field of a bad record and applies nothing of the batch (400)', async () => {
    const before = await count('stations_records');
    const good = { clientId: clientId(), type: 'day.open', at: now(), openingCashFen: 100 };
    const cases: [unknown, string][] = [
      [{ clientId: clientId(), type: 'day.close', at: now(), countedCashFen: -5, expectedCashFen: 0 }, 'body.records[1].countedCashFen'],
      [{ clientId: clientId(), type: 'day.open', at: '2026-02-30T10:00:00+08:00', openingCashFen: 0 }, 'body.records[1].at'],
      [{ clientId: 'short', type: 'day.open', at: now(), openingCashFen: 0 }, 'body.records[1].clientId'],
      [{ clientId: clientId(), type: 'lottery.sell', at: now() }, 'body.records[1].type'],
      [{ clientId: clientId(), type: 'record.void', at: now(), targetClientId: 'abcdefgh1', reason: '错', extra: 1 }, 'body.records[1].extra'],
    ];
    for (const [bad, field] of cases) {
      const res = await call('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [good, bad] });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining(field), details: { field } });
    }
    expect((await call('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [] })).json().error.details.field).toBe('body.records');
    expect(await count('stations_records')).toBe(before);
  });

  it('refuses a 2026-02-30 in any date field of the reads (400)', async () => {
    for (const url of ['/stations/records?day=2026-02-30', '/stations/records?from=2026-02-30', '/stations/days?to=2026-02-30', `/stations/days/${OWN_POINT}/2026-02-30`]) {
      const res = await call('county', 'GET', url);
      expect(res.statusCode, url).toBe(400);
    }
  });

  it('refuses a record made 20 minutes ahead of the server (CLOCK_AHEAD) and one of 40 days ago (TOO_OLD)', async () => {
    const ahead = { clientId: clientId(), type: 'record.void', at: now(20), targetClientId: 'whatever-1', reason: '测试' };
    const old = { clientId: clientId(), type: 'record.void', at: now(-40 * 24 * 60), targetClientId: 'whatever-1', reason: '测试' };
    const fine = { clientId: clientId(), type: 'record.void', at: now(9), targetClientId: 'whatever-1', reason: '测试' };
    const res = await batch('village', OWN_POINT, [ahead, old, fine]);
    expect(res.outcomes.map((o: { code: string }) => o.code)).toEqual(['CLOCK_AHEAD', 'TOO_OLD', 'UNKNOWN_REFERENCE']);
  });

  it('keeps a receipt code to one record: a second record with it is refused RECEIPT_CODE_TAKEN and not stored', async () => {
    const receiptCode = `rc${Date.now().toString(36)}abcdefghijklmnopqrstu`.slice(0, 30);
    const svc = service();
    const first = { clientId: clientId('rc'), type: 'test.stock_in', at: now(), quantity: 1, receiptCode };
    const second = { clientId: clientId('rc'), type: 'test.stock_in', at: now(), quantity: 1, receiptCode };
    const res = await svc.batch(villageCtx(), { siteId: OWN_POINT, records: [first, second, first] });
    expect(res.outcomes.map((o) => [o.status, o.code])).toEqual([
      ['stored', null],
      ['refused', 'RECEIPT_CODE_TAKEN'],
      ['duplicate', null],
    ]);
    expect(res.outcomes[0].record!.receiptCode).toBe(receiptCode);
  });

  it('keeps customers per site: sealed, masked, found again by ID number, phone or name; poor from the register', async () => {
    const id = idNumber();
    const svc = service();
    const sale = (customer: { name: string; phone?: string; idNumber?: string }) => ({ clientId: clientId('cus'), type: 'test.stock_in', at: now(), quantity: 1, customer });
    const first = await svc.batch(villageCtx(), { siteId: OWN_POINT, records: [sale({ name: '王秀英', phone: '13912345678', idNumber: id })] });
    const customer = first.outcomes[0].record!.customer!;
    expect(customer).toEqual({ id: expect.stringMatching(/^scus_/), name: '王秀英', phoneMasked: '139****5678', poor: false });
    const again = await svc.batch(villageCtx(), { siteId: OWN_POINT, records: [sale({ name: '王秀英', idNumber: id }), sale({ name: '王秀英', phone: '13912345678' }), sale({ name: '王秀英' })] });
    expect(again.outcomes.map((o) => o.record!.customer!.id)).toEqual([customer.id, customer.id, expect.not.stringMatching(customer.id)]);
    const stored = await sql<Record<string, unknown>>`select * from stations_customers where id = ${customer.id}`.execute(t.database.db);
    expect(JSON.stringify(stored.rows[0])).not.toContain(id);
    expect(JSON.stringify(stored.rows[0])).not.toContain('13912345678');
    expect(stored.rows[0].id_masked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    // A registered poor household's head is poor whatever the operator ticked.
    const head = idNumber();
    const registered = await call('county', 'POST', '/parties/households', { householdNo: `HH${Date.now()}`, villageCode: '530621110205', headName: '李永福', headIdNumber: head, members: 4, status: 'in_poverty' });
    expect(registered.statusCode, registered.body).toBe(201);
    const poor = await svc.batch(villageCtx(), { siteId: OWN_POINT, records: [sale({ name: '李永福', idNumber: head })] });
    expect(poor.outcomes[0].record!.customer!.poor).toBe(true);
    // A wrong check character is a 400 for the whole batch, naming the record's field; nothing of it is applied.
    const before = await count('stations_records');
    const wrong = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    await expect(svc.batch(villageCtx(), { siteId: OWN_POINT, records: [sale({ name: '赵明' }), sale({ name: '赵明', idNumber: wrong })] })).rejects.toMatchObject({ status: 400, details: { field: 'body.records[1].customer.idNumber' } });
    expect(await count('stations_records')).toBe(before);
    // The desk lists the site's customers, masked.
    const desk = await ok('village', 'GET', `/stations/desk?siteId=${OWN_POINT}`);
    expect(desk.customers).toContainEqual({ id: customer.id, name: '王秀英', phoneMasked: '139****5678', poor: false });
    expect(JSON.stringify(desk)).not.toContain('13912345678');
  });

  it('keeps the till of a day: a void reverses its cash and exactly its stock moves; the day closes once against the server’s count', async () => {
    const svc = service();
    const at = (hour: number) => new Date(Date.parse('2026-12-05T00:00:00+08:00') + hour * 3600_000).toISOString();
    const rec = (type: string, hour: number, fields: Record<string, unknown>) => ({ clientId: clientId(type.replace('.', '-')), type, at: at(hour), ...fields });
    const stockOf = async () => (await ok('village', 'GET', `/stations/stock?siteId=${OWN_POINT}`)).items.find((i: { key: string }) => i.key === 'fi_till')?.quantity ?? 0;
    const base = await stockOf();
    const stockIn = rec('test.stock_in', 8, { quantity: 10, key: 'fi_till' });
    const sale = rec('test.sale', 9, { quantity: 3, priceFen: 1500, customer: { name: '张建华' } });
    const recordedBefore = (await events('stations.service-recorded')).length;
    const first = await svc.batch(villageCtx(), {
      siteId: OWN_POINT,
      records: [rec('day.open', 7, { openingCashFen: 50_000 }), stockIn, sale, rec('test.withdraw', 10, { amountFen: 20_000, customer: { name: '李明' } })],
    });
    expect(first.outcomes.map((o) => o.status)).toEqual(['stored', 'stored', 'stored', 'stored']);
    expect(await stockOf()).toBe(base + 7);
    const recorded = (await events('stations.service-recorded')).slice(recordedBefore);
    expect(recorded).toEqual([
      { recordId: first.outcomes[2].recordId, siteId: OWN_POINT, siteKind: 'village_point', townshipCode: LEHONG, villageCode: '530621110205', day: '2026-12-05', at: sale.at, service: 'farm_input', amountFen: 4500, feeFen: 0, customerId: first.outcomes[2].record!.customer!.id, poor: false },
      expect.objectContaining({ recordId: first.outcomes[3].recordId, service: 'cash_withdrawal', amountFen: 20_000, feeFen: 200 }),
    ]);

    // Voiding the stock-in would take more than is left: refused, nothing changes.
    const tooMuch = await svc.batch(villageCtx(), { siteId: OWN_POINT, records: [rec('record.void', 11, { targetClientId: stockIn.clientId, reason: '录错数量' })] });
    expect(tooMuch.outcomes[0]).toMatchObject({ status: 'refused', code: 'STOCK_INSUFFICIENT' });
    expect(await stockOf()).toBe(base + 7);

    // Voiding the sale: its stock comes back, its cash leaves the till, its service is withdrawn.
    const voided = await svc.batch(villageCtx(), { siteId: OWN_POINT, records: [rec('record.void', 11, { targetClientId: sale.clientId, reason: '客户退货' })] });
    expect(voided.outcomes[0].status).toBe('stored');
    expect(await stockOf()).toBe(base + 10);
    expect((await events('stations.service-voided')).at(-1)).toEqual({
      recordId: first.outcomes[2].recordId,
      voidRecordId: voided.outcomes[0].recordId,
      siteId: OWN_POINT,
      townshipCode: LEHONG,
      villageCode: '530621110205',
      day: '2026-12-05',
      service: 'farm_input',
      amountFen: 4500,
      feeFen: 0,
      customerId: first.outcomes[2].record!.customer!.id,
      poor: false,
    });
    const twice = await svc.batch(villageCtx(), { siteId: OWN_POINT, records: [rec('record.void', 11, { targetClientId: sale.clientId, reason: '客户退货' })] });
    expect(twice.outcomes[0].code).toBe('ALREADY_VOIDED');
    await svc.batch(villageCtx(), { siteId: OWN_POINT, records: [rec('test.sale', 12, { quantity: 2, priceFen: 1500 })] });

    // The day book's figures are the sums of its records.
    const book = await ok('township', 'GET', `/stations/days/${OWN_POINT}/2026-12-05`);
    type R = { voided: boolean; cashInFen: number; cashOutFen: number; service: string | null; amountFen: number };
    const live = (book.records as R[]).filter((r) => !r.voided);
    const cashIn = live.reduce((a, r) => a + r.cashInFen, 0);
    const cashOut = live.reduce((a, r) => a + r.cashOutFen, 0);
    const byService: Record<string, { count: number; amountFen: number }> = {};
    for (const r of live.filter((x) => x.service)) {
      byService[r.service!] ??= { count: 0, amountFen: 0 };
      byService[r.service!].count += 1;
      byService[r.service!].amountFen += r.amountFen;
    }
    expect(book).toMatchObject({ siteId: OWN_POINT, siteName: '乐红村电商服务点', townshipName: expect.stringContaining('乐红'), day: '2026-12-05', status: 'open', openingCashFen: 50_000 });
    expect({ cashInFen: book.cashInFen, cashOutFen: book.cashOutFen, expectedCashFen: book.expectedCashFen, services: book.services, byService: book.byService }).toEqual({
      cashInFen: cashIn,
      cashOutFen: cashOut,
      expectedCashFen: 50_000 + cashIn - cashOut,
      services: live.filter((r) => r.service).length,
      byService,
    });
    expect(book.expectedCashFen).toBe(50_000 + 3000 - 20_000);
    expect(book.records.find((r: { clientId: string }) => r.clientId === sale.clientId)).toMatchObject({ voided: true, voidReason: '客户退货' });

    // Closing: the phone's expected must be the server's, a difference needs a reason.
    const changed = await svc.batch(villageCtx(), { siteId: OWN_POINT, records: [rec('day.close', 20, { countedCashFen: 33_000, expectedCashFen: 34_500 })] });
    expect(changed.outcomes[0]).toMatchObject({ status: 'refused', code: 'DAY_CHANGED', details: { expectedCashFen: 33_000 } });
    const noReason = await svc.batch(villageCtx(), { siteId: OWN_POINT, records: [rec('day.close', 20, { countedCashFen: 32_900, expectedCashFen: 33_000, reason: '少了' })] });
    expect(noReason.outcomes[0]).toMatchObject({ status: 'refused', code: 'REASON_REQUIRED' });
    expect((await ok('village', 'GET', `/stations/days/${OWN_POINT}/2026-12-05`)).status).toBe('open');
    const closedBefore = (await events('stations.day-closed')).length;
    const closed = await svc.batch(villageCtx(), { siteId: OWN_POINT, records: [rec('day.close', 20, { countedCashFen: 32_900, expectedCashFen: 33_000, reason: '找零少收一元' })] });
    expect(closed.outcomes[0].status).toBe('stored');
    expect((await events('stations.day-closed')).slice(closedBefore)).toEqual([
      { siteId: OWN_POINT, townshipCode: LEHONG, villageCode: '530621110205', day: '2026-12-05', openingCashFen: 50_000, cashInFen: 3000, cashOutFen: 20_000, expectedCashFen: 33_000, countedCashFen: 32_900, differenceFen: -100, reason: '找零少收一元', services: 2 },
    ]);
    expect(await ok('regulator', 'GET', `/stations/days?siteId=${OWN_POINT}&status=closed`)).toEqual({
      items: [expect.objectContaining({ day: '2026-12-05', status: 'closed', expectedCashFen: 33_000, countedCashFen: 32_900, differenceFen: -100, reason: '找零少收一元', closedByName: '乐红村服务点', closedAt: expect.any(String) })],
      nextCursor: null,
    });

    // A closed day takes nothing more: no record, no void, no second close.
    const records = await count('stations_records');
    const late = await svc.batch(villageCtx(), {
      siteId: OWN_POINT,
      records: [rec('test.sale', 21, { quantity: 1, priceFen: 1500 }), rec('record.void', 21, { targetClientId: stockIn.clientId, reason: '补撤销' }), rec('day.close', 21, { countedCashFen: 0, expectedCashFen: 33_000, reason: '再结一次' })],
    });
    expect(late.outcomes.map((o) => o.code)).toEqual(['DAY_CLOSED', 'DAY_CLOSED', 'DAY_CLOSED']);
    expect(await count('stations_records')).toBe(records);
    expect(await stockOf()).toBe(base + 8);

    // The next day opens with what was counted.
    const next = await svc.batch(villageCtx(), { siteId: OWN_POINT, records: [rec('test.sale', 24 + 9, { quantity: 1, priceFen: 1000 })] });
    expect(next.outcomes[0].record!.day).toBe('2026-12-06');
    expect(await ok('village', 'GET', `/stations/days/${OWN_POINT}/2026-12-06`)).toMatchObject({ openingCashFen: 32_900, cashInFen: 1000, expectedCashFen: 33_900 });
  });

  it('carries a day left open into the next: it opens with the expected cash, and closing the day late sets the next day’s opening to the count', async () => {
    const svc = service();
    const townshipCtx = (): RequestContext => ({
      principal: { userId: userId.township, username: 'demo.township', displayName: '乐红镇服务站', roles: ['township_operator'], scope: { kind: 'township', id: LEHONG }, via: 'session' },
      ip: '127.0.0.1',
      requestId: 'test',
    });
    const at = (day: string, time: string) => new Date(`${day}T${time}+08:00`).toISOString();
    const rec = (type: string, when: string, fields: Record<string, unknown>) => ({ clientId: clientId(type.replace('.', '-')), type, at: when, ...fields });
    const send = async (...records: ReturnType<typeof rec>[]) => (await svc.batch(townshipCtx(), { siteId: LEHONG_STATION, records })).outcomes;

    // 20 Nov: opened with ¥100, ¥30 taken, never closed that evening.
    const first = await send(
      rec('day.open', at('2026-11-20', '08:00:00'), { openingCashFen: 10_000 }),
      rec('test.stock_in', at('2026-11-20', '08:10:00'), { quantity: 10, key: 'fi_till' }),
      rec('test.sale', at('2026-11-20', '10:00:00'), { quantity: 2, priceFen: 1500 }),
    );
    expect(first.map((o) => o.status)).toEqual(['stored', 'stored', 'stored']);
    // 21 Nov: its first record opens the day with what 20 Nov's records say is in the till.
    expect((await send(rec('test.sale', at('2026-11-21', '09:00:00'), { quantity: 1, priceFen: 1000 })))[0].status).toBe('stored');
    expect(await ok('township', 'GET', `/stations/days/${LEHONG_STATION}/2026-11-21`)).toMatchObject({ status: 'open', openingCashFen: 13_000, cashInFen: 1000, expectedCashFen: 14_000 });
    // The phone is told which earlier days are still open.
    const desk = await ok('township', 'GET', `/stations/desk?siteId=${LEHONG_STATION}`);
    expect(desk.earlierOpenDays.filter((d: { day: string }) => d.day < '2026-12-01')).toEqual([
      { day: '2026-11-20', expectedCashFen: 13_000 },
      { day: '2026-11-21', expectedCashFen: 14_000 },
    ]);

    // 20 Nov closed late (on 7 Dec): one yuan short, the difference shows on 20 Nov, and 21 Nov now opens with the count.
    const late = await send(rec('day.close', at('2026-11-20', '23:59:00'), { countedCashFen: 12_900, expectedCashFen: 13_000, reason: '找零少收一元' }));
    expect(late[0]).toMatchObject({ status: 'stored', record: { day: '2026-11-20' } });
    expect(await ok('township', 'GET', `/stations/days/${LEHONG_STATION}/2026-11-20`)).toMatchObject({ status: 'closed', expectedCashFen: 13_000, countedCashFen: 12_900, differenceFen: -100 });
    expect(await ok('township', 'GET', `/stations/days/${LEHONG_STATION}/2026-11-21`)).toMatchObject({ status: 'open', openingCashFen: 12_900, expectedCashFen: 13_900 });
    expect((await ok('township', 'GET', `/stations/desk?siteId=${LEHONG_STATION}`)).earlierOpenDays.filter((d: { day: string }) => d.day < '2026-12-01')).toEqual([{ day: '2026-11-21', expectedCashFen: 13_900 }]);

    // 21 Nov closes with what is in the till: no difference.
    const closed = await send(rec('day.close', at('2026-11-21', '23:59:00'), { countedCashFen: 13_900, expectedCashFen: 13_900 }));
    expect(closed[0]).toMatchObject({ status: 'stored', record: { details: { openingCashFen: 12_900, expectedCashFen: 13_900, differenceFen: 0 } } });
    // And the day after opens with that count.
    expect((await send(rec('test.sale', at('2026-11-22', '09:00:00'), { quantity: 1, priceFen: 500 })))[0].status).toBe('stored');
    expect(await ok('township', 'GET', `/stations/days/${LEHONG_STATION}/2026-11-22`)).toMatchObject({ openingCashFen: 13_900, expectedCashFen: 14_400 });
  });

  it('answers a close over HTTP with the refusal’s details, then closes the township station’s day with its difference', async () => {
    const at = (hour: number) => new Date(Date.parse('2026-12-04T00:00:00+08:00') + hour * 3600_000).toISOString();
    const close = (fields: Record<string, unknown>) => ({ clientId: clientId('close'), type: 'day.close', at: at(19), ...fields });
    await batch('township', LEHONG_STATION, [{ clientId: clientId('open'), type: 'day.open', at: at(8), openingCashFen: 1000 }]);
    const refused = await batch('township', LEHONG_STATION, [close({ countedCashFen: 900, expectedCashFen: 1200 }), close({ countedCashFen: 900, expectedCashFen: 1000 })]);
    expect(refused.outcomes).toEqual([
      { clientId: expect.any(String), status: 'refused', recordId: null, code: 'DAY_CHANGED', message: expect.stringMatching(/刷新/), details: { expectedCashFen: 1000 }, record: null },
      { clientId: expect.any(String), status: 'refused', recordId: null, code: 'REASON_REQUIRED', message: expect.stringMatching(/原因/), details: { expectedCashFen: 1000, differenceFen: -100 }, record: null },
    ]);
    const closed = await batch('township', LEHONG_STATION, [close({ countedCashFen: 900, expectedCashFen: 1000, reason: '垫付快递费一元' })]);
    expect(closed.outcomes[0].record).toMatchObject({ type: 'day.close', recordedByName: '乐红镇服务站', summary: '日结 · 应有 ¥10.00 · 实点 ¥9.00 · 差额 -¥1.00', details: { expectedCashFen: 1000, countedCashFen: 900, differenceFen: -100, reason: '垫付快递费一元' } });
    expect(await ok('county', 'GET', `/stations/days?township=${LEHONG}&from=2026-12-04&to=2026-12-04`)).toEqual({
      items: [
        {
          siteId: LEHONG_STATION,
          siteName: expect.stringContaining('电商服务站'),
          townshipName: expect.stringContaining('乐红'),
          day: '2026-12-04',
          status: 'closed',
          openingCashFen: 1000,
          cashInFen: 0,
          cashOutFen: 0,
          expectedCashFen: 1000,
          countedCashFen: 900,
          differenceFen: -100,
          reason: '垫付快递费一元',
          closedAt: now(),
          closedByName: '乐红镇服务站',
          services: 0,
          byService: {},
        },
      ],
      nextCursor: null,
    });
  });

  it('lets each operator record and read only in its own place', async () => {
    const open = () => [{ clientId: clientId(), type: 'day.open', at: now(), openingCashFen: 0 }];
    // A village operator: its own point only.
    expect((await call('village', 'POST', '/stations/records/batch', { siteId: otherLehongPoint, records: open() })).statusCode).toBe(403);
    for (const url of [`/stations/desk?siteId=${otherLehongPoint}`, `/stations/records?siteId=${otherLehongPoint}`, `/stations/days?siteId=${otherLehongPoint}`, `/stations/days/${otherLehongPoint}/2026-12-07`, `/stations/stock?siteId=${otherLehongPoint}`]) {
      expect((await call('village', 'GET', url)).statusCode, url).toBe(403);
    }
    // A township operator records at its township's station, not at a village point nor at another township's station.
    expect((await call('township', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: open() })).statusCode).toBe(403);
    expect((await call('township', 'POST', '/stations/records/batch', { siteId: otherTownshipStation, records: open() })).statusCode).toBe(403);
    // It reads every site of its township, and nothing of another township.
    expect((await call('township', 'GET', `/stations/days/${otherLehongPoint}/2026-12-07`)).statusCode).toBe(200);
    expect((await call('township', 'GET', `/stations/desk?siteId=${OWN_POINT}`)).statusCode).toBe(200);
    for (const url of [`/stations/desk?siteId=${otherTownshipPoint}`, `/stations/records?siteId=${otherTownshipPoint}`, `/stations/days/${otherTownshipPoint}/2026-12-07`]) {
      expect((await call('township', 'GET', url)).statusCode, url).toBe(403);
    }
    const township = await ok('township', 'GET', '/stations/records?limit=500');
    expect(township.items.length).toBeGreaterThan(0);
    expect(township.items.every((r: { siteId: string }) => r.siteId === OWN_POINT || r.siteId === LEHONG_STATION)).toBe(true);
    const village = await ok('village', 'GET', '/stations/records?limit=500');
    expect(village.items.every((r: { siteId: string }) => r.siteId === OWN_POINT)).toBe(true);
    expect(village.items.length).toBeLessThan(township.items.length);
    // The county and the regulator read everything and record nothing; others nothing at all.
    expect((await call('county', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: open() })).statusCode).toBe(403);
    expect((await call('regulator', 'GET', `/stations/days/${OWN_POINT}/2026-12-07`)).statusCode).toBe(200);
    expect((await call('merchant', 'GET', '/stations/records')).statusCode).toBe(403);
    expect((await call('consumer', 'GET', `/stations/desk?siteId=${OWN_POINT}`)).statusCode).toBe(403);
    expect((await call(null, 'GET', '/stations/records')).statusCode).toBe(401);
  });

  it('stops recording at a suspended station, and keeps its days readable', async () => {
    const res = await call('county', 'PATCH', `/network/sites/${LEHONG_STATION}`, { status: 'suspended', statusNote: '装修' });
    expect(res.statusCode, res.body).toBe(200);
    clock.advance(31_000); // past the stations' 30-second reading of the network
    const refused = await call('township', 'POST', '/stations/records/batch', { siteId: LEHONG_STATION, records: [{ clientId: clientId(), type: 'day.open', at: now(), openingCashFen: 0 }] });
    expect(refused.statusCode).toBe(403);
    expect((await ok('township', 'GET', `/stations/days/${LEHONG_STATION}/2026-12-04`)).status).toBe('closed');
    expect((await ok('county', 'GET', `/stations/records?siteId=${LEHONG_STATION}`)).items.length).toBeGreaterThan(0);
    expect((await ok('township', 'GET', `/stations/desk?siteId=${OWN_POINT}`)).sitesICanRecordAt).toEqual([]);
  });

  it('pages the records with a cursor, newest first, through every one', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await ok('county', 'GET', `/stations/records?siteId=${OWN_POINT}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    const total = await sql<{ n: number }>`select count(*) as n from stations_records where site_id = ${OWN_POINT}`.execute(t.database.db);
    expect(all.length).toBe(Number(total.rows[0].n));
    expect(new Set(all).size).toBe(all.length);
  });
});
