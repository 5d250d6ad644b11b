import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const OWN_POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's
const LEHONG_VILLAGE = '530621110205';

let serial = 0;
const clientId = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`.padEnd(8, '0');
/** A receipt code as the phone makes it (22+ base64url characters). */
const receiptCode = () => `rc${Date.now().toString(36)}${++serial}`.padEnd(24, 'x');

/** 花椒 measurements of each default grade: 特级 (≤10 % water, ≤1 % impurity, ≥95 % open), 一级, and off-grade. */
const SPECIAL = { moisture: 9.5, impurity: 0.8, opening: 96 };
const FIRST = { moisture: 10.5, impurity: 1.5, opening: 92 };
const OFF = { moisture: 15, impurity: 1, opening: 96 };

/**
 * 收购 at the till: grade standards as data (the defaults, a county's new version from a later time, a receipt graded
 * with the version in force when it was made), purchase receipts graded server-side with cash out and stock in by
 * grade, refusals, the public receipt page (有效 / 已作废 / 未找到, limited per address), and a receipt made into a
 * traceability batch once, through trace's own rules.
 */
describe.each(engines())('stations produce intake, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  // 8 Dec 2026, 10:00 in Shanghai.
  const clock = manualClock('2026-12-08T02:00:00.000Z');
  const now = (minutes = 0) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();

  const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, ip?: string) =>
    t.app.inject({ method, url: url.startsWith('/r/') ? url : `/api/v1${url}`, headers: who ? as[who] : {}, payload: payload as object, ...(ip && { remoteAddress: ip }) });
  const ok = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const batch = (records: unknown[], who = 'village', siteId = OWN_POINT) => ok(who, 'POST', '/stations/records/batch', { siteId, records });
  const purchase = (lines: { grossG: number; tareG: number; measurements: Record<string, number> }[], extra: Record<string, unknown> = {}) => ({
    clientId: clientId('buy'),
    type: 'purchase.receipt',
    at: now(-30),
    receiptCode: receiptCode(),
    customer: { name: '张永富', phone: '13908701234' },
    produce: 'pepper',
    lines,
    paidBy: 'cash',
    ...extra,
  });
  const stockOf = async (grade: string) =>
    ((await ok('village', 'GET', `/stations/stock?siteId=${OWN_POINT}`)).items as { kind: string; key: string; grade: string; quantity: number }[]).find((i) => i.kind === 'produce' && i.key === 'pepper' && i.grade === grade)?.quantity ?? 0;

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false, clock });
    for (const who of ['county', 'township', 'village', 'regulator', 'merchant']) as[who] = await signIn(t.app, `demo.${who}`);
  }, 180_000);
  afterAll(() => t?.close());

  it('lists the default standards in force, the same on the desk', async () => {
    const list = await ok('village', 'GET', '/stations/grade-standards');
    expect(list.items.map((s: { produce: string; name: string; version: number; status: string }) => [s.produce, s.name, s.version, s.status])).toEqual([
      ['apple', '苹果', 1, 'in_force'],
      ['pepper', '花椒', 1, 'in_force'],
      ['potato', '马铃薯', 1, 'in_force'],
      ['walnut', '核桃', 1, 'in_force'],
    ]);
    const pepper = list.items.find((s: { produce: string }) => s.produce === 'pepper');
    expect(pepper.grades.map((g: { name: string; priceFenPerKg: number; criteria: { label: string; unit: string; min?: number; max?: number }[] }) => [g.name, g.priceFenPerKg, g.criteria.map((c) => `${c.label}${c.max !== undefined ? '≤' + c.max : '≥' + c.min}${c.unit}`)])).toEqual([
      ['特级', 9000, ['含水率≤10%', '杂质≤1%', '开口率≥95%']],
      ['一级', 7600, ['含水率≤11%', '杂质≤2%', '开口率≥90%']],
      ['二级', 6200, ['含水率≤13%', '杂质≤3%', '开口率≥80%']],
    ]);
    expect(pepper.offGradePriceFenPerKg).toBe(4000);
    const desk = await ok('village', 'GET', `/stations/desk?siteId=${OWN_POINT}`);
    expect(desk.gradeStandards).toEqual(list.items);
  });

  it('grades a receipt on the server: each line its grade, the total paid out of the till in cash, the net weight stocked by grade', async () => {
    const [specialBefore, firstBefore] = [await stockOf('special'), await stockOf('first')];
    const receipt = purchase([
      { grossG: 25_400, tareG: 400, measurements: SPECIAL },
      { grossG: 10_333, tareG: 300, measurements: FIRST },
    ]);
    const { outcomes } = await batch([receipt]);
    expect(outcomes.map((o: { status: string; code: string | null }) => [o.status, o.code])).toEqual([['stored', null]]);
    const record = outcomes[0].record;
    // 25 kg × ¥90 = ¥2 250.00; 10.033 kg × ¥76 = ¥762.508 → ¥762.51
    expect(record).toMatchObject({ type: 'purchase.receipt', service: 'purchase', amountFen: 301_251, feeFen: 0, cashInFen: 0, cashOutFen: 301_251, receiptCode: receipt.receiptCode, customer: { name: '张永富', phoneMasked: '139****1234', poor: false } });
    expect(record.summary).toBe('收购花椒 · 特级 25 kg、一级 10.033 kg · ¥3,012.51');
    expect(record.details).toEqual({
      produce: 'pepper',
      produceName: '花椒',
      standardVersion: 1,
      paidBy: 'cash',
      criteria: [
        { key: 'moisture', label: '含水率', unit: '%' },
        { key: 'impurity', label: '杂质', unit: '%' },
        { key: 'opening', label: '开口率', unit: '%' },
      ],
      lines: [
        { grossG: 25_400, tareG: 400, netG: 25_000, grade: 'special', gradeName: '特级', priceFenPerKg: 9000, amountFen: 225_000, measurements: SPECIAL },
        { grossG: 10_333, tareG: 300, netG: 10_033, grade: 'first', gradeName: '一级', priceFenPerKg: 7600, amountFen: 76_251, measurements: FIRST },
      ],
      byGrade: [
        { grade: 'special', gradeName: '特级', netG: 25_000, amountFen: 225_000 },
        { grade: 'first', gradeName: '一级', netG: 10_033, amountFen: 76_251 },
      ],
      netG: 35_033,
      totalFen: 301_251,
      traceBatch: null,
    });
    expect([await stockOf('special'), await stockOf('first')]).toEqual([specialBefore + 25_000, firstBefore + 10_033]);
    // Paid by transfer: nothing leaves the till.
    const transfer = (await batch([purchase([{ grossG: 2_000, tareG: 0, measurements: OFF }], { paidBy: 'transfer' })])).outcomes[0].record;
    expect([transfer.amountFen, transfer.cashOutFen, transfer.summary]).toEqual([8_000, 0, '收购花椒 · 等外 2 kg · ¥80.00（转账）']);
  });

  it('refuses what grading says no to, naming the line, and stores nothing of it', async () => {
    const before = await stockOf('special');
    const { outcomes } = await batch([
      purchase([{ grossG: 1_000, tareG: 1_000, measurements: SPECIAL }]),
      purchase([{ grossG: 1_000, tareG: 0, measurements: { moisture: 9 } }]),
      purchase([{ grossG: 1_000, tareG: 0, measurements: SPECIAL }], { produce: 'tea' }),
      purchase([{ grossG: 50_000, tareG: 0, measurements: { tuberWeight: 40, damage: 2 } }], { produce: 'potato' }),
      purchase([{ grossG: 1_000, tareG: 0, measurements: SPECIAL }], { standardVersion: 7 }),
    ]);
    expect(outcomes.map((o: { status: string; code: string; message: string }) => [o.status, o.code, o.message])).toEqual([
      ['refused', 'TARE_NOT_BELOW_GROSS', '皮重不能大于或等于毛重'],
      ['refused', 'MEASUREMENT_MISSING', '请填写杂质（%）'],
      ['refused', 'UNKNOWN_REFERENCE', '没有这种农产品的分级标准'],
      ['refused', 'OFF_GRADE_NOT_TAKEN', '这批马铃薯达不到最低等级，本站不收等外品'],
      ['refused', 'UNKNOWN_REFERENCE', '手机上的分级标准版本在收购时还未生效或不存在，请刷新后重新开单'],
    ]);
    expect(await stockOf('special')).toBe(before);
    // A record that does not match its schema refuses the whole batch, naming the field.
    const bad = await call('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [purchase([{ grossG: 1_000, tareG: 0, measurements: SPECIAL }]), purchase([])] });
    expect([bad.statusCode, bad.json().error.details.field]).toEqual([400, 'body.records[1].lines']);
  });

  it('a new version applies from its validFrom: a receipt made before it keeps the old price, even when it arrives later', async () => {
    const apple = (await ok('county', 'GET', '/stations/grade-standards?produce=apple')).items[0];
    const dearer = { name: '苹果', grades: apple.grades.map((g: { priceFenPerKg: number }) => ({ ...g, priceFenPerKg: g.priceFenPerKg + 100 })), offGradePriceFenPerKg: 200, validFrom: now(60), note: '收购季调价' };
    expect((await call('village', 'PUT', '/stations/grade-standards/apple', dearer)).statusCode).toBe(403);
    const past = await call('county', 'PUT', '/stations/grade-standards/apple', { ...dearer, validFrom: now(-1) });
    expect([past.statusCode, past.json().error.details.field]).toEqual([400, 'body.validFrom']);
    const wrong = await call('county', 'PUT', '/stations/grade-standards/apple', { ...dearer, grades: [dearer.grades[1], dearer.grades[0]] });
    expect([wrong.statusCode, wrong.json().error.details.field]).toEqual([400, 'body.grades[1].priceFenPerKg']);
    const saved = await ok('county', 'PUT', '/stations/grade-standards/apple', dearer);
    expect([saved.version, saved.status, saved.validFrom, saved.createdByName, saved.grades[0].priceFenPerKg]).toEqual([2, 'scheduled', dearer.validFrom, expect.any(String), 900]);

    const fruit = { diameter: 88, defect: 1 };
    const appleReceipt = (at: string, extra: Record<string, unknown> = {}) => purchase([{ grossG: 10_000, tareG: 0, measurements: fruit }], { produce: 'apple', at, ...extra });
    const made = appleReceipt(now(-5)); // made offline before the change …
    clock.advance(2 * 60 * 60_000); // … synced two hours later, after it
    const { outcomes } = await batch([made, appleReceipt(now(-1)), appleReceipt(now(-1), { standardVersion: 1 })]);
    expect(outcomes.map((o: { record: { amountFen: number; details: { standardVersion: number } } }) => [o.record.details.standardVersion, o.record.amountFen])).toEqual([
      [1, 8_000],
      [2, 9_000],
      // the phone graded with version 1 (its desk was from before the change): the villager was paid that
      [1, 8_000],
    ]);
    const history = await ok('village', 'GET', '/stations/grade-standards?produce=apple&history=true');
    expect(history.items.map((s: { version: number; status: string }) => [s.version, s.status])).toEqual([
      [1, 'superseded'],
      [2, 'in_force'],
    ]);
    // A version that had not started when the receipt was made is refused.
    const early = await batch([appleReceipt(now(-200), { standardVersion: 2 })]);
    expect(early.outcomes[0].code).toBe('UNKNOWN_REFERENCE');
  });

  it('the receipt page shows 有效, 已作废 once voided, 未找到 for a code never issued, and limits an address trying codes', async () => {
    const receipt = purchase([{ grossG: 5_000, tareG: 0, measurements: SPECIAL }]);
    await batch([receipt]);
    const page = await call(null, 'GET', `/r/${receipt.receiptCode}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const text = page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const shown of ['有效', '乐红村电商服务点', '2026年12月8日', '收购花椒 · 特级 5 kg · ¥450.00', '张**', '特级 5 kg ¥90.00 ¥450.00']) expect(text).toContain(shown);
    expect(page.body).not.toContain('张永富');
    expect(page.body).not.toContain('1234');

    await batch([{ clientId: clientId('void'), type: 'record.void', at: now(), targetClientId: receipt.clientId, reason: '称错了' }]);
    const voided = await call(null, 'GET', `/r/${receipt.receiptCode}`);
    expect([voided.statusCode, voided.body.includes('已作废'), voided.body.includes('有效</span>')]).toEqual([200, true, false]);

    const ip = '203.0.113.77';
    const unknown = await call(null, 'GET', '/r/never-issued-code-0000000000', undefined, ip);
    expect([unknown.statusCode, unknown.body.includes('未找到')]).toEqual([404, true]);
    for (let i = 0; i < 19; i++) expect((await call(null, 'GET', `/r/never-issued-${i}-000000000000000`, undefined, ip)).statusCode).toBe(404);
    const limited = await call(null, 'GET', `/r/${receipt.receiptCode}`, undefined, ip);
    expect([limited.statusCode, Number(limited.headers['retry-after']) > 0, limited.body.includes('查询太频繁')]).toEqual([429, true, true]);
    // Another address is not limited; the hour over, this one may look again.
    expect((await call(null, 'GET', `/r/${receipt.receiptCode}`, undefined, '203.0.113.78')).statusCode).toBe(200);
    clock.advance(61 * 60_000);
    expect((await call(null, 'GET', `/r/${receipt.receiptCode}`, undefined, ip)).statusCode).toBe(200);
  });

  describe('a receipt made into a traceability batch', () => {
    let producerId = '';
    let plotId = '';
    let walnutPlotId = '';
    const today = () => now().slice(0, 10);

    beforeAll(async () => {
      // demo.merchant keeps the 乐红 pepper co-op; it gets a base and plots of its own in 乐红村 for these tests.
      const producer = (await ok('merchant', 'GET', '/trace/producers')).items.find((p: { name: string }) => p.name.includes('乐红青花椒'));
      producerId = producer.id;
      const base = await ok('merchant', 'POST', '/trace/bases', { producerId, name: '收购测试基地', divisionCode: LEHONG_VILLAGE, areaMu: 10 });
      plotId = (await ok('merchant', 'POST', '/trace/plots', { baseId: base.id, name: '收购测试地块', crop: 'pepper', variety: '九叶青', areaMu: 5 })).id;
      walnutPlotId = (await ok('merchant', 'POST', '/trace/plots', { baseId: base.id, name: '核桃地', crop: 'walnut', variety: '云新', areaMu: 3 })).id;
    });

    it('makes the harvest through trace once, shows the batch code on the receipt, and answers a repeat with the same batch', async () => {
      const receipt = purchase([{ grossG: 40_500, tareG: 500, measurements: SPECIAL }], { at: now(-10) });
      const record = (await batch([receipt])).outcomes[0].record;
      const url = `/stations/records/${record.id}/trace-batch`;

      expect((await call('regulator', 'POST', url, { producerId, plotId })).statusCode).toBe(403);
      const crop = await call('county', 'POST', url, { producerId, plotId: walnutPlotId });
      expect([crop.statusCode, crop.json().error.code]).toEqual([422, 'PLOT_CROP_MISMATCH']);

      const first = await call('county', 'POST', url, { producerId, plotId });
      expect(first.statusCode, first.body).toBe(201);
      const made = first.json();
      expect(made).toEqual({ recordId: record.id, batchId: expect.any(String), batchCode: expect.any(String), producerId, plotId, madeAt: now(), madeByName: expect.any(String) });
      const traced = await ok('county', 'GET', `/trace/batches/${made.batchId}`);
      expect([traced.code, traced.quantity, traced.unit, traced.harvestedOn, traced.plotId]).toEqual([made.batchCode, 40, 'kg', record.day, plotId]);

      const again = await call('county', 'POST', url, { producerId, plotId: walnutPlotId });
      expect([again.statusCode, again.json()]).toEqual([200, made]);
      expect((await ok('village', 'GET', `/stations/records/${record.id}`)).details.traceBatch).toEqual({ id: made.batchId, code: made.batchCode });
      expect((await call(null, 'GET', `/r/${receipt.receiptCode}`)).body).toContain(made.batchCode);
      // Once in trace, the receipt stays: a void is refused.
      const voided = await batch([{ clientId: clientId('void'), type: 'record.void', at: now(), targetClientId: receipt.clientId, reason: '称错了' }]);
      expect(voided.outcomes[0].code).toBe('TRACE_BATCH_MADE');
      // Only purchase receipts become batches.
      const rent = (await batch([{ clientId: clientId('loan'), type: 'loan.refer', at: now(), customer: { name: '王德明' }, providerId: (await ok('village', 'GET', '/stations/providers')).items.find((p: { kinds: string[] }) => p.kinds.includes('loan_referral')).id, amountFen: 5_000_000, purpose: '扩种花椒' }])).outcomes[0];
      const notPurchase = await call('county', 'POST', `/stations/records/${rent.recordId}/trace-batch`, { producerId, plotId });
      expect([rent.status, notPurchase.statusCode, notPurchase.json().error.code]).toEqual(['stored', 409, 'NOT_A_PURCHASE_RECEIPT']);
    });

    it('is refused with trace’s reason when the pre-harvest interval is not kept, and can be made once it is', async () => {
      await ok('merchant', 'POST', `/trace/plots/${plotId}/records`, {
        kind: 'input',
        occurredOn: today(),
        input: { category: 'pesticide', productName: '1.8%阿维菌素乳油', registrationNo: 'PD20080123', dose: '30 ml / 15 L', intervalDays: 14 },
      });
      const record = (await batch([purchase([{ grossG: 8_000, tareG: 0, measurements: FIRST }], { at: now() })])).outcomes[0].record;
      const url = `/stations/records/${record.id}/trace-batch`;
      const refused = await call('county', 'POST', url, { producerId, plotId });
      expect([refused.statusCode, refused.json().error.code]).toEqual([422, 'HARVEST_INTERVAL_NOT_KEPT']);
      // Nothing kept of the attempt: the same receipt on a plot without the spray is made.
      const clean = await ok('merchant', 'POST', '/trace/plots', { baseId: (await ok('merchant', 'GET', `/trace/plots/${plotId}`)).baseId, name: '未施药地块', crop: 'pepper', variety: '九叶青', areaMu: 2 });
      const made = await call('county', 'POST', url, { producerId, plotId: clean.id });
      expect([made.statusCode, made.json().plotId]).toEqual([201, clean.id]);
    });

    it('a claim left by a maker that died after trace answered is taken over later on its plot, without a second batch', async () => {
      const record = (await batch([purchase([{ grossG: 6_000, tareG: 0, measurements: FIRST }], { at: now() })])).outcomes[0].record;
      const url = `/stations/records/${record.id}/trace-batch`;
      const plot = await ok('merchant', 'POST', '/trace/plots', { baseId: (await ok('merchant', 'GET', `/trace/plots/${plotId}`)).baseId, name: '中断地块', crop: 'pepper', variety: '九叶青', areaMu: 2 });
      // The dead maker's claim, and the harvest trace made for it before the process died.
      await t.database.db.insertInto('stations_receipt_batches').values({ record_id: record.id, site_id: OWN_POINT, producer_id: producerId, plot_id: plot.id, claimed_at: now(), batch_id: null, batch_code: null, made_at: null, made_by_name: '县管理员' }).execute();
      const harvest = await ok('merchant', 'POST', `/trace/plots/${plot.id}/records`, { kind: 'harvest', occurredOn: record.day, note: `乐红村电商服务点收购：${record.summary}（站点记录 ${record.id}）`, harvest: { quantity: 6, unit: 'kg' } });
      const busy = await call('county', 'POST', url, { producerId, plotId });
      expect([busy.statusCode, busy.json().error.code]).toEqual([409, 'TRACE_BATCH_IN_PROGRESS']);
      clock.advance(3 * 60_000);
      const taken = await call('county', 'POST', url, { producerId, plotId });
      expect([taken.statusCode, taken.json().plotId, taken.json().batchId]).toEqual([201, plot.id, harvest.batch.id]);
    });

    it('is for the receipt’s own site operator or the county: the township’s operator reads the point but records only at its station', async () => {
      const record = (await batch([purchase([{ grossG: 3_000, tareG: 0, measurements: FIRST }], { at: now() })])).outcomes[0].record;
      const url = `/stations/records/${record.id}/trace-batch`;
      const township = await call('township', 'POST', url, { producerId, plotId });
      // demo.township runs 乐红镇: it sees the point's receipt but records only at its station.
      expect(township.statusCode).toBe(403);
      expect((await call('merchant', 'POST', url, { producerId, plotId })).statusCode).toBe(403);
      expect((await call(null, 'POST', url, { producerId, plotId })).statusCode).toBe(401);
      const unknown = await call('county', 'POST', '/stations/records/srec_never/trace-batch', { producerId, plotId });
      expect(unknown.statusCode).toBe(404);
      // demo.village keeps the co-op's records in 乐红村 (trace's own rule), so its point's receipt becomes a batch.
      const clean = await ok('merchant', 'POST', '/trace/plots', { baseId: (await ok('merchant', 'GET', `/trace/plots/${plotId}`)).baseId, name: '村点收购地块', crop: 'pepper', variety: '九叶青', areaMu: 2 });
      const own = await call('village', 'POST', url, { producerId, plotId: clean.id });
      expect([own.statusCode, own.json().batchCode]).toEqual([201, expect.stringMatching(/^\d{20}$/)]);
    });
  });
});
