import fs from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/kernel/clock.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const POINT = 'site_ld3_530621110205';
const FIXTURES = new URL('../fixtures/epcis2/', import.meta.url);
const example = (name: string) => JSON.parse(fs.readFileSync(new URL(name, FIXTURES), 'utf8'));

/** GS1's schema compiled here, independently of the platform's own validator. */
function gs1Schema() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(new URL('../../src/modules/trace/epcis/EPCIS-JSON-Schema.json', import.meta.url), 'utf8')));
}

// Mid-season, so every record of a test falls in one growing season.
const clock = manualClock('2026-06-15T04:00:00.000Z');
const daysAgo = (n: number) => shanghaiDate(new Date(clock.now().getTime() - n * 86_400_000));
const spray = (occurredOn: string, extra: Record<string, unknown> = {}) => ({
  kind: 'input',
  occurredOn,
  input: { category: 'pesticide', productName: '70%吡虫啉水分散粒剂', registrationNo: 'PD-TEST-1', activeIngredient: '吡虫啉', dose: '10000 倍液', intervalDays: 14, maxUsesPerSeason: 2, ...extra },
});

describe.each(engines())('traceability, on %s', (engine) => {
  let t: TestApp;
  const WHO = ['county', 'merchant', 'village', 'regulator', 'consumer', 'township'] as const;
  const as = {} as Record<(typeof WHO)[number], { cookie: string }>;
  let plotId = '';
  let otherPlotId = '';
  let recallPlotId = '';
  const inject = (who: keyof typeof as | null, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1${url}`, headers: who ? as[who] : {}, payload: payload as object });

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false, clock });
    for (const who of WHO) as[who] = await signIn(t.app, `demo.${who}`);
    // demo.merchant keeps the 乐红 pepper co-op; give it a fresh plot for these tests.
    const producer = (await inject('merchant', 'GET', '/trace/producers')).json().items.find((p: { name: string }) => p.name.includes('乐红青花椒'));
    const base = (await inject('merchant', 'POST', '/trace/bases', { producerId: producer.id, name: '测试基地', divisionCode: '530621110205', areaMu: 10 })).json();
    plotId = (await inject('merchant', 'POST', '/trace/plots', { baseId: base.id, name: '测试地块', crop: 'pepper', variety: '九叶青', areaMu: 5 })).json().id;
    recallPlotId = (await inject('merchant', 'POST', '/trace/plots', { baseId: base.id, name: '召回地块', crop: 'pepper', variety: '九叶青', areaMu: 5 })).json().id;
    otherPlotId = (await inject('regulator', 'GET', '/trace/plots')).json().items.find((p: { producerName: string }) => p.producerName.includes('龙头山')).id;
  }, 120_000);
  afterAll(() => t.close());

  it('refuses a harvest the day before the interval ends, keeps the refusal, and takes it on the day it ends', async () => {
    expect((await inject('merchant', 'POST', `/trace/plots/${plotId}/records`, spray(daysAgo(20)))).statusCode).toBe(201);
    const early = await inject('merchant', 'POST', `/trace/plots/${plotId}/records`, { kind: 'harvest', occurredOn: daysAgo(7), harvest: { quantity: 500, unit: 'kg' } });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('HARVEST_INTERVAL_NOT_KEPT');
    expect(early.json().error.details.field).toBe('body.occurredOn');
    expect(early.json().error.details.breaches[0]).toMatchObject({ appliedOn: daysAgo(20), intervalDays: 14, earliestOn: daysAgo(6) });
    const refusals = (await inject('regulator', 'GET', '/trace/refusals?pending=true')).json().items;
    expect(refusals.map((r: { id: string }) => r.id)).toContain(early.json().error.details.refusalId);
    const plot = (await inject('merchant', 'GET', `/trace/plots/${plotId}`)).json();
    expect(plot.earliestHarvestOn).toBe(daysAgo(6));
    const records = (await inject('merchant', 'GET', `/trace/plots/${plotId}/records`)).json().items;
    expect(records.some((r: { kind: string }) => r.kind === 'harvest')).toBe(false);

    const onTime = await inject('merchant', 'POST', `/trace/plots/${plotId}/records`, { kind: 'harvest', occurredOn: daysAgo(6), harvest: { quantity: 480, unit: 'kg' } });
    expect(onTime.statusCode, onTime.body).toBe(201);
    const { batch } = onTime.json();
    // Township 530621110, the producer's number, the harvest day YYMMDD, serial 01.
    expect(batch.code).toMatch(new RegExp(`^530621110\\d{3}${daysAgo(6).slice(2).replace(/-/g, '')}01$`));
    expect(batch).toMatchObject({ quantity: 480, unit: 'kg', status: 'active', overridden: false, crop: 'pepper' });
  });

  it('keeps the original when a record is corrected, and counts only the correction', async () => {
    const first = (await inject('merchant', 'POST', `/trace/plots/${plotId}/records`, spray(daysAgo(3), { dose: '1000 倍液' }))).json().record;
    const fixed = await inject('merchant', 'POST', `/trace/plots/${plotId}/records`, { ...spray(daysAgo(4), { dose: '10000 倍液' }), corrects: first.id, note: '日期和稀释倍数记错' });
    expect(fixed.statusCode).toBe(201);
    const records = (await inject('merchant', 'GET', `/trace/plots/${plotId}/records`)).json().items as { id: string; correctedBy: string | null; corrects: string | null; occurredOn: string; input?: { dose: string } }[];
    expect(records.find((r) => r.id === first.id)).toMatchObject({ correctedBy: fixed.json().record.id, input: { dose: '1000 倍液' }, occurredOn: daysAgo(3) });
    expect(records.find((r) => r.id === fixed.json().record.id)).toMatchObject({ corrects: first.id, occurredOn: daysAgo(4) });
    // The corrected date is the one that counts for the interval.
    expect((await inject('merchant', 'GET', `/trace/plots/${plotId}`)).json().earliestHarvestOn).toBe(shanghaiDate(new Date(Date.parse(daysAgo(4)) + 14 * 86_400_000)));
    const again = await inject('merchant', 'POST', `/trace/plots/${plotId}/records`, { ...spray(daysAgo(4)), corrects: first.id });
    expect(again.statusCode).toBe(409);
  });

  it('flags a third use of a product whose label allows two', async () => {
    // This season: the spray 20 days ago and the corrected one are two uses already.
    const third = (await inject('merchant', 'POST', `/trace/plots/${plotId}/records`, spray(daysAgo(2)))).json().record;
    expect(third.flags).toEqual([expect.objectContaining({ code: 'MAX_USES_EXCEEDED' })]);
    expect(third.input.useNumber).toBe(3);
  });

  it('names the field of a bad record, and lets only those who keep a plot write to it', async () => {
    const missing = await inject('merchant', 'POST', `/trace/plots/${plotId}/records`, { kind: 'input', occurredOn: daysAgo(1) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.field).toBe('body.input');
    const future = await inject('merchant', 'POST', `/trace/plots/${plotId}/records`, { kind: 'activity', occurredOn: daysAgo(-2), activity: { type: 'pruning' } });
    expect(future.json().error.details.field).toBe('body.occurredOn');
    const noInterval = await inject('merchant', 'POST', `/trace/plots/${plotId}/records`, spray(daysAgo(1), { intervalDays: undefined }));
    expect(noInterval.json().error.details.field).toBe('body.input.intervalDays');
    // Another co-op's plot does not exist for this merchant; regulators read but do not write.
    expect((await inject('merchant', 'POST', `/trace/plots/${otherPlotId}/records`, { kind: 'activity', occurredOn: daysAgo(1), activity: { type: 'pruning' } })).statusCode).toBe(404);
    expect((await inject('regulator', 'POST', `/trace/plots/${plotId}/records`, { kind: 'activity', occurredOn: daysAgo(1), activity: { type: 'pruning' } })).statusCode).toBe(403);
    expect((await inject('village', 'GET', `/trace/plots/${otherPlotId}`)).statusCode).toBe(404);
    expect((await inject('consumer', 'GET', '/trace/plots')).statusCode).toBe(403);
    // The farmer's ID number is masked for everyone.
    const farmer = (await inject('village', 'GET', '/trace/producers')).json().items.find((p: { kind: string }) => p.kind === 'farmer');
    expect(farmer.idNumber).toBe('5306**********105X');
  });

  it('lets a regulator, and only a regulator, override a refused harvest; the reason stays on the record and the batch', async () => {
    const refusal = (await inject('regulator', 'GET', '/trace/refusals?pending=true')).json().items.find((r: { plotName: string }) => r.plotName === '光明二号地');
    expect((await inject('county', 'POST', `/trace/refusals/${refusal.id}/override`, { reason: '检测合格' })).statusCode).toBe(403);
    const done = await inject('regulator', 'POST', `/trace/refusals/${refusal.id}/override`, { reason: '抽检吡虫啉未检出，准予采收' });
    expect(done.statusCode).toBe(200);
    expect(done.json().record.override).toMatchObject({ reason: '抽检吡虫啉未检出，准予采收' });
    expect(done.json().batch.overridden).toBe(true);
    expect((await inject('regulator', 'POST', `/trace/refusals/${refusal.id}/override`, { reason: '再次准予采收' })).statusCode).toBe(409);
    const page = await t.app.inject({ url: new URL(done.json().batch.url).pathname });
    expect(page.body).toContain('抽检吡虫啉未检出，准予采收');
  });

  it('recalls a batch: its stock can no longer be bought, the buyer is notified by SMS and answers, the report lists it', async () => {
    // A new product with nothing on the shelf but this batch.
    const seller = (await inject('merchant', 'GET', '/trace/producers')).json().items.find((p: { name: string }) => p.name.includes('乐红青花椒')).sellerId;
    const product = (await inject('merchant', 'POST', '/catalog/products', { sellerId: seller, categoryId: 'cat_pepper', name: '召回测试花椒', originCode: '530621110205', status: 'listed', skus: [{ spec: '250克', unit: '袋', netWeightG: 250, priceFen: 3000, stock: 0 }] })).json();
    const skuId = product.skus[0].id;
    const harvest = (await inject('merchant', 'POST', `/trace/plots/${recallPlotId}/records`, { kind: 'harvest', occurredOn: daysAgo(0), harvest: { quantity: 20, unit: 'kg' } })).json();
    expect(harvest.batch).not.toBeNull();
    const batchId = harvest.batch.id;
    expect((await inject('merchant', 'POST', `/trace/batches/${batchId}/stock`, { skuId, quantity: 10, gtin: '09506000134353' })).json().error.details.field).toBe('body.gtin');
    const stocked = await inject('merchant', 'POST', `/trace/batches/${batchId}/stock`, { skuId, quantity: 10 });
    expect(stocked.json()).toMatchObject({ stocked: 10, sold: 0, skuId });

    const shipTo = { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道 100 号', divisionCode: '310115' };
    const checkout = (quantity: number) => inject('consumer', 'POST', '/orders/checkout', { items: [{ skuId, quantity }], paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo });
    const order = (await checkout(2)).json().orders[0];
    expect((await inject('village', 'POST', `/orders/${order.id}/cash-received`)).statusCode).toBe(200);
    expect((await inject('merchant', 'GET', `/trace/batches/${batchId}`)).json().sold).toBe(2);
    const forward = (await inject('regulator', 'GET', `/trace/batches/${batchId}/genealogy`)).json().forward;
    expect(forward.orders).toEqual([expect.objectContaining({ orderId: order.id, quantity: 2, buyer: '李*', buyerPhone: '138****8000' })]);

    // The scan page is kept for a few seconds after it is shown; a recall must still show on it at once.
    const before = await t.app.inject({ url: new URL(harvest.batch.url).pathname });
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain('本批次已被召回');
    expect((await inject('merchant', 'POST', '/trace/recalls', { batchIds: [batchId], reason: '抽检铅超标' })).statusCode).toBe(403);
    const recall = await inject('regulator', 'POST', '/trace/recalls', { batchIds: [batchId], reason: '抽检铅超标' });
    expect(recall.statusCode).toBe(201);
    // The paid order had not shipped: the recall cancels and refunds it, so its 2 units are held with the other 8.
    expect(recall.json().counts).toMatchObject({ orders: 1, buyers: 1, notified: 1, frozen: 10 });
    expect((await inject('consumer', 'GET', `/orders/${order.id}`)).json()).toMatchObject({ status: 'refunded', payments: [{ method: 'village_cash', status: 'refunded' }] });
    expect(recall.json().notices[0]).toMatchObject({ orderId: order.id, buyer: '李*', buyerPhone: '138****8000' });

    const refused = await checkout(1);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('STOCK_RECALLED');
    const sms = await t.modules.notify.outbox.sentTo('13800138000');
    expect(sms.map((m) => m.body).join('\n')).toContain(harvest.batch.code);
    expect((await inject('merchant', 'GET', `/trace/batches/${batchId}/certificate.pdf`)).statusCode).toBe(409);
    expect((await t.app.inject({ url: new URL(harvest.batch.url).pathname })).body).toContain('本批次已被召回');

    const notice = (await inject('consumer', 'GET', '/trace/recall-notices/mine')).json().items.find((n: { recallId: string }) => n.recallId === recall.json().id);
    expect(notice).toMatchObject({ orderId: order.id, batchCode: harvest.batch.code, response: null });
    expect((await inject('merchant', 'POST', `/trace/recall-notices/${notice.id}/response`, { response: 'returned' })).statusCode).toBe(404);
    expect((await inject('consumer', 'POST', `/trace/recall-notices/${notice.id}/response`, { response: 'returned', note: '已寄回' })).json().response).toBe('returned');

    const report = await inject('regulator', 'GET', `/trace/recalls/${recall.json().id}/report.xlsx`);
    expect(report.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.rawPayload as never);
    const rows = book.worksheets[2].getSheetValues().flat().join(' ');
    expect(rows).toContain(order.id);
    expect(rows).toContain('已退货');
    expect(rows).not.toContain('13800138000');
  });

  it('exports a batch as EPCIS 2.0 that validates against GS1’s schema', async () => {
    const sold = (await inject('regulator', 'GET', '/trace/batches?limit=100')).json().items.find((b: { sold: number; units: number }) => b.sold > 0 && b.units > 0);
    const res = await inject('regulator', 'GET', `/trace/batches/${sold.id}/epcis`);
    expect(res.headers['content-type']).toContain('application/ld+json');
    const doc = res.json();
    const validate = gs1Schema();
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const steps = doc.epcisBody.eventList.map((e: { type: string; bizStep: string }) => `${e.type}:${e.bizStep}`);
    expect(steps).toEqual(expect.arrayContaining(['ObjectEvent:commissioning', 'ObjectEvent:inspecting', 'TransformationEvent:commissioning', 'TransformationEvent:packing', 'AggregationEvent:packing', 'ObjectEvent:receiving', 'ObjectEvent:shipping']));
    expect(JSON.stringify(doc)).toContain(`/01/09506000134352/10/${sold.code}`);
  });

  it('accepts the standard’s own examples once each, links events naming a batch, and names what is wrong in a bad document', async () => {
    for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.jsonld'))) {
      const first = await inject('merchant', 'POST', '/trace/epcis', example(name));
      expect(first.statusCode, name).toBe(201);
      expect(first.json().accepted, name).toBeGreaterThan(0);
      expect((await inject('merchant', 'POST', '/trace/epcis', example(name))).json(), name).toMatchObject({ accepted: 0 });
    }
    const batch = (await inject('merchant', 'GET', '/trace/batches?limit=1')).json().items[0]; // one it keeps (trace-epcis-links.test.ts)
    const ours = example('Example_9.6.1-ObjectEventWithDigitalLink.jsonld');
    ours.epcisBody.eventList = [{ ...ours.epcisBody.eventList[0], eventID: 'urn:uuid:6b8c0a5e-0000-4000-8000-000000000001', epcList: [batch.url] }];
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/trace/epcis', headers: { ...as.merchant, 'content-type': 'application/ld+json' }, payload: JSON.stringify(ours) })).json()).toMatchObject({ accepted: 1, linked: 1 });
    expect(JSON.stringify((await inject('regulator', 'GET', `/trace/batches/${batch.id}/epcis`)).json())).toContain('urn:uuid:6b8c0a5e-0000-4000-8000-000000000001');

    const bad = example('Example_9.6.1-ObjectEvent.jsonld');
    delete bad.epcisBody.eventList[0].eventTime;
    const res = await inject('merchant', 'POST', '/trace/epcis', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'EPCIS_INVALID', details: { field: 'body.epcisBody.eventList.0.eventTime' } });
    const wrongAction = example('Example_9.6.3-AggregationEvent.jsonld');
    wrongAction.epcisBody.eventList[0].action = 'JUMP';
    expect((await inject('merchant', 'POST', '/trace/epcis', wrongAction)).json().error.message).toMatch(/eventList\.0\.action.*OBSERVE, ADD, DELETE/);
    expect((await inject('consumer', 'POST', '/trace/epcis', example('Example_9.6.2-ObjectEvent.jsonld'))).statusCode).toBe(403);
  });

  it('serves a small public scan page for batch and unit codes, counting unit scans and warning when a code travels', async () => {
    const batch = (await inject('regulator', 'GET', '/trace/batches?limit=100')).json().items.find((b: { units: number; gtin: string | null }) => b.units > 0 && b.gtin);
    const page = await t.app.inject({ url: new URL(batch.url).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body.length).toBeLessThan(30_000);
    for (const text of ['龙头山苹果产销专业合作社', '光明村', '1.8%阿维菌素乳油', '安全间隔期 14 天', '合格 Passed']) expect(page.body).toContain(text);
    expect(page.body).not.toMatch(/<script/);

    const unit = (await inject('regulator', 'GET', `/trace/batches/${batch.id}/packages?level=unit&limit=1`)).json().items[0];
    expect(batch.url).toMatch(new RegExp(`/01/${batch.gtin}/10/${batch.code}$`));
    expect(unit.url).toBe(`${batch.url}/21/${unit.serial}`);
    const path = new URL(unit.url).pathname;
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ url: path, remoteAddress: '10.1.1.7' })).body).not.toContain('可能是仿冒标签');
    for (const ip of ['10.2.1.7', '10.3.1.7', '10.4.1.7']) await t.app.inject({ url: path, remoteAddress: ip });
    const copied = await t.app.inject({ url: `/01/${batch.gtin}/21/${unit.serial}`, remoteAddress: '10.5.1.7' });
    expect(copied.body).toContain('可能是仿冒标签');
    expect(copied.body).toContain('第 7 次查询');
    const counted = (await inject('regulator', 'GET', `/trace/batches/${batch.id}/packages?level=unit&limit=1`)).json().items[0];
    expect(counted).toMatchObject({ scans: 7, places: 5 });
    expect(counted.warning).toMatch(/copied/);
    // Reading the counts wrote them to the database; the next scan of a page shown before counts on from there.
    expect((await t.app.inject({ url: path, remoteAddress: '10.1.1.7' })).body).toContain('第 8 次查询');

    expect((await t.app.inject({ url: '/t/53062111099926010199' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/01/09506000134359/10/${batch.code}` })).statusCode).toBe(404);
    const complaint = await t.app.inject({ method: 'POST', url: `/t/${batch.code}/complaint`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'text=%E6%9E%9C%E5%AD%90%E6%9C%89%E8%99%AB%E7%9C%BC&phone=13800001111' });
    expect(complaint.statusCode).toBe(201);
    expect((await inject('regulator', 'GET', '/trace/complaints')).json().items[0]).toMatchObject({ batchCode: batch.code, text: '果子有虫眼', phone: '138****1111' });
  });

  it('prints certificates and labels as PDFs, and splits and merges batches by what is left', async () => {
    const batch = (await inject('merchant', 'GET', '/trace/batches?limit=100')).json().items.find((b: { status: string; quantityLeft: number }) => b.status === 'active' && b.quantityLeft >= 100);
    for (const url of [`/trace/batches/${batch.id}/certificate.pdf`, `/trace/batches/${batch.id}/labels.pdf?format=a4&copies=30`, `/trace/batches/${batch.id}/labels.pdf?format=thermal&copies=2`]) {
      const res = await inject('merchant', 'GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString(), url).toBe('%PDF-');
    }
    expect((await inject('merchant', 'GET', `/trace/batches/${batch.id}/labels.pdf?level=unit`)).statusCode).toBe(409);
    const tooMuch = await inject('merchant', 'POST', `/trace/batches/${batch.id}/split`, { parts: [{ quantity: batch.quantityLeft + 1 }] });
    expect(tooMuch.json().error.details.field).toBe('body.parts');
    const parts = (await inject('merchant', 'POST', `/trace/batches/${batch.id}/split`, { parts: [{ quantity: 30 }, { quantity: 20 }] })).json().items;
    expect(parts.map((p: { quantity: number }) => p.quantity)).toEqual([30, 20]);
    expect((await inject('merchant', 'GET', `/trace/batches/${batch.id}`)).json().quantityLeft).toBe(batch.quantityLeft - 50);
    const merged = (await inject('merchant', 'POST', '/trace/batches/merge', { batchIds: parts.map((p: { id: string }) => p.id) })).json();
    expect(merged).toMatchObject({ origin: 'merge', quantity: 50 });
    const back = (await inject('merchant', 'GET', `/trace/batches/${merged.id}/genealogy`)).json().backward;
    expect(back.batches.map((b: { id: string }) => b.id)).toEqual(expect.arrayContaining([batch.id, ...parts.map((p: { id: string }) => p.id)]));
    expect(back.inputs.length).toBeGreaterThan(0);
  });
});
