import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchAudit } from '../../src/kernel/audit.js';
import { shanghaiDate } from '../../src/kernel/clock.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const POINT = 'site_ld3_530621110205';
const clock = manualClock('2026-06-15T04:00:00.000Z');
const daysAgo = (n: number) => shanghaiDate(new Date(clock.now().getTime() - n * 86_400_000));
const spray = (occurredOn: string, extra: Record<string, unknown> = {}) => ({
  kind: 'input',
  occurredOn,
  input: { category: 'pesticide', productName: '1.8%阿维菌素乳油', registrationNo: 'PD-HOLD-1', activeIngredient: '阿维菌素', dose: '3000 倍液', intervalDays: 14, maxUsesPerSeason: 2, ...extra },
});
const labTest = (occurredOn: string, pass: boolean) => ({ kind: 'lab_test', occurredOn, labTest: { laboratory: '鲁甸县农产品质量安全检测站', items: [{ name: '阿维菌素', result: pass ? '<0.01 mg/kg' : '0.08 mg/kg', limit: '≤0.02 mg/kg', pass }] } });
const harvest = (occurredOn: string) => ({ kind: 'harvest', occurredOn, harvest: { quantity: 200, unit: 'kg' } });
const shipTo = { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道 100 号', divisionCode: '310115' };

describe.each(engines())('holding batches that a later record puts in breach, on %s', (engine) => {
  let t: TestApp;
  const as = {} as Record<'county' | 'merchant' | 'regulator' | 'consumer', { cookie: string }>;
  let baseId = '';
  let sellerId = '';
  const inject = (who: keyof typeof as | null, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1${url}`, headers: who ? as[who] : {}, payload: payload as object });
  const newPlot = async (name: string) => (await inject('merchant', 'POST', '/trace/plots', { baseId, name, crop: 'pepper', variety: '九叶青', areaMu: 2 })).json().id as string;
  const record = async (plotId: string, body: unknown) => {
    const res = await inject('merchant', 'POST', `/trace/plots/${plotId}/records`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  /** A plot's harvest put on the shelf as the only stock of a new product. */
  const onSale = async (plotId: string, name: string) => {
    const product = (await inject('merchant', 'POST', '/catalog/products', { sellerId, categoryId: 'cat_pepper', name, originCode: '530621110205', status: 'listed', skus: [{ spec: '250克', unit: '袋', netWeightG: 250, priceFen: 3000, stock: 0 }] })).json();
    const skuId = product.skus[0].id as string;
    const { batch } = await record(plotId, harvest(daysAgo(5)));
    expect((await inject('merchant', 'POST', `/trace/batches/${batch.id}/stock`, { skuId, quantity: 10 })).statusCode).toBe(200);
    return { batch, skuId };
  };
  const checkout = (skuId: string, quantity = 1) => inject('consumer', 'POST', '/orders/checkout', { items: [{ skuId, quantity }], paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo });
  const batch = async (id: string) => (await inject('merchant', 'GET', `/trace/batches/${id}`)).json();
  const publicPage = async (b: { url: string }) => (await t.app.inject({ url: new URL(b.url).pathname })).body;
  const queue = async () => (await inject('regulator', 'GET', '/trace/refusals?pending=true&limit=500')).json().items as { id: string; kind: string; batchId: string | null; findings: { code: string }[]; heldBatches: { id: string; code: string }[]; decision: unknown }[];
  const decide = (id: string, outcome: 'uphold' | 'release', reason: string, who: keyof typeof as = 'regulator') => inject(who, 'POST', `/trace/refusals/${id}/decision`, { outcome, reason });

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false, clock });
    for (const who of ['county', 'merchant', 'regulator', 'consumer'] as const) as[who] = await signIn(t.app, `demo.${who}`);
    const producer = (await inject('merchant', 'GET', '/trace/producers?limit=500')).json().items.find((p: { name: string }) => p.name.includes('乐红青花椒'));
    sellerId = producer.sellerId;
    baseId = (await inject('merchant', 'POST', '/trace/bases', { producerId: producer.id, name: '复核测试基地', divisionCode: '530621110205', areaMu: 10 })).json().id;
  }, 120_000);
  afterAll(() => t.close());

  it('holds a batch, and what was split from it, when a spray inside its interval is recorded after the harvest; the regulator gets it and sales stop', async () => {
    const plotId = await newPlot('补录用药地块');
    const { batch: harvested, skuId } = await onSale(plotId, '补录用药测试花椒');
    const [child] = (await inject('merchant', 'POST', `/trace/batches/${harvested.id}/split`, { parts: [{ quantity: 50 }] })).json().items;
    expect((await checkout(skuId)).statusCode).toBe(201);

    // Sprayed ten days ago with a 14-day interval, harvested five days ago: recorded only now.
    const late = await record(plotId, spray(daysAgo(10)));
    expect(late.record.flags).toEqual([expect.objectContaining({ code: 'INTERVAL_NOT_KEPT' })]);
    expect(await batch(harvested.id)).toMatchObject({ held: true, hold: 'pending', status: 'active' });
    expect(await batch(child.id)).toMatchObject({ held: true, hold: 'pending' });
    const heldList = (await inject('merchant', 'GET', '/trace/batches?status=held&limit=500')).json().items.map((b: { id: string }) => b.id);
    expect(heldList).toEqual(expect.arrayContaining([harvested.id, child.id]));

    const item = (await queue()).find((r) => r.batchId === harvested.id)!;
    expect(item).toMatchObject({ kind: 'hold', decision: null, findings: [expect.objectContaining({ code: 'INTERVAL_NOT_KEPT' })] });
    expect(item.heldBatches.map((b) => b.id).sort()).toEqual([harvested.id, child.id].sort());

    // The nine units left on the shelf are held: nobody can buy them.
    const refused = await checkout(skuId);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('STOCK_RECALLED');
    expect((await inject('merchant', 'POST', `/trace/batches/${harvested.id}/stock`, { skuId, quantity: 1 })).json().error.code).toBe('BATCH_HELD');
    expect((await inject('merchant', 'GET', `/trace/batches/${harvested.id}/certificate.pdf`)).statusCode).toBe(409);
    const page = await publicPage(harvested);
    expect(page).toContain('监管部门复核');
    expect(page).toContain('暂停销售');
  });

  it('holds and queues a batch when a use over the label’s limit or a failed lab test is recorded; a harvest after either is made held', async () => {
    const overPlot = await newPlot('超次数地块');
    await record(overPlot, spray(daysAgo(60)));
    await record(overPlot, spray(daysAgo(50)));
    const { batch: over, skuId: overSku } = await onSale(overPlot, '超次数测试花椒');
    expect((await batch(over.id)).held).toBe(false);
    await record(overPlot, spray(daysAgo(40)));
    expect(await batch(over.id)).toMatchObject({ held: true, hold: 'pending' });
    expect((await queue()).find((r) => r.batchId === over.id)?.findings).toEqual([expect.objectContaining({ code: 'MAX_USES_EXCEEDED' })]);
    expect((await checkout(overSku)).json().error.code).toBe('STOCK_RECALLED');
    // The public page does not alarm with the raw flag while the regulator reviews; it says the batch is under review.
    const page = await publicPage(over);
    expect(page).not.toContain('class="bad">超过标签每季最多使用次数');
    expect(page).toContain('监管部门复核');

    const labPlot = await newPlot('检测不合格地块');
    const { batch: tested } = await onSale(labPlot, '检测测试花椒');
    await record(labPlot, labTest(daysAgo(6), false));
    expect(await batch(tested.id)).toMatchObject({ held: true });
    expect((await queue()).find((r) => r.batchId === tested.id)?.findings).toEqual([expect.objectContaining({ code: 'LAB_TEST_FAILED' })]);

    const failedFirst = await newPlot('先检测后采收地块');
    await record(failedFirst, labTest(daysAgo(20), false));
    const made = await record(failedFirst, harvest(daysAgo(5)));
    expect(made.batch).toMatchObject({ held: true, hold: 'pending' });
    expect((await queue()).find((r) => r.batchId === made.batch.id)?.findings).toEqual([expect.objectContaining({ code: 'LAB_TEST_FAILED' })]);
    // A passing test and a fertiliser hold nothing.
    const clean = await newPlot('合规地块');
    const { batch: fine } = await onSale(clean, '合规测试花椒');
    await record(clean, labTest(daysAgo(6), true));
    await record(clean, { kind: 'input', occurredOn: daysAgo(7), input: { category: 'fertiliser', productName: '复合肥', dose: '每株 0.5 千克' } });
    expect((await batch(fine.id)).held).toBe(false);
  });

  it('lets the regulator, and only the regulator, release a hold with a reason: sales resume and the public page shows the outcome, not the raw flag', async () => {
    const plotId = await newPlot('放行地块');
    await record(plotId, spray(daysAgo(60)));
    await record(plotId, spray(daysAgo(50)));
    const { batch: held, skuId } = await onSale(plotId, '放行测试花椒');
    await record(plotId, spray(daysAgo(40)));
    const item = (await queue()).find((r) => r.batchId === held.id)!;

    expect((await decide(item.id, 'release', '抽检阿维菌素未检出', 'county')).statusCode).toBe(403);
    const short = await decide(item.id, 'release', ' ');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.field).toBe('body.reason');
    const done = await decide(item.id, 'release', '抽检阿维菌素未检出，准予销售');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ decision: { outcome: 'released', reason: '抽检阿维菌素未检出，准予销售' } });
    expect((await decide(item.id, 'uphold', '改为不得销售')).statusCode).toBe(409);
    expect(await batch(held.id)).toMatchObject({ held: false, hold: null });
    expect((await checkout(skuId)).statusCode).toBe(201);
    expect((await queue()).some((r) => r.id === item.id)).toBe(false);

    const page = await publicPage(held);
    expect(page).not.toContain('class="bad">超过标签每季最多使用次数');
    expect(page).toContain('经监管部门复核放行');
    expect(page).toContain('抽检阿维菌素未检出，准予销售');
    const audit = await searchAudit(t.database.db, { entityId: item.id }, 10);
    expect(audit.map((a) => a.action)).toContain('hold.released');
  });

  it('lets the regulator uphold a hold (the batch stays off sale) and a refused harvest (no batch is made)', async () => {
    const plotId = await newPlot('维持地块');
    const { batch: held, skuId } = await onSale(plotId, '维持测试花椒');
    await record(plotId, labTest(daysAgo(6), false));
    const item = (await queue()).find((r) => r.batchId === held.id)!;
    const upheld = await decide(item.id, 'uphold', '复检仍超标，不得销售');
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(upheld.json().decision).toMatchObject({ outcome: 'upheld', reason: '复检仍超标，不得销售' });
    expect(await batch(held.id)).toMatchObject({ held: true, hold: 'upheld' });
    expect((await checkout(skuId)).json().error.code).toBe('STOCK_RECALLED');
    const page = await publicPage(held);
    expect(page).toContain('不得销售');
    expect(page).toContain('复检仍超标，不得销售');

    const refusedPlot = await newPlot('提前采收地块');
    await record(refusedPlot, spray(daysAgo(10)));
    const early = await inject('merchant', 'POST', `/trace/plots/${refusedPlot}/records`, harvest(daysAgo(5)));
    expect(early.json().error.code).toBe('HARVEST_INTERVAL_NOT_KEPT');
    const refusalId = early.json().error.details.refusalId;
    const stands = await decide(refusalId, 'uphold', '间隔期未满，不予采收');
    expect(stands.statusCode, stands.body).toBe(200);
    expect(stands.json()).toMatchObject({ kind: 'harvest', batchId: null, decision: { outcome: 'upheld' } });
    expect((await inject('regulator', 'POST', `/trace/refusals/${refusalId}/override`, { reason: '准予采收' })).statusCode).toBe(409);
    const all = (await inject('regulator', 'GET', '/trace/refusals?limit=500')).json().items;
    expect(all.find((r: { id: string }) => r.id === refusalId).decision.outcome).toBe('upheld');
    const audit = await searchAudit(t.database.db, { entityId: refusalId }, 10);
    expect(audit.map((a) => a.action)).toContain('harvest.refusal_upheld');
  });

  it('gives a held batch’s stock to a recall once, without holding it twice', async () => {
    const plotId = await newPlot('召回复核地块');
    const { batch: held, skuId } = await onSale(plotId, '召回复核测试花椒');
    await record(plotId, labTest(daysAgo(6), false));
    const recall = await inject('regulator', 'POST', '/trace/recalls', { batchIds: [held.id], reason: '检测不合格，召回' });
    expect(recall.statusCode, recall.body).toBe(201);
    expect(recall.json().counts.frozen).toBe(10);
    const item = (await queue()).find((r) => r.batchId === held.id)!;
    expect((await decide(item.id, 'release', '已由召回处理')).statusCode).toBe(200);
    // Ten units on hand, ten held by the recall: none can be sold, and not minus ten.
    const stock = await (t.database.db as import('kysely').Kysely<{ catalog_stock: { sku_id: string; on_hand: number; frozen: number } }>).selectFrom('catalog_stock').select(['on_hand', 'frozen']).where('sku_id', '=', skuId).execute();
    expect(stock.map((s) => [Number(s.on_hand), Number(s.frozen)])).toEqual([[10, 10]]);
    expect((await checkout(skuId)).json().error.code).toBe('STOCK_RECALLED');
  });
});
