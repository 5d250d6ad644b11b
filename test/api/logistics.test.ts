import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { buildTestApp, engines, manualClock, signIn, TEST_KUAIDI100_SALT, type TestApp } from '../helpers.js';

const HOUR = 3600_000;
const LEHONG_POINT = 'site_ld6_530621110205';
const BABAO_POINT = 'site_ld6_530621103204';

type Headers = { cookie: string };
let serial = 0;
const waybill = (prefix = 'ZT') => `${prefix}${Date.now().toString().slice(-6)}${String(++serial).padStart(4, '0')}`;
const eventId = () => `test-${Date.now().toString(36)}-${++serial}`;

function multipart(fileName: string, content: Buffer, type: string) {
  const boundary = '----countyhub' + serial++;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(engines())('rural logistics on %s', (engine) => {
  let t: TestApp;
  const clock = manualClock('2026-11-30T00:00:00.000Z');
  const as = {} as Record<'county' | 'courier' | 'township' | 'village' | 'consumer' | 'merchant', Headers>;

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    for (const who of ['county', 'courier', 'township', 'village', 'consumer', 'merchant'] as const) as[who] = await signIn(t.app, `demo.${who}`);
  });
  afterAll(() => t.close());

  const post = (url: string, headers: Headers, payload?: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
  const get = (url: string, headers: Headers | object = {}) => t.app.inject({ url: `/api/v1${url}`, headers: headers as Record<string, string> });
  const manifest = async (parcels: object[], carrier = 'zhongtong') => {
    const res = await post('/logistics/manifests', as.courier, { carrier, parcels });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const parcelOf = async (waybillNo: string, headers: Headers = as.county) => (await get(`/logistics/parcels?waybillNo=${waybillNo}`, headers)).json().items[0];
  const scan = async (body: object, headers: Headers = as.courier) => post('/logistics/scans', headers, { eventId: eventId(), ...body });
  const iso = (ms: number) => new Date(ms).toISOString();

  it('matches manifest addresses to village points and queues the rest for a person', async () => {
    const [a, b, c] = [waybill(), waybill(), waybill()];
    const result = await manifest([
      { waybillNo: a, recipientName: '张三', recipientPhone: '13812345678', address: '云南省昭通市鲁甸县乐红镇乐红村3组' },
      { waybillNo: b, recipientName: '李四', recipientPhone: '13812345679', address: '龙头山镇 八宝 5社' },
      { waybillNo: c, recipientName: '王五', recipientPhone: '13812345670', address: '鲁甸县城 新区 3 栋' },
    ]);
    expect(result).toMatchObject({ total: 3, matched: 2, unmatched: 1 });
    expect(await parcelOf(a)).toMatchObject({ villageName: '乐红村', townshipName: '乐红镇', pointSiteId: LEHONG_POINT, matchState: 'matched', status: 'created' });
    expect(await parcelOf(b)).toMatchObject({ villageName: '八宝村', pointSiteId: BABAO_POINT });

    const queued = (await get('/logistics/parcels?match=unmatched', as.courier)).json().items;
    const waiting = queued.find((p: { waybillNo: string }) => p.waybillNo === c);
    expect(waiting).toBeTruthy();
    const detail = (await get(`/logistics/parcels/${waiting.id}`, as.courier)).json();
    expect(detail.matchNote).toMatch(/no township or village/);
    const assigned = await post(`/logistics/parcels/${waiting.id}/assign`, as.courier, { villageCode: '530621110205' });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ matchState: 'matched', pointSiteId: LEHONG_POINT });
    expect((await get('/logistics/parcels?match=unmatched', as.courier)).json().items.some((p: { waybillNo: string }) => p.waybillNo === c)).toBe(false);
  });

  it('refuses a bad manifest whole, naming the field, and stores nothing of it', async () => {
    const good = waybill();
    const res = await post('/logistics/manifests', as.courier, { carrier: 'yunda', parcels: [{ waybillNo: good, recipientName: '甲', recipientPhone: '13800000001', address: '乐红镇乐红村' }, { waybillNo: waybill(), recipientName: '乙', recipientPhone: '1380000', address: '乐红镇乐红村' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('body.parcels.1.recipientPhone');
    expect(await parcelOf(good)).toBeUndefined();
    const twice = await post('/logistics/manifests', as.courier, { carrier: 'yunda', parcels: [{ waybillNo: good, recipientName: '甲', recipientPhone: '13800000001', address: '乐红镇乐红村' }, { waybillNo: good, recipientName: '甲', recipientPhone: '13800000001', address: '乐红镇乐红村' }] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details.field).toBe('body.parcels.1.waybillNo');
    expect((await post('/logistics/manifests', as.village, { carrier: 'yunda', parcels: [{ waybillNo: waybill(), recipientName: '甲', recipientPhone: '13800000001', address: '乐红镇乐红村' }] })).statusCode).toBe(403);
  });

  it('takes manifests as CSV (UTF-8 or GBK) and Excel files, and lists the bad rows of a bad file', async () => {
    const [a, b] = [waybill('YT'), waybill('YT')];
    const csv = `运单号,收件人,电话,地址,重量(kg)\r\n${a},"马文学",138 0000 1111,"鲁甸县乐红镇乐红村, 5组",1.5\r\n`;
    const upload = (bytes: Buffer, name: string, type: string) => {
      const body = multipart(name, bytes, type);
      return t.app.inject({ method: 'POST', url: '/api/v1/logistics/manifests/upload?carrier=yuantong', headers: { ...as.courier, ...body.headers }, payload: body.payload });
    };
    const utf8 = await upload(Buffer.from('\uFEFF' + csv), 'manifest.csv', 'text/csv');
    expect(utf8.statusCode, utf8.body).toBe(201);
    expect(utf8.json()).toMatchObject({ source: 'csv', total: 1, matched: 1 });
    expect(await parcelOf(a)).toMatchObject({ recipientName: '马文学', weightG: 1500, villageName: '乐红村' });

    const gbkText = `运单号,收件人,电话,地址\n${b},陈春梅,13800002222,鲁甸县龙头山镇八宝村\n`;
    const gbkBytes = Buffer.from(iconvGbk(gbkText));
    const fromGbk = await upload(gbkBytes, 'gbk.csv', 'text/csv');
    expect(fromGbk.statusCode, fromGbk.body).toBe(201);
    expect(await parcelOf(b)).toMatchObject({ recipientName: '陈春梅', villageName: '八宝村' });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    const c = waybill('YT');
    sheet.addRow(['运单号', '收件人', '手机', '收件地址']);
    sheet.addRow([c, '罗国平', 13800003333, '鲁甸县小寨镇海子村']);
    const xlsx = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'manifest.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.statusCode, xlsx.body).toBe(201);
    expect(xlsx.json()).toMatchObject({ source: 'xlsx', total: 1 });
    expect(await parcelOf(c)).toMatchObject({ recipientName: '罗国平', villageName: '海子村' });

    const bad = await upload(Buffer.from(`运单号,收件人,电话,地址\n${waybill()},甲,123,鲁甸县乐红镇乐红村\nAB,乙,13800004444,鲁甸县乐红镇乐红村\n`), 'bad.csv', 'text/csv');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.rows).toEqual([
      { row: 2, column: '电话', message: expect.any(String) },
      { row: 3, column: '运单号', message: expect.any(String) },
    ]);
    const noColumns = await upload(Buffer.from('a,b\n1,2\n'), 'x.csv', 'text/csv');
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().error.message).toMatch(/运单号/);
  });

  it('refuses garbled manifests (Big5, Latin-1, broken UTF-8, U+FFFD) naming row and column, and stores nothing of them', async () => {
    const upload = (bytes: Buffer) => {
      const body = multipart('manifest.csv', bytes, 'text/csv');
      return t.app.inject({ method: 'POST', url: '/api/v1/logistics/manifests/upload?carrier=yuantong', headers: { ...as.courier, ...body.headers }, payload: body.payload });
    };
    const [a, b, c, d] = [waybill('YT'), waybill('YT'), waybill('YT'), waybill('YT')];
    // 乐红村 in Big5 reads as GB18030 without an error, and once matched a village: the whole file is refused.
    const big5 = await upload(Buffer.concat([Buffer.from(iconvGbk('运单号,收件人,电话,地址\n')), Buffer.from(iconv('big5', `${a},陳春梅,13800002222,魯甸縣樂紅鎮樂紅村\n`))]));
    expect(big5.statusCode).toBe(400);
    expect(big5.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^file: row 2, 收件人: /), details: { field: 'file', encoding: 'gbk', rows: [{ row: 2, column: '收件人' }, { row: 2, column: '地址' }] } });
    const latin1 = await upload(Buffer.from(`waybill,name,phone,address\n${b},Müller,13800002223,Lehong\n`, 'latin1'));
    expect(latin1.statusCode).toBe(400);
    expect(latin1.json().error.details.rows).toEqual([{ row: 2, column: 'name', message: expect.any(String) }]);
    const utf8 = Buffer.from(`运单号,收件人,电话,地址\n${c},马文学,13800002224,鲁甸县乐红镇乐红村\n${d},陈春梅,13800002225,鲁甸县龙头山镇八宝村\n`);
    const cut = utf8.indexOf(Buffer.from('陈'));
    const broken = await upload(Buffer.concat([utf8.subarray(0, cut + 1), utf8.subarray(cut + 2)]));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details.rows).toEqual([{ row: 3, column: '收件人', message: expect.stringMatching(/UTF-8/) }]);
    for (const w of [a, b, c, d]) expect(await parcelOf(w)).toBeUndefined();

    const json = await post('/logistics/manifests', as.courier, { carrier: 'yunda', parcels: [{ waybillNo: a, recipientName: '马文学', recipientPhone: '13800002226', address: '鲁甸县乐红镇\uFFFD红村' }] });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.details.field).toBe('body.parcels.0.address');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('清单').addRow(['运单号', '收件人', '手机', '收件地址']).worksheet.addRow([b, '罗\uFFFD平', 13800003333, '鲁甸县小寨镇海子村']);
    const body = multipart('m.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const xlsx = await t.app.inject({ method: 'POST', url: '/api/v1/logistics/manifests/upload?carrier=yuantong', headers: { ...as.courier, ...body.headers }, payload: body.payload });
    expect(xlsx.json().error.details.rows).toEqual([{ row: 2, column: '收件人', message: expect.stringMatching(/U\+FFFD/) }]);
    expect(await parcelOf(a)).toBeUndefined();
    expect(await parcelOf(b)).toBeUndefined();
    const shipment = await post('/logistics/shipments', as.village, { originSiteId: LEHONG_POINT, description: '花椒\uFFFD 20 斤', recipient: { name: '收件人', phone: '13800002227', address: '昆明市' } });
    expect(shipment.json().error.details.field).toBe('body.description');
  });

  it('stores a retried scan once', async () => {
    const w = waybill();
    await manifest([{ waybillNo: w, recipientName: '张三', recipientPhone: '13812340001', address: '鲁甸县乐红镇乐红村' }]);
    const body = { eventId: eventId(), waybillNo: w, type: 'received_county' };
    const first = await post('/logistics/scans', as.courier, body);
    const again = await post('/logistics/scans', as.courier, body);
    expect(first.json().stored).toBe(true);
    expect(again.statusCode).toBe(201);
    expect(again.json().stored).toBe(false);
    const batch = await post('/logistics/scans/batch', as.courier, { scans: [body, body, { ...body, eventId: eventId(), type: 'sorted' }] });
    expect(batch.json()).toMatchObject({ stored: 1, duplicates: 1 });
    const parcel = await parcelOf(w);
    const events = (await get(`/logistics/parcels/${parcel.id}`, as.courier)).json().events;
    expect(events.filter((e: { eventId: string }) => e.eventId === body.eventId)).toHaveLength(1);
    expect(events).toHaveLength(2);
  });

  it('answers scans sent at once each on its own: a refused one does not refuse the others, a doubled one is stored once', async () => {
    const ws = [waybill(), waybill(), waybill(), waybill()];
    await manifest(ws.map((waybillNo, i) => ({ waybillNo, recipientName: '赵六', recipientPhone: `1381234002${i}`, address: '鲁甸县乐红镇乐红村' })));
    const twice = { eventId: eventId(), waybillNo: ws[0], type: 'received_county' };
    const answers = await Promise.all([
      post('/logistics/scans', as.courier, twice),
      post('/logistics/scans', as.courier, twice),
      ...ws.slice(1).map((waybillNo) => scan({ waybillNo, type: 'received_county' })),
      scan({ waybillNo: ws[1], type: 'sorted', siteId: 'site_nowhere' }),
      scan({ waybillNo: waybill(), type: 'arrived_village' }, as.village),
      scan({ waybillNo: ws[2], type: 'sorted', at: iso(clock.now().getTime() + 2 * HOUR) }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201, 400, 400, 400]);
    expect(answers.slice(0, 2).map((a) => a.json().stored).sort()).toEqual([false, true]);
    expect(answers.slice(5).map((a) => a.json().error.details.field)).toEqual(['body.siteId', 'body.waybillNo', 'body.at']);
    for (const [i, w] of ws.entries()) {
      expect(answers[i + 1].json().parcel.status).toBe('received_county');
      const parcel = await parcelOf(w);
      expect(parcel.status).toBe('received_county');
      expect((await get(`/logistics/parcels/${parcel.id}`, as.courier)).json().events).toHaveLength(1);
    }
  });

  it('places late and out-of-order scans by their time, and keeps a scan that makes no sense as a flagged problem', async () => {
    const w = waybill();
    await manifest([{ waybillNo: w, recipientName: '张三', recipientPhone: '13812340002', address: '鲁甸县乐红镇乐红村' }]);
    const t0 = clock.now().getTime() - 30 * HOUR;
    // The warehouse and the run scan on time; the village point was offline and syncs its arrival later.
    await post('/logistics/scans/batch', as.courier, { scans: [
      { eventId: eventId(), waybillNo: w, type: 'loaded', at: iso(t0 + 3 * HOUR) },
      { eventId: eventId(), waybillNo: w, type: 'received_county', at: iso(t0) },
    ] });
    expect(await parcelOf(w)).toMatchObject({ status: 'loaded', problem: null });
    const arrival = { eventId: eventId(), waybillNo: w, type: 'arrived_village', at: iso(t0 + 6 * HOUR) };
    const sorted = { eventId: eventId(), waybillNo: w, type: 'sorted', at: iso(t0 + 1 * HOUR) };
    expect((await post('/logistics/scans/batch', as.village, { scans: [arrival] })).json()).toMatchObject({ stored: 1, flagged: [] });
    // A scan from the warehouse that was made earlier but arrives last still fits in its place.
    expect((await post('/logistics/scans/batch', as.courier, { scans: [sorted] })).json().flagged).toEqual([]);
    let parcel = await parcelOf(w);
    expect(parcel).toMatchObject({ status: 'arrived_village', receivedAt: iso(t0), arrivedAt: iso(t0 + 6 * HOUR), transitMinutes: 360, onTime: true });

    // Received at the county again after it reached the village: kept, flagged, the parcel's problem; state unchanged.
    const odd = await scan({ waybillNo: w, type: 'received_county', at: iso(t0 + 8 * HOUR) });
    expect(odd.statusCode).toBe(201);
    expect(odd.json().flagged).toMatch(/out of sequence/);
    parcel = await parcelOf(w);
    expect(parcel.status).toBe('arrived_village');
    expect(parcel.problem).toMatch(/out of sequence/);
    const detail = (await get(`/logistics/parcels/${parcel.id}`, as.courier)).json();
    expect(detail.events.map((e: { type: string; flagged: boolean }) => `${e.type}${e.flagged ? '!' : ''}`)).toEqual(['received_county', 'sorted', 'loaded', 'arrived_village', 'received_county!']);
    // A pick-up without the code is refused; a hand-over before arrival would be flagged.
    expect((await scan({ waybillNo: w, type: 'picked_up' }, as.village)).json().error.details.field).toBe('body.pickupCode');
  });

  it('replays a parcel when an earlier scan arrives after a later one, unflagging what now fits', async () => {
    const w = waybill();
    await manifest([{ waybillNo: w, recipientName: '张三', recipientPhone: '13812340003', address: '鲁甸县乐红镇乐红村' }]);
    const t0 = clock.now().getTime() - 20 * HOUR;
    await scan({ waybillNo: w, type: 'received_county', at: iso(t0) });
    // The point's "notified" reaches the server before its "arrived": flagged for now.
    const early = await scan({ waybillNo: w, type: 'notified', at: iso(t0 + 10 * HOUR) }, as.village);
    expect(early.json().flagged).toMatch(/before the parcel arrived/);
    await scan({ waybillNo: w, type: 'arrived_village', at: iso(t0 + 9 * HOUR) }, as.village);
    const parcel = await parcelOf(w);
    expect(parcel).toMatchObject({ status: 'notified', problem: null });
    const events = (await get(`/logistics/parcels/${parcel.id}`, as.courier)).json().events;
    expect(events.every((e: { flagged: boolean }) => !e.flagged)).toBe(true);
  });

  it('keeps a village point to its own parcels and masks phones for everyone but the point and the recipient', async () => {
    const [mine, theirs] = [waybill(), waybill()];
    await manifest([
      { waybillNo: mine, recipientName: '马建华', recipientPhone: '13700137000', address: '鲁甸县乐红镇乐红村' },
      { waybillNo: theirs, recipientName: '陈秀英', recipientPhone: '13812340004', address: '鲁甸县龙头山镇八宝村' },
    ]);
    const seen = (await get('/logistics/parcels?limit=500', as.village)).json().items;
    expect(seen.some((p: { waybillNo: string }) => p.waybillNo === mine)).toBe(true);
    expect(seen.every((p: { pointSiteId: string }) => p.pointSiteId === LEHONG_POINT)).toBe(true);
    const other = await parcelOf(theirs);
    expect((await get(`/logistics/parcels/${other.id}`, as.village)).statusCode).toBe(404);
    expect((await scan({ waybillNo: theirs, type: 'arrived_village' }, as.village)).statusCode).toBe(400);
    expect((await post(`/logistics/parcels/${other.id}/notify`, as.village)).statusCode).toBe(404);
    expect((await get('/logistics/parcels?limit=500', as.township)).json().items.every((p: { townshipCode: string | null }) => p.townshipCode === '530621110')).toBe(true);
    // A station or point scans what happens there: county receipt is the warehouse's.
    expect((await scan({ waybillNo: mine, type: 'received_county' }, as.township)).json().error.details.field).toBe('body.type');
    expect((await scan({ waybillNo: mine, type: 'sorted' }, as.village)).json().error.details.field).toBe('body.type');
    expect((await scan({ waybillNo: mine, type: 'received_county', siteId: 'site_nowhere' })).json().error.details.field).toBe('body.siteId');

    expect((await parcelOf(mine, as.county)).recipientPhone).toBe('137****7000');
    expect((await parcelOf(mine, as.village)).recipientPhone).toBe('13700137000');
    expect((await parcelOf(mine, as.courier)).recipientPhone).toBe('137****7000');
    expect((await get('/logistics/parcels', as.merchant)).json().items).toEqual([]);
  });

  it('hands a parcel over only with its pick-up code, sent to the recipient by SMS', async () => {
    const w = waybill();
    const phone = '13812340005';
    await manifest([{ waybillNo: w, recipientName: '李秀英', recipientPhone: phone, address: '鲁甸县乐红镇乐红村' }]);
    const parcel = await parcelOf(w);
    await scan({ waybillNo: w, type: 'received_county', at: iso(clock.now().getTime() - 5 * HOUR) });
    await scan({ waybillNo: w, type: 'arrived_village' }, as.village);
    const notified = await post(`/logistics/parcels/${parcel.id}/notify`, as.village);
    expect(notified.statusCode, notified.body).toBe(200);
    const [sms] = await t.modules.notify.outbox.sentTo(phone);
    expect(sms.body).toContain('乐红村快递收发点');
    const code = sms.body.match(/取件码(\d{6})/)![1];
    const outbox = (await get(`/notify/outbox?phone=${phone}`, as.county)).json().items;
    expect(outbox[0].phone).toBe('138****0005');
    expect((await get('/notify/outbox', as.village)).statusCode).toBe(403);

    const wrong = await post(`/logistics/parcels/${parcel.id}/pickup`, as.village, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'PICKUP_CODE_WRONG', details: { field: 'body.code' } });
    expect((await parcelOf(w)).status).toBe('notified');
    const right = await post(`/logistics/parcels/${parcel.id}/pickup`, as.village, { code });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json().status).toBe('picked_up');

    // Offline, a wrong code cannot be checked on the phone: it syncs as a problem and hands nothing over.
    const w2 = waybill();
    await manifest([{ waybillNo: w2, recipientName: '李秀英', recipientPhone: phone, address: '鲁甸县乐红镇乐红村' }]);
    await scan({ waybillNo: w2, type: 'arrived_village' }, as.village);
    const p2 = await parcelOf(w2);
    const synced = await post('/logistics/scans/batch', as.village, { scans: [{ eventId: eventId(), parcelId: p2.id, type: 'picked_up', pickupCode: '999999' === p2.pickupCode ? '888888' : '999999' }] });
    expect(synced.statusCode).toBe(200);
    expect(synced.json().flagged).toEqual([expect.objectContaining({ code: 'PICKUP_CODE_WRONG' })]);
    expect(await parcelOf(w2)).toMatchObject({ status: 'arrived_village', problemCode: 'PICKUP_CODE_WRONG' });
  });

  it('gathers every carrier\'s parcels onto a run, signs them over stop by stop, and brings produce back up', async () => {
    const route = await post('/logistics/routes', as.courier, { name: '乐红镇测试线', mode: 'rural_bus', stops: ['site_ld5_530621110', LEHONG_POINT], departures: ['07:00', '13:00'] });
    expect(route.statusCode, route.body).toBe(201);
    const routeId = route.json().id;
    const [a, b, c] = [waybill('ZT'), waybill('YD'), waybill('JT')];
    await manifest([{ waybillNo: a, recipientName: '甲', recipientPhone: '13812341001', address: '鲁甸县乐红镇乐红村' }], 'zhongtong');
    await manifest([{ waybillNo: b, recipientName: '乙', recipientPhone: '13812341002', address: '鲁甸县乐红镇乐红村' }], 'yunda');
    await manifest([{ waybillNo: c, recipientName: '丙', recipientPhone: '13812341003', address: '鲁甸县乐红镇施初村' }], 'jtexpress');
    for (const w of [a, b, c]) await scan({ waybillNo: w, type: 'sorted', at: iso(clock.now().getTime() - HOUR) });
    const shipment = await post('/logistics/shipments', as.village, { originSiteId: LEHONG_POINT, description: '青花椒 10 斤', weightG: 5000, recipient: { name: '陈买家', phone: '13600136000', address: '昆明市盘龙区北京路 88 号' } });
    expect(shipment.statusCode, shipment.body).toBe(201);
    expect((await post('/logistics/shipments', as.village, { originSiteId: BABAO_POINT, description: '苹果', recipient: { name: '甲', phone: '13600136000', address: '昆明' } })).json().error.details.field).toBe('body.originSiteId');

    const date = '2026-12-01';
    const created = await post('/logistics/runs', as.courier, { routeId, date, departure: '13:00', driver: '马师傅' });
    expect(created.statusCode, created.body).toBe(201);
    const run = created.json();
    expect(run.departsAt).toBe('2026-12-01T05:00:00.000Z');
    expect(run.byCarrier.map((x: { carrier: string }) => x.carrier).sort()).toEqual(expect.arrayContaining(['jtexpress', 'yunda', 'zhongtong']));
    const [transfer, point] = run.stops;
    expect(point.dropOff.map((p: { waybillNo: string }) => p.waybillNo)).toEqual(expect.arrayContaining([a, b]));
    expect(transfer.dropOff.map((p: { waybillNo: string }) => p.waybillNo)).toContain(c);
    expect(point.pickUp.map((p: { id: string }) => p.id)).toEqual([shipment.json().id]);
    expect((await post('/logistics/runs', as.courier, { routeId, date, departure: '13:00' })).json().error.code).toBe('RUN_EXISTS');
    expect((await post('/logistics/runs', as.village, { routeId, date })).statusCode).toBe(403);
    expect((await post('/logistics/runs', as.courier, { routeId, date, departure: '09:00' })).json().error.details.field).toBe('body.departure');

    await post(`/logistics/runs/${run.id}/depart`, as.courier, {});
    expect((await parcelOf(a)).status).toBe('loaded');
    const atTransfer = await post(`/logistics/runs/${run.id}/stops/site_ld5_530621110/handover`, as.township, { signedBy: '中转站 李明' });
    expect(atTransfer.statusCode, atTransfer.body).toBe(200);
    expect((await parcelOf(c)).status).toBe('arrived_village');
    expect((await parcelOf(a)).status).toBe('arrived_township');
    expect((await post(`/logistics/runs/${run.id}/stops/${LEHONG_POINT}/handover`, as.township, { signedBy: '乐红村' })).statusCode).toBe(200);
    expect((await post(`/logistics/runs/${run.id}/stops/${LEHONG_POINT}/handover`, as.village, { signedBy: '再签' })).json().error.code).toBe('STOP_SIGNED');
    expect((await parcelOf(a)).status).toBe('arrived_village');
    const done = await post(`/logistics/runs/${run.id}/complete`, as.courier, {});
    expect(done.json()).toMatchObject({ status: 'completed' });
    expect(done.json().stops[1]).toMatchObject({ signedBy: '乐红村', delivered: point.dropOff.length, collected: 1 });

    const up = (await get(`/logistics/parcels/${shipment.json().id}`, as.courier)).json();
    expect(up.status).toBe('received_county');
    const handed = await post(`/logistics/parcels/${up.id}/hand-to-carrier`, as.courier, { carrier: 'ems', waybillNo: 'EM123456789CN' });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({ status: 'handed_to_carrier', carrier: 'ems', waybillNo: 'EM123456789CN' });
    expect((await get('/logistics/runs?date=2026-12-01', as.township)).statusCode).toBe(200);
  });

  it('signs a transfer station after a village without touching what was delivered, and leaves what a run did not deliver for the next', async () => {
    const route = (await post('/logistics/routes', as.courier, { name: '乐红镇回程线', mode: 'county_truck', stops: [LEHONG_POINT, 'site_ld5_530621110', 'site_ld6_530621110201'], departures: ['09:00'] })).json();
    const [mine, transfer, later] = [waybill(), waybill(), waybill()];
    await manifest([
      { waybillNo: mine, recipientName: '甲', recipientPhone: '13812342001', address: '鲁甸县乐红镇乐红村' },
      { waybillNo: transfer, recipientName: '乙', recipientPhone: '13812342002', address: '鲁甸县乐红镇施初村' },
      { waybillNo: later, recipientName: '丙', recipientPhone: '13812342003', address: '鲁甸县乐红镇红布村' },
    ]);
    for (const w of [mine, transfer, later]) await scan({ waybillNo: w, type: 'sorted', at: iso(clock.now().getTime() - HOUR) });
    const run = (await post('/logistics/runs', as.courier, { routeId: route.id, date: '2026-12-02' })).json();
    await post(`/logistics/runs/${run.id}/depart`, as.courier, {});
    await post(`/logistics/runs/${run.id}/stops/${LEHONG_POINT}/handover`, as.courier, { signedBy: '乐红村' });
    await post(`/logistics/runs/${run.id}/stops/site_ld5_530621110/handover`, as.courier, { signedBy: '中转站' });
    expect(await parcelOf(mine)).toMatchObject({ status: 'arrived_village', problem: null });
    expect((await parcelOf(transfer)).status).toBe('arrived_village');
    expect((await parcelOf(later)).status).toBe('arrived_township');
    // The last stop is never reached: the parcel stays on this run's sheet until the next run takes it.
    const back = (await post(`/logistics/runs/${run.id}/complete`, as.courier, {})).json();
    expect(back.parcels).toBe(3);
    const next = (await post('/logistics/runs', as.courier, { routeId: route.id, date: '2026-12-03' })).json();
    expect(next.stops.find((s: { siteId: string }) => s.siteId === 'site_ld6_530621110201').dropOff.map((p: { waybillNo: string }) => p.waybillNo)).toEqual([later]);
    expect(next.stops[1]).toMatchObject({ kind: 'township_transfer', townshipCode: '530621110' });
  });

  it('shows a public timeline by waybill and phone, masked, as a page and in the Kuaidi100 shape', async () => {
    const w = waybill();
    await manifest([{ waybillNo: w, recipientName: '欧阳秀英', recipientPhone: '13812349876', address: '鲁甸县乐红镇乐红村' }]);
    await scan({ waybillNo: w, type: 'received_county', at: iso(clock.now().getTime() - 3 * HOUR) });
    await scan({ waybillNo: w, type: 'arrived_village', siteId: LEHONG_POINT }, as.village);
    const json = await get(`/logistics/track?waybillNo=${w}&phoneLast4=9876`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json()).toMatchObject({ recipient: '欧***', phone: '138****9876', status: 'arrived_village', point: '乐红村快递收发点' });
    expect(json.body).not.toContain('乐红村3组');
    // An answer just given is not given again once the parcel has moved.
    await scan({ waybillNo: w, type: 'notified' }, as.village);
    expect((await get(`/logistics/track?waybillNo=${w}&phoneLast4=9876`)).json()).toMatchObject({ status: 'notified', events: [{ type: 'notified' }, { type: 'arrived_village' }, { type: 'received_county' }] });
    expect((await get(`/logistics/track?waybillNo=${w}&phoneLast4=0000`)).statusCode).toBe(404);
    expect((await get(`/logistics/track?waybillNo=${w}&phoneLast4=12`)).json().error.details.field).toBe('querystring.phoneLast4');
    const k100 = (await get(`/logistics/track/kuaidi100?waybillNo=${w}&phoneLast4=9876`)).json();
    expect(k100).toMatchObject({ nu: w, com: 'zhongtong', state: '501' });
    expect(k100.data[0]).toMatchObject({ status: '501', context: expect.stringContaining('乐红村快递收发点') });

    const page = await t.app.inject({ url: `/track?waybillNo=${w}&phoneLast4=9876` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('已到达村级服务点');
    expect(page.body).not.toContain('13812349876');
    expect(page.body.length).toBeLessThan(8_000);
    expect((await t.app.inject({ url: `/track?waybillNo=${w}&phoneLast4=1111` })).body).toContain('没有找到');

    // Guessing: after 20 misses from one address in ten minutes even the right digits are refused (per waybill, and
    // the wait the answer carries: logistics-guessing.test.ts).
    for (let i = 0; i < 20; i++) await get(`/logistics/track?waybillNo=NOSUCH${String(1000 + i)}&phoneLast4=1234`);
    const refused = await get(`/logistics/track?waybillNo=${w}&phoneLast4=9876`);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('TOO_MANY_LOOKUPS');
    expect((await t.app.inject({ url: `/track?waybillNo=${w}&phoneLast4=9876` })).body).toContain('查询次数过多');
    clock.advance(10 * 60_000);
    expect((await get(`/logistics/track?waybillNo=${w}&phoneLast4=9876`)).statusCode).toBe(200);
    await t.modules.logistics.tracking.purgeMisses();
  });

  it('takes a carrier\'s tracking pushed in the Kuaidi100 shape, once', async () => {
    const w = waybill('YD');
    await manifest([{ waybillNo: w, recipientName: '甲', recipientPhone: '13812341111', address: '鲁甸县乐红镇乐红村' }], 'yunda');
    const push = { lastResult: { nu: w, com: 'yunda', data: [{ time: '2026-11-29 08:10:00', context: '【昆明转运中心】已发出', state: '0' }, { time: '2026-11-28 20:00:00', context: '【广州】已揽收', state: '1' }] } };
    expect((await post('/logistics/kuaidi100/push', as.courier, push)).json()).toMatchObject({ stored: 2, duplicates: 0 });
    expect((await post('/logistics/kuaidi100/push', as.courier, push)).json()).toMatchObject({ stored: 0, duplicates: 2 });
    const events = (await get(`/logistics/parcels/${(await parcelOf(w)).id}`, as.courier)).json().events;
    expect(events.map((e: { type: string; at: string }) => [e.type, e.at])).toEqual([['carrier_update', '2026-11-28T12:00:00.000Z'], ['carrier_update', '2026-11-29T00:10:00.000Z']]);
    const bad = await post('/logistics/kuaidi100/push', as.courier, { lastResult: { nu: w, com: 'yunda', data: [{ time: 'yesterday', context: 'x' }] } });
    expect(bad.json().error.details.field).toBe('body.lastResult.data.0.time');
  });

  it('refuses days and times that do not exist (2026-02-30, 24:00, month 13) wherever logistics takes one, naming the field', async () => {
    const w = waybill('YD');
    await manifest([{ waybillNo: w, recipientName: '甲', recipientPhone: '13812341112', address: '鲁甸县乐红镇乐红村' }], 'yunda');
    for (const [time, field] of [['2026-02-30 10:00:00', 'time'], ['2026-11-28 24:00:00', 'time'], ['2026-13-01 10:00:00', 'time'], ['2026-11-28 10:60:00', 'time']]) {
      const res = await post('/logistics/kuaidi100/push', as.courier, { lastResult: { nu: w, com: 'yunda', data: [{ time: '2026-11-28 09:00:00', context: '已揽收', state: '1' }, { time, context: '在途' }] } });
      expect(res.statusCode, time).toBe(400);
      expect(res.json().error.details.field).toBe(`body.lastResult.data.1.${field}`);
    }
    expect((await get(`/logistics/parcels/${(await parcelOf(w)).id}`, as.courier)).json().events).toEqual([]);
    expect((await get('/logistics/promise?from=2026-02-30', as.county)).json().error.details.field).toBe('querystring.from');
    expect((await get('/logistics/runs?date=2026-02-29', as.county)).json().error.details.field).toBe('querystring.date');
    const parcel = await parcelOf(w);
    const pickup = await post(`/logistics/parcels/${parcel.id}/pickup`, as.courier, { code: '123456', at: '2026-11-28T23:59:60Z' });
    expect(pickup.statusCode).toBe(400);
    expect(pickup.json().error.details.field).toBe('body.at');
  });

  it('takes Kuaidi100\'s own signed form push (param + sign), refuses a wrong sign, and answers the query with each event\'s own state', async () => {
    const w = waybill('YD');
    await manifest([{ waybillNo: w, recipientName: '欧阳秀英', recipientPhone: '13812345432', address: '鲁甸县乐红镇乐红村' }], 'yunda');
    const param = JSON.stringify({ status: 'polling', message: '', lastResult: { message: 'ok', state: '5', nu: w, com: 'yunda', data: [
      { time: '2026-11-29 09:00:00', context: '【鲁甸】派件中', state: '5' },
      { time: '2026-11-29 08:10:00', context: '【昆明转运中心】已发出', state: '0' },
      { time: '2026-11-28 20:00:00', context: '【广州】已揽收', state: '1' },
    ] } });
    const sign = createHash('md5').update(param + TEST_KUAIDI100_SALT).digest('hex').toUpperCase();
    const form = (body: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/v1/logistics/kuaidi100/push', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(body).toString() });
    const wrong = await form({ param, sign: createHash('md5').update(param + 'another salt').digest('hex').toUpperCase() });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'BAD_SIGNATURE', details: { field: 'body.sign' } });
    expect((await form({ param })).json().error.details.field).toBe('body.sign');
    // Nothing of a refused push was stored, and JSON pushes still need a signed-in courier.
    expect((await get(`/logistics/parcels/${(await parcelOf(w)).id}`, as.courier)).json().events).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/logistics/kuaidi100/push', payload: { lastResult: { nu: w, com: 'yunda', data: [] } } })).statusCode).toBe(401);

    const taken = await form({ param, sign });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ result: true, returnCode: '200', stored: 3, duplicates: 0 });
    expect((await form({ param, sign: sign.toLowerCase() })).json()).toMatchObject({ stored: 0, duplicates: 3 });
    const badDay = param.replace('2026-11-29 09:00:00', '2026-02-30 09:00:00');
    const refused = await form({ param: badDay, sign: createHash('md5').update(badDay + TEST_KUAIDI100_SALT).digest('hex').toUpperCase() });
    expect(refused.json().error.details.field).toBe('body.param.lastResult.data.0.time');

    const k100 = (await get(`/logistics/track/kuaidi100?waybillNo=${w}&phoneLast4=5432`)).json();
    expect(k100).toMatchObject({ state: '5', data: [{ status: '5', time: '2026-11-29 09:00:00' }, { status: '0' }, { status: '1' }] });
    await scan({ waybillNo: w, type: 'received_county', at: '2026-11-29T10:00:00+08:00' });
    const after = (await get(`/logistics/track/kuaidi100?waybillNo=${w}&phoneLast4=5432`)).json();
    expect(after.state).toBe(after.data[0].status);
    expect(after.data.map((d: { status: string }) => d.status)).toEqual(['0', '5', '0', '1']);
  });

  it('records a parcel scanned before its manifest, and the manifest fills it in', async () => {
    const w = waybill('ST');
    const first = await scan({ waybillNo: w, type: 'received_county', at: iso(clock.now().getTime() - HOUR) });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().parcel).toMatchObject({ matchState: 'no_manifest', status: 'received_county', problemCode: 'NO_MANIFEST' });
    expect((await scan({ waybillNo: w, type: 'sorted' })).json().parcel.problemCode).toBe('NO_MANIFEST');
    expect((await scan({ waybillNo: waybill('ST'), type: 'arrived_village' }, as.village)).statusCode).toBe(400);
    const result = await manifest([{ waybillNo: w, recipientName: '后补', recipientPhone: '13812342222', address: '鲁甸县乐红镇乐红村' }], 'shentong');
    expect(result).toMatchObject({ total: 1, updated: 1 });
    expect(await parcelOf(w)).toMatchObject({ matchState: 'matched', status: 'sorted', carrier: 'shentong', recipientName: '后补', problem: null, problemCode: null });
  });

  it('stores the other parcels of a manifest that also fills in a parcel scanned before it', async () => {
    const [early, a, b] = [waybill('ST'), waybill('ST'), waybill('ST')];
    expect((await scan({ waybillNo: early, type: 'received_county' })).statusCode).toBe(201);
    const result = await manifest(
      [early, a, b].map((waybillNo, i) => ({ waybillNo, recipientName: `收件人${i}`, recipientPhone: `1381234300${i}`, address: '鲁甸县乐红镇乐红村' })),
      'shentong',
    );
    expect(result).toMatchObject({ total: 3, updated: 1 });
    expect(await parcelOf(early)).toMatchObject({ recipientName: '收件人0', status: 'received_county' });
    expect(await parcelOf(a)).toMatchObject({ recipientName: '收件人1', status: 'created' });
    expect(await parcelOf(b)).toMatchObject({ recipientName: '收件人2', status: 'created' });
  });

  it('measures the 48-hour promise and the 36-hour alert to the second, across midnight and time zones', async () => {
    const [exact, overBy20s, overBy1s, watched] = [waybill(), waybill(), waybill(), waybill()];
    await manifest([exact, overBy20s, overBy1s, watched].map((w, i) => ({ waybillNo: w, recipientName: '马文学', recipientPhone: `1381234020${i}`, address: '鲁甸县乐红镇乐红村' })));
    // Received 23:30 on the 20th (Shanghai), arrivals told in UTC: 48 h exactly, 48 h 20 s, 48 h 1 s.
    for (const [w, arrived] of [[exact, '2026-11-22T15:30:00Z'], [overBy20s, '2026-11-22T15:30:20Z'], [overBy1s, '2026-11-22T15:30:01Z']]) {
      await scan({ waybillNo: w, type: 'received_county', at: '2026-11-20T23:30:00+08:00' });
      await scan({ waybillNo: w, type: 'arrived_village', at: arrived }, as.village);
    }
    expect(await parcelOf(exact)).toMatchObject({ onTime: true });
    expect(await parcelOf(overBy20s)).toMatchObject({ onTime: false, transitSeconds: 48 * 3600 + 20 });
    expect(await parcelOf(overBy1s)).toMatchObject({ onTime: false });
    const day = (await get('/logistics/promise?from=2026-11-20&to=2026-11-20', as.county)).json();
    expect(day.daily).toEqual([{ date: '2026-11-20', decided: 3, arrived: 3, onTime: 1, late: 2 }]);
    expect(day.overall).toMatchObject({ decided: 3, onTime: 1, late: 2, averageHours: 48 });

    // The alert: 36 hours to the second after receipt is not yet late; one second more is.
    await scan({ waybillNo: watched, type: 'received_county', at: iso(clock.now().getTime() - 36 * HOUR) });
    const alerted = async () => (await get('/logistics/alerts', as.county)).json().items.some((a: { parcel: { waybillNo: string } }) => a.parcel.waybillNo === watched);
    await t.modules.logistics.promise.raiseAlerts();
    expect(await alerted()).toBe(false);
    clock.advance(1000);
    await t.modules.logistics.promise.raiseAlerts();
    expect(await alerted()).toBe(true);
    await scan({ waybillNo: watched, type: 'arrived_village' }, as.village);
  });

  it('pages every logistics list with limit and cursor, to the last row, none twice', async () => {
    /** Follows nextCursor with a small page; every page answers {items, nextCursor} and no row comes twice. */
    const every = async (url: string, key: (item: Record<string, unknown>) => unknown, limit = 2) => {
      const seen: unknown[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 200; pages++) {
        const res = await get(`${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, as.county);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json();
        expect(Object.keys(page).sort()).toEqual(['items', 'nextCursor']);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map(key));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(new Set(seen).size).toBe(seen.length);
      return seen;
    };
    expect((await every('/logistics/carriers', (c) => c.code)).length).toBe((await get('/logistics/carriers?limit=500')).json().items.length);

    const names = ['分页线|甲', '分页线|乙', '分页线|丙'];
    const routeIds: string[] = [];
    for (const name of names) routeIds.push((await post('/logistics/routes', as.courier, { name, mode: 'rural_bus', stops: [LEHONG_POINT], departures: ['06:00', '06:30'] })).json().id);
    expect(await every('/logistics/routes', (r) => r.id)).toEqual(expect.arrayContaining(routeIds));
    for (const routeId of routeIds) for (const departure of ['06:00', '06:30']) expect((await post('/logistics/runs', as.courier, { routeId, date: '2026-12-05', departure })).statusCode).toBe(201);
    const runs = await every('/logistics/runs?date=2026-12-05', (r) => `${r.departsAt} ${r.id}`);
    expect(runs).toHaveLength(6);
    expect([...runs].sort()).toEqual(runs);

    // More parcels waiting at a point and more alerts than one page holds: all of them come, in order.
    const stale = Array.from({ length: 5 }, () => waybill('PG'));
    await manifest(stale.map((w, i) => ({ waybillNo: w, recipientName: '分页', recipientPhone: `1381234050${i}`, address: '鲁甸县乐红镇乐红村' })));
    for (const w of stale) {
      await scan({ waybillNo: w, type: 'received_county', at: iso(clock.now().getTime() - 6 * 24 * HOUR) });
      const arrived = await scan({ waybillNo: w, type: 'arrived_village', at: iso(clock.now().getTime() - 5 * 24 * HOUR) }, as.village);
      expect(arrived.statusCode, arrived.body).toBe(201);
    }
    const waiting = await every('/logistics/parcels/waiting?days=3', (p) => p.waybillNo);
    expect(waiting).toEqual(expect.arrayContaining(stale));
    const late = Array.from({ length: 5 }, () => waybill('PG'));
    await manifest(late.map((w, i) => ({ waybillNo: w, recipientName: '分页', recipientPhone: `1381234060${i}`, address: '鲁甸县乐红镇乐红村' })));
    for (const w of late) await scan({ waybillNo: w, type: 'received_county', at: iso(clock.now().getTime() - 40 * HOUR) });
    await t.modules.logistics.promise.raiseAlerts();
    expect(await every('/logistics/alerts', (a) => (a.parcel as { waybillNo: string }).waybillNo)).toEqual(expect.arrayContaining(late));
    expect(await every('/logistics/overdue?atRisk=true', (p) => p.waybillNo)).toEqual(expect.arrayContaining(late));
    expect((await get('/logistics/alerts?cursor=bm90LW91cnM', as.county)).json().error.details.field).toBe('querystring.cursor');
    for (const w of late) await scan({ waybillNo: w, type: 'arrived_village' }, as.village);
  });

  it('times the 48-hour promise across midnight and time zones, and lists and alerts the late ones', async () => {
    const [onTime, late, stuck] = [waybill(), waybill(), waybill()];
    await manifest([onTime, late, stuck].map((w, i) => ({ waybillNo: w, recipientName: '马文学', recipientPhone: `1381234010${i}`, address: '鲁甸县乐红镇乐红村' })));
    // Received at 23:30 Shanghai time, told in UTC; arrived two days later at 23:15 Shanghai time: 47 h 45 min.
    await scan({ waybillNo: onTime, type: 'received_county', at: '2026-11-27T15:30:00Z' });
    await scan({ waybillNo: onTime, type: 'arrived_village', at: '2026-11-29T23:15:00+08:00' }, as.village);
    expect(await parcelOf(onTime)).toMatchObject({ transitMinutes: 2865, onTime: true });
    await scan({ waybillNo: late, type: 'received_county', at: '2026-11-27T23:30:00+08:00' });
    await scan({ waybillNo: late, type: 'arrived_village', at: '2026-11-29T15:45:00Z' }, as.village);
    expect(await parcelOf(late)).toMatchObject({ transitMinutes: 2895, onTime: false });

    await scan({ waybillNo: stuck, type: 'received_county', at: iso(clock.now().getTime() - 35 * HOUR) });
    expect(await t.modules.logistics.promise.raiseAlerts()).toBe(0);
    clock.advance(2 * HOUR);
    expect(await t.modules.logistics.promise.raiseAlerts()).toBeGreaterThanOrEqual(1);
    expect(await t.modules.logistics.promise.raiseAlerts()).toBe(0);
    const stuckParcel = await parcelOf(stuck);
    expect((await get('/logistics/alerts', as.county)).json().items.map((a: { parcel: { id: string } }) => a.parcel.id)).toContain(stuckParcel.id);
    expect((await get('/logistics/overdue?atRisk=true', as.county)).json().items.map((p: { id: string }) => p.id)).toContain(stuckParcel.id);
    expect((await get('/logistics/overdue', as.county)).json().items.map((p: { id: string }) => p.id)).not.toContain(stuckParcel.id);
    clock.advance(12 * HOUR);
    // Sessions slide over 12 hours: sign in again after moving the clock on.
    as.county = await signIn(t.app, 'demo.county');
    as.village = await signIn(t.app, 'demo.village');
    expect((await get('/logistics/overdue', as.county)).json().items.map((p: { id: string }) => p.id)).toContain(stuckParcel.id);
    await scan({ waybillNo: stuck, type: 'arrived_village' }, as.village);
    expect((await get('/logistics/alerts', as.county)).json().items.map((a: { parcel: { id: string } }) => a.parcel.id)).not.toContain(stuckParcel.id);

    const summary = (await get('/logistics/promise?from=2026-11-27&to=2026-11-28', as.county)).json();
    const leHong = summary.byTownship.find((s: { key: string }) => s.key === '530621110');
    expect(leHong.onTime).toBeGreaterThanOrEqual(1);
    expect(leHong.arrived - leHong.onTime).toBeGreaterThanOrEqual(1);
    expect((await get('/logistics/promise', as.village)).statusCode).toBe(403);
    expect((await get('/logistics/promise?from=2026-12-01&to=2026-11-01', as.county)).json().error.details.field).toBe('querystring.from');
  });
});

/** GBK bytes of a text, as a spreadsheet on a Chinese Windows PC saves a CSV. */
const iconvGbk = (text: string) => iconv('gbk', text);

/** The bytes of a text in a two-byte legacy encoding (GBK, or Big5 as Taiwan and Hong Kong save files). */
function iconv(label: 'gbk' | 'big5', text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    // Find the two-byte code of the character by searching the table through the decoder.
    const code = codeTable(label).get(ch);
    if (!code) throw new Error(`no ${label} code for ${ch}`);
    out.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(out);
}

const tables = new Map<string, Map<string, number>>();
function codeTable(label: string): Map<string, number> {
  let table = tables.get(label);
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder(label);
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, (hi << 8) | lo);
    }
  }
  tables.set(label, table);
  return table;
}
