import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';
import { creditCodeCheck, organisationCodeCheck } from '../../src/modules/parties/index.js';

const LEHONG = '530621110';
const LEHONG_VILLAGE = '530621110205';
const WENPING = '530621101';

let serial = 0;
/** A credit code with valid check characters, different on every call (an enterprise, 91…). */
function creditCode(): string {
  const org = `MA6Q${String(++serial).padStart(4, '0')}`;
  const first = `91530621${org}${organisationCodeCheck(org)}`;
  return first + creditCodeCheck(first);
}

/** A workbook of report rows under the template's header. */
async function workbook(rows: unknown[][], header = ['店铺编号', '平台', '店铺名', '月份', '销售额（元）', '订单数', '其中农产品（元）']): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('月报');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function multipart(content: Buffer, fileName = 'reports.xlsx') {
  const boundary = '----countyhub-players';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(engines())('market players and their shops elsewhere, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  let merchantId = '';
  // 7 Dec 2026, 10:00 in Shanghai: November's reports are due by 10 December.
  const clock = manualClock('2026-12-07T02:00:00.000Z');

  const call = (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { ...(who ? as[who] : {}), ...headers }, payload: payload as object });
  const events = async (type: string, aggregateId: string) =>
    (await sql<{ payload: string; aggregate: string }>`select payload, aggregate from kernel_events where type = ${type} and aggregate_id = ${aggregateId} order by id`.execute(t.database.db)).rows.map((r) => ({ aggregate: r.aggregate, payload: JSON.parse(r.payload) }));
  const player = (over: Record<string, unknown> = {}) => ({ name: '鲁甸县测试花椒专业合作社', kind: 'cooperative', creditCode: creditCode(), contactName: '马建国', contactPhone: '13987001234', townshipCode: LEHONG, villageCode: LEHONG_VILLAGE, ...over });
  const register = async (over: Record<string, unknown> = {}, who = 'county') => {
    const res = await call(who, 'POST', '/players/players', player(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const openShop = async (playerId: string, over: Record<string, unknown> = {}) => {
    const res = await call('county', 'POST', `/players/players/${playerId}/shops`, { platform: 'taobao', name: `乐红花椒旗舰店${++serial}`, url: 'https://shop.taobao.com/ld', openedOn: '2024-03-15', ...over });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const report = async (shopId: string, month: string, salesFen: number, orders = 100, produceFen = 0, who = 'county', headers: Record<string, string> = {}) =>
    call(who, 'POST', '/players/reports', { shopId, month, salesFen, orders, produceFen }, headers);

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    for (const who of ['county', 'township', 'merchant', 'regulator', 'village', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
    merchantId = (await call('merchant', 'GET', '/auth/me')).json().id;
  }, 120_000);
  afterAll(() => t?.close());

  it('has demo players with two years of monthly reports up to last month, growing, a few late, one implausible, some missing', async () => {
    const demo = (await call('county', 'GET', '/players/players?limit=500')).json().items.filter((p: { isDemo: boolean }) => p.isDemo);
    expect(demo.length).toBe(15);
    expect(new Set(demo.map((p: { kind: string }) => p.kind))).toEqual(new Set(['enterprise', 'service_firm', 'cooperative', 'trader', 'individual']));
    const lvyuan = demo.find((p: { name: string }) => p.name === '云南鲁甸绿源农业开发有限公司');
    const months = (await call('county', 'GET', `/players/players/${lvyuan.id}/months`)).json().months as { month: string; salesFen: number }[];
    expect(months.length).toBe(24);
    expect(months.at(-1)!.month).toBe('2026-11');
    const year = (list: typeof months) => list.reduce((a, m) => a + m.salesFen, 0);
    // Several million yuan a year, and growing.
    expect(year(months.slice(12))).toBeGreaterThan(600_000_000);
    expect(year(months.slice(12)) / year(months.slice(0, 12))).toBeGreaterThan(1.15);
    // Apples sell in the autumn.
    const october = months.find((m) => m.month === '2026-10')!.salesFen;
    const april = months.find((m) => m.month === '2026-04')!.salesFen;
    expect(october).toBeGreaterThan(april * 4);
    const flagged = (await call('county', 'GET', '/players/reports?flagged=true&limit=500')).json().items as { late: boolean; implausible: boolean; shopName: string }[];
    expect(flagged.filter((r) => r.implausible).map((r) => r.shopName)).toEqual(['江底山核桃']);
    expect(flagged.filter((r) => r.late).length).toBeGreaterThanOrEqual(3);
    const missing = (await call('county', 'GET', '/players/reports/missing?limit=500')).json().items.map((s: { name: string }) => s.name);
    expect(missing).toEqual(expect.arrayContaining(['江底山核桃', '兴农农资社区团购', '春梅花椒小铺']));
    expect(missing).not.toContain('龙头山苹果微店');
  });

  it('registers a player with its place by name, publishes it whole, and refuses a second one with the same credit code', async () => {
    const input = player({ notes: '2019 年成立' });
    const res = await call('county', 'POST', '/players/players', input);
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json();
    expect(made).toEqual({
      id: expect.stringMatching(/^ply_/),
      name: '鲁甸县测试花椒专业合作社',
      kind: 'cooperative',
      creditCode: input.creditCode,
      contactName: '马建国',
      contactPhone: '13987001234',
      townshipCode: LEHONG,
      townshipName: '乐红镇',
      villageCode: LEHONG_VILLAGE,
      villageName: '乐红村',
      ownerUserId: null,
      notes: '2019 年成立',
      shopCount: 0,
      isDemo: false,
      createdAt: '2026-12-07T02:00:00.000Z',
      updatedAt: '2026-12-07T02:00:00.000Z',
    });
    expect(await events('players.player-registered', made.id)).toEqual([
      { aggregate: 'player', payload: { playerId: made.id, name: '鲁甸县测试花椒专业合作社', kind: 'cooperative', townshipCode: LEHONG, villageCode: LEHONG_VILLAGE, registeredAt: '2026-12-07T02:00:00.000Z' } },
    ]);
    const again = await call('county', 'POST', '/players/players', { ...player(), creditCode: input.creditCode });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'PLAYER_EXISTS', details: { field: 'body.creditCode' } });
  });

  it('refuses a credit code whose check character is wrong, and a village outside the township', async () => {
    const good = creditCode();
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await call('county', 'POST', '/players/players', player({ creditCode: wrong }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'CREDIT_CODE_INVALID', details: { field: 'body.creditCode' } });
    expect(res.json().error.message).toContain('统一社会信用代码有误');
    const elsewhere = await call('county', 'POST', '/players/players', player({ townshipCode: WENPING }));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.details).toEqual({ field: 'body.villageCode' });
  });

  it('lets a township register only in its own township, and see only its own players', async () => {
    const own = await register({}, 'township');
    expect(own.townshipName).toBe('乐红镇');
    const other = await call('township', 'POST', '/players/players', player({ townshipCode: WENPING, villageCode: null }));
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details).toEqual({ field: 'body.townshipCode' });
    const wenping = await register({ townshipCode: WENPING, villageCode: null, name: '云南文屏电商服务有限公司', kind: 'service_firm' });
    const listed = (await call('township', 'GET', '/players/players?limit=500')).json().items.map((p: { id: string }) => p.id);
    expect(listed).toContain(own.id);
    expect(listed).not.toContain(wenping.id);
    expect((await call('township', 'GET', `/players/players/${wenping.id}`)).statusCode).toBe(404);
    expect((await call('village', 'GET', '/players/players')).statusCode).toBe(403);
    expect((await call('consumer', 'GET', '/players/players')).statusCode).toBe(403);
  });

  it('keeps the contact phone sealed at rest and shows it whole only to the county office and the owner account', async () => {
    const made = await register({ ownerUserId: merchantId, contactPhone: '13911112222' });
    const stored = (await sql<{ contact_phone_sealed: string; contact_phone_masked: string }>`select contact_phone_sealed, contact_phone_masked from players_players where id = ${made.id}`.execute(t.database.db)).rows[0];
    expect(stored.contact_phone_sealed).not.toContain('13911112222');
    expect(stored.contact_phone_masked).toBe('139****2222');
    const phoneOf = async (who: string) => (await call(who, 'GET', `/players/players/${made.id}`)).json().contactPhone;
    expect(await phoneOf('county')).toBe('13911112222');
    expect(await phoneOf('merchant')).toBe('13911112222');
    expect(await phoneOf('regulator')).toBe('139****2222');
    expect(await phoneOf('township')).toBe('139****2222');
  });

  it('records shops with an http(s) address only and publishes each opening', async () => {
    const p = await register();
    const bad = await call('county', 'POST', `/players/players/${p.id}/shops`, { platform: 'jd', name: '京东店', url: 'javascript:alert(1)', openedOn: '2024-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual({ field: 'body.url' });
    const shop = await openShop(p.id, { platform: 'douyin', name: '乐红花椒抖音小店' });
    expect(shop).toEqual({ id: expect.stringMatching(/^shp_/), playerId: p.id, playerName: p.name, platform: 'douyin', platformName: '抖音', name: '乐红花椒抖音小店', url: 'https://shop.taobao.com/ld', openedOn: '2024-03-15', status: 'operating', closedOn: null, lastReportedMonth: null });
    expect(await events('players.shop-opened', shop.id)).toEqual([{ aggregate: 'shop', payload: { shopId: shop.id, playerId: p.id, platform: 'douyin', openedOn: '2024-03-15', townshipCode: LEHONG } }]);
    const twice = await call('county', 'POST', `/players/players/${p.id}/shops`, { platform: 'douyin', name: '乐红花椒抖音小店', openedOn: '2024-03-15' });
    expect(twice.statusCode).toBe(409);
    expect((await call('county', 'GET', `/players/players/${p.id}`)).json().shops.map((s: { name: string }) => s.name)).toEqual(['乐红花椒抖音小店']);
  });

  it('takes a month once ended and after the shop opened; a second report is a correction that replaces the first, history kept', async () => {
    const p = await register();
    const shop = await openShop(p.id);
    expect((await report(shop.id, '2026-12', 1000)).json().error.details).toEqual({ field: 'body.month' });
    expect((await report(shop.id, '2024-02', 1000)).statusCode).toBe(400);
    expect((await report(shop.id, '2026-11', 2000, 10, 3000)).json().error.details).toEqual({ field: 'body.produceFen' });
    const first = await report(shop.id, '2026-11', 1_234_56, 80, 1_000_00);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ month: '2026-11', version: 1, current: true, salesFen: 123456, orders: 80, produceFen: 100000, source: 'form', reportedBy: '县工科局 电商办', late: false, implausible: false, flags: [] });
    clock.advance(60_000);
    const second = (await report(shop.id, '2026-11', 1_300_00, 82, 1_100_00)).json();
    expect(second).toMatchObject({ version: 2, current: true, salesFen: 130000 });
    const current = (await call('county', 'GET', `/players/reports?shopId=${shop.id}`)).json().items;
    expect(current.map((r: { version: number }) => r.version)).toEqual([2]);
    const history = (await call('county', 'GET', `/players/reports?shopId=${shop.id}&history=true`)).json().items;
    expect(history.map((r: { version: number; current: boolean }) => [r.version, r.current])).toEqual([[2, true], [1, false]]);
    const published = await events('players.shop-month-reported', shop.id);
    expect(published).toEqual([
      { aggregate: 'shop', payload: { reportId: first.json().id, shopId: shop.id, playerId: p.id, platform: 'taobao', month: '2026-11', salesFen: 123456, orders: 80, produceFen: 100000, townshipCode: LEHONG, villageCode: LEHONG_VILLAGE, version: 1, reportedAt: '2026-12-07T02:00:00.000Z', source: 'form' } },
      { aggregate: 'shop', payload: { reportId: second.id, shopId: shop.id, playerId: p.id, platform: 'taobao', month: '2026-11', salesFen: 130000, orders: 82, produceFen: 110000, townshipCode: LEHONG, villageCode: LEHONG_VILLAGE, version: 2, reportedAt: '2026-12-07T02:01:00.000Z', source: 'form' } },
    ]);
    const months = (await call('county', 'GET', `/players/players/${p.id}/months`)).json().months;
    expect(months).toEqual([{ month: '2026-11', salesFen: 130000, orders: 82, produceFen: 110000 }]);
  });

  it('flags late and implausible reports with reasons in Chinese; they count, and the county marks them reviewed', async () => {
    const p = await register();
    const shop = await openShop(p.id);
    const earlier: string[] = [];
    for (const [month, fen] of [['2026-06', 100_000], ['2026-07', 120_000], ['2026-08', 110_000]] as const) earlier.unshift((await report(shop.id, month, fen, 50)).json().id);
    const late = (await report(shop.id, '2026-09', 100_000, 50)).json();
    expect(late.late).toBe(true);
    expect(late.flags).toEqual([{ code: 'late', message: '迟报：2026-09 的月报应在 2026-10-10 前报送' }]);
    const jump = (await report(shop.id, '2026-11', 900_000, 0)).json();
    expect(jump).toMatchObject({ late: false, implausible: true });
    expect(jump.flags.map((f: { message: string }) => f.message)).toEqual(['销售额 ¥9,000 超过前 4 个月中位数 ¥1,050 的 5 倍', '有销售额但订单数为 0']);
    const flagged = (await call('county', 'GET', `/players/reports?flagged=true&playerId=${p.id}`)).json().items.map((r: { id: string }) => r.id);
    // Months reported in December are late too, June to September.
    expect(flagged).toEqual([jump.id, late.id, ...earlier]);
    expect((await call('township', 'POST', `/players/reports/${jump.id}/review`, { note: '已电话核实' })).statusCode).toBe(403);
    const reviewed = (await call('county', 'POST', `/players/reports/${jump.id}/review`, { note: '双十一活动，已电话核实' })).json();
    expect(reviewed).toMatchObject({ reviewedBy: '县工科局 电商办', reviewNote: '双十一活动，已电话核实', implausible: true });
    expect((await call('county', 'GET', `/players/reports?flagged=true&reviewed=false&playerId=${p.id}`)).json().items.map((r: { id: string }) => r.id)).toEqual([late.id, ...earlier]);
    expect((await call('county', 'GET', `/players/players/${p.id}/months`)).json().months.at(-1)).toEqual({ month: '2026-11', salesFen: 900_000, orders: 0, produceFen: 0 });
  });

  it("lists operating shops with no report for last month", async () => {
    const p = await register();
    const reported = await openShop(p.id);
    const silent = await openShop(p.id);
    const closed = await openShop(p.id);
    await report(reported.id, '2026-11', 50_000, 20);
    expect((await call('county', 'POST', `/players/shops/${closed.id}/close`, { closedOn: '2026-10-31' })).statusCode).toBe(200);
    const missing = (await call('county', 'GET', '/players/reports/missing?limit=500')).json();
    expect(missing.month).toBe('2026-11');
    const ids = missing.items.map((s: { id: string }) => s.id);
    expect(ids).toContain(silent.id);
    expect(ids).not.toContain(reported.id);
    expect(ids).not.toContain(closed.id);
  });

  it('imports a file all or nothing: every bad row is named by row and column, and a fixed file goes in whole', async () => {
    const p = await register();
    const a = await openShop(p.id, { platform: 'pdd', name: '乐红青花椒拼多多店' });
    const b = await openShop(p.id, { platform: 'jd', name: '乐红青花椒京东店' });
    await report(b.id, '2026-10', 70_000, 30);
    const countReports = async () => Number((await sql<{ n: number }>`select count(*) as n from players_reports where player_id = ${p.id}`.execute(t.database.db)).rows[0].n);
    const countEvents = async () => (await events('players.shop-month-reported', a.id)).length + (await events('players.shop-month-reported', b.id)).length;
    const before = [await countReports(), await countEvents()];
    const rows = [
      [a.id, '', '', '2026-10', '1234.56', 45, '1000'],
      ['', '京东', '乐红青花椒京东店', '2026-10', '800', 40, ''],
      ['', '拼多多', '乐红青花椒拼多多店', '2026-11', '12.345', 'x', ''],
      ['shp_nope', '', '', '2026年11月', '100', 1, '200'],
    ];
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/players/reports/import', headers: { ...as.county, ...multipart(await workbook(rows)).headers }, payload: multipart(await workbook(rows)).payload });
    expect(refused.statusCode, refused.body).toBe(400);
    const error = refused.json().error;
    expect(error.code).toBe('IMPORT_ROWS_INVALID');
    expect(error.details.rows).toEqual([
      { row: 4, column: '销售额（元）', message: '「12.345」不是金额：应为不小于 0 的数，最多两位小数' },
      { row: 4, column: '订单数', message: '「x」不是订单数：应为不小于 0 的整数' },
      { row: 5, column: '其中农产品（元）', message: '农产品销售额不能大于销售额' },
      { row: 5, column: '店铺编号', message: '没有编号为「shp_nope」的店铺，或不在您的管辖范围' },
    ]);
    expect(error.message).toContain('第 4 行「销售额（元）」');
    expect([await countReports(), await countEvents()]).toEqual(before);

    const fixed = [rows[0], rows[1], ['', '拼多多', '乐红青花椒拼多多店', '2026-11', '12.34', 3, '']];
    const file = multipart(await workbook(fixed));
    const done = await t.app.inject({ method: 'POST', url: '/api/v1/players/reports/import', headers: { ...as.county, ...file.headers }, payload: file.payload });
    expect(done.statusCode, done.body).toBe(201);
    // The two October rows arrive after 10 November: late, flagged, imported all the same.
    expect(done.json()).toEqual({ imported: 3, corrections: 1, flagged: 2 });
    const current = (await call('county', 'GET', `/players/reports?playerId=${p.id}`)).json().items;
    expect(current.map((r: { shopName: string; month: string; salesFen: number; version: number; source: string }) => [r.shopName, r.month, r.salesFen, r.version, r.source]).sort()).toEqual([
      ['乐红青花椒京东店', '2026-10', 80000, 2, 'import'],
      ['乐红青花椒拼多多店', '2026-10', 123456, 1, 'import'],
      ['乐红青花椒拼多多店', '2026-11', 1234, 1, 'import'],
    ]);
  });

  it('refuses a file over 5 000 rows with a clear 413 (as a manifest over its limit), and gives a template with the caller’s shops', async () => {
    const rows = Array.from({ length: 5001 }, () => ['shp_x', '', '', '2026-11', '1', 1, '']);
    const file = multipart(await workbook(rows));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/players/reports/import', headers: { ...as.county, ...file.headers }, payload: file.payload });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'TOO_MANY_ROWS', details: { field: 'file', limit: 5000 } });
    const template = await call('township', 'GET', '/players/reports/template.xlsx');
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['月报', '店铺清单']);
    expect((book.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(['店铺编号', '平台', '店铺名', '月份', '销售额（元）', '订单数', '其中农产品（元）']);
    expect(book.worksheets[1].rowCount).toBeGreaterThan(1);
  });

  it('takes a report from a machine client with an API token once per Idempotency-Key, as source api, for the merchant’s own player only', async () => {
    const own = await register({ ownerUserId: merchantId });
    const shop = await openShop(own.id);
    const other = await openShop((await register()).id);
    const token = (await call('merchant', 'POST', '/identity/tokens', { name: '店铺 ERP' })).json().token;
    const bearer = { authorization: `Bearer ${token}`, 'idempotency-key': `erp-${engine}-1` };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/players/reports', headers: bearer, payload: { shopId: shop.id, month: '2026-11', salesFen: 88_000, orders: 12, produceFen: 80_000 } });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ source: 'api', version: 1 });
    const replay = await t.app.inject({ method: 'POST', url: '/api/v1/players/reports', headers: bearer, payload: { shopId: shop.id, month: '2026-11', salesFen: 88_000, orders: 12, produceFen: 80_000 } });
    expect(replay.json().id).toBe(first.json().id);
    expect((await events('players.shop-month-reported', shop.id)).map((e) => e.payload.source)).toEqual(['api']);
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/v1/players/reports', headers: { authorization: `Bearer ${token}` }, payload: { shopId: other.id, month: '2026-11', salesFen: 1, orders: 1, produceFen: 0 } });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.details).toEqual({ field: 'body.shopId' });
    expect((await call('regulator', 'POST', '/players/reports', { shopId: shop.id, month: '2026-10', salesFen: 1, orders: 1, produceFen: 0 })).statusCode).toBe(403);
  });
});
