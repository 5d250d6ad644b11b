import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/kernel/clock.js';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';
import { pdfPages, pdfText } from './reports-pdf-text.js';

const shipTo = { name: '李明', phone: '13800138000', address: '乐红镇乐红村 3 社', divisionCode: '530621110205' };

async function deliver(t: TestApp): Promise<void> {
  while ((await t.events.runOnce()) > 0);
}

/** 元 with two decimals and thousands separators, as the report writes fen. */
const yuan = (fen: number) => `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

describe.each(engines())('reports on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  const month = shanghaiDate(new Date()).slice(0, 7);
  const year = month.slice(0, 4);

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    for (const who of ['county', 'merchant', 'consumer', 'regulator', 'township']) as[who] = await signIn(t.app, `demo.${who}`);
    const sellerId = (await t.app.inject({ url: '/api/v1/parties/sellers', headers: as.merchant })).json().items[0].id;
    const product = (await t.app.inject({ url: `/api/v1/catalog/manage/products?sellerId=${sellerId}`, headers: as.merchant })).json().items[0];
    await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/skus/${product.skus[0].id}/stock`, headers: as.merchant, payload: { location: 'seller', onHand: 1000 } });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: as.consumer, payload: { items: [{ skuId: product.skus[0].id, quantity: 3 }], paymentMethod: 'online', delivery: 'parcel', shipTo } });
    expect(res.statusCode, res.body).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: res.json().orders[0].payUrl, headers: as.consumer })).statusCode).toBe(200);
    await deliver(t);
    // A person-time of this month as the training module publishes it (the statistics' input, stored as delivered).
    const countedAt = new Date().toISOString();
    await t.modules.stats.rollups.store({
      seq: 9_000_001,
      type: 'training.person-time-counted',
      version: 1,
      aggregateId: 'trn_r1',
      occurredAt: countedAt,
      payload: { personTimeId: 'tpt_r1', traineeId: 'trn_r1', sessionId: 'trs_r1', courseId: null, track: 'sellers', level: 'basic', mode: 'onsite', organiserId: null, townshipCode: '530621110', villageCode: null, poor: true, woman: true, countedAt },
    });
  }, 300_000);
  afterAll(() => t?.close());

  const ask = (kind: string, period: string, key?: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/reports/reports', headers: { ...as.county, ...(key ? { 'idempotency-key': key } : {}) }, payload: { kind, period } });
  const get = (id: string, who = 'county') => t.app.inject({ url: `/api/v1/reports/reports/${id}`, headers: as[who] });

  it('makes a monthly report as a job: queued, then done with one xlsx and one PDF holding the door’s figures', async () => {
    const asked = await ask('month', month);
    expect(asked.statusCode, asked.body).toBe(202);
    const queued = asked.json();
    expect(queued).toMatchObject({ kind: 'month', kindName: '月报', period: month, version: 1, status: 'queued', progress: 0, title: `鲁甸县农村电子商务统计月报（${Number(month.slice(0, 4))}年${Number(month.slice(5))}月）` });
    expect(queued.requestedByName).not.toMatch(/^usr_/);
    const early = await t.app.inject({ url: `/api/v1/reports/reports/${queued.id}/report.pdf`, headers: as.county });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('REPORT_NOT_READY');

    await t.jobs.tick();
    const done = (await get(queued.id)).json();
    expect(done).toMatchObject({ status: 'done', progress: 100, error: null });
    expect(done.files.xlsxBytes).toBeGreaterThan(10_000);
    expect(done.summary).toContain('鲁甸县网络零售额');
    // This month is not over: no change is printed for it, in the summary or the tables.
    expect(done.summary).toContain('本期未结束');
    expect(done.summary).not.toMatch(/同比(增长|下降)|环比(增长|下降)|上年同期无可比数据/);

    const figures = Object.fromEntries((await t.modules.stats.figures.period('month', month)).map((f) => [f.indicator, f]));
    const sales = figures.online_retail_fen.value!;
    expect(sales).toBeGreaterThan(0);

    const xlsx = await t.app.inject({ url: `/api/v1/reports/reports/${queued.id}/report.xlsx`, headers: as.township });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${done.title}第1版.xlsx`)}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概要', '趋势', '分项', '图表']);
    const rows = new Map<string, ExcelJS.Row>();
    book.getWorksheet('概要')!.eachRow((row) => rows.set(String(row.getCell(2).value), row));
    const salesRow = rows.get('网络零售额')!;
    expect(salesRow.getCell(3).value).toBe(sales / 100);
    expect(salesRow.getCell(3).numFmt).toBe('#,##0.00');
    expect(rows.get(figures.orders.name)!.getCell(3).value).toBe(figures.orders.value);
    expect([salesRow.getCell(5).value, salesRow.getCell(7).value]).toEqual(['本期未结束', '本期未结束']);
    expect(figures.online_retail_fen).toMatchObject({ open: true, momPct: null, yoyPct: null });
    // Training is live: this month's person-times (and the poor's) are figures, not 待接入.
    expect(figures.training_person_times).toMatchObject({ value: 1, status: 'live' });
    expect(rows.get('电商培训人次')!.getCell(3).value).toBe(1);
    expect(rows.get('贫困人口培训人次')!.getCell(3).value).toBe(1);
    expect(rows.get('累计电商培训人次')!.getCell(3).value).toBe(1);
    const share = rows.get(figures.on_time_share.name);
    if (share && figures.on_time_share.value !== null) expect(share.getCell(3).numFmt).toBe('0.0%');
    expect(book.getWorksheet('趋势')!.getRow(14).getCell(1).value).toBe(month);
    expect(book.getWorksheet('趋势')!.getRow(14).getCell(2).value).toBe(sales / 100);
    expect(book.getWorksheet('图表')!.getImages().length).toBeGreaterThanOrEqual(2);
    // Shares are fractions shown as percentages: a breakdown's shares of a positive total add up to 1.
    const shares: number[] = [];
    book.getWorksheet('分项')!.eachRow((row) => {
      const share = row.getCell(3);
      if (typeof share.value === 'number') {
        expect(share.numFmt).toBe('0.0%');
        shares.push(share.value);
      }
    });
    expect(shares.length).toBeGreaterThan(0);
    expect(shares.every((v) => v >= 0 && v <= 1)).toBe(true);

    const pdf = await t.app.inject({ url: `/api/v1/reports/reports/${queued.id}/report.pdf`, headers: as.regulator });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const body = pdf.rawPayload;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(body)).toBeGreaterThanOrEqual(2);
    const text = pdfText(body);
    expect(text).toContain(done.title);
    expect(text).toContain(`${yuan(sales)} 元`);
    // Every indicator has its source now (station services since issue 16): the report shows figures, never 待接入.
    expect(text).toContain('站点服务人次');
    expect(text).not.toContain('待接入');
    expect(text).toContain('本期未结束');
  }, 180_000);

  it('keeps every version, replays an Idempotency-Key, and makes last month’s report on its own once', async () => {
    const first = await ask('quarter', `${year}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`, 'rep-key-1');
    const replay = await ask('quarter', first.json().period, 'rep-key-1');
    expect(replay.json().id).toBe(first.json().id);
    const second = await ask('quarter', first.json().period);
    expect(second.json()).toMatchObject({ version: 2, status: 'queued' });
    await t.jobs.tick();
    const list = (await t.app.inject({ url: '/api/v1/reports/reports?kind=quarter', headers: as.county })).json();
    expect(list.items.map((r: { version: number; status: string }) => [r.version, r.status])).toEqual([
      [2, 'done'],
      [1, 'done'],
    ]);
    const lastMonth = (() => {
      const m = Number(month.slice(5));
      return m === 1 ? `${Number(year) - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
    })();
    const months = (await t.app.inject({ url: '/api/v1/reports/reports?kind=month', headers: as.county })).json().items as { period: string; requestedByName: string; status: string }[];
    // Made by the hourly job, queued to run ten minutes later (not in the tick that found it missing).
    expect(months.filter((r) => r.period === lastMonth)).toEqual([expect.objectContaining({ requestedByName: '系统（每月自动生成）', status: 'queued', version: 1 })]);
    expect(await t.modules.reports.service.scheduleLastMonth(new Date())).toEqual({ period: lastMonth, queued: false });
  }, 180_000);

  it('judges the plan’s targets in the self-evaluation: 达标/未达标/待接入 with evidence', async () => {
    const asked = (await ask('self_evaluation', year)).json();
    await t.jobs.tick();
    const done = (await get(asked.id)).json();
    expect(done.status).toBe('done');
    const xlsx = await t.app.inject({ url: `/api/v1/reports/reports/${asked.id}/report.xlsx`, headers: as.county });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('绩效自评')!;
    const rows: Record<string, unknown[]> = {};
    sheet.eachRow((row, n) => {
      if (n > 1) rows[String(row.getCell(1).value)] = (row.values as unknown[]).slice(1);
    });
    const targeted = (await t.modules.stats.figures.period('year', year)).filter((f) => f.target);
    expect(Object.keys(rows).sort()).toEqual(targeted.map((f) => f.name).sort());
    for (const f of targeted) {
      const [, , , , , verdict, evidence] = rows[f.name];
      expect(['达标', '未达标', '待接入']).toContain(verdict);
      if (f.status === 'awaiting_source') expect(verdict).toBe('待接入');
      expect(String(evidence)).toContain(f.name);
    }
    // The plan's training targets are judged from real figures: person-times since the programme began, to the year's end.
    expect(rows['累计电商培训人次']!.slice(5, 7)).toEqual(['未达标', `截至${year}年底累计电商培训人次 1 人次，目标 3,500 人次（2019-12-31 到期，按截至${year}年底的累计数评价）；完成目标的 0.0%，尚差 3,499 人次。`]);
    expect(rows['累计贫困人口培训人次']![5]).toBe('未达标');
    expect(rows['电商培训人次']).toBeUndefined();
    const pdf = await t.app.inject({ url: `/api/v1/reports/reports/${asked.id}/report.pdf`, headers: as.county });
    expect(pdfText(pdf.rawPayload)).toContain('绩效目标自评');
  }, 180_000);

  it('refuses a period not begun or of the wrong shape, naming the field, and other roles', async () => {
    const future = await ask('month', `${Number(year) + 1}-01`);
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'PERIOD_NOT_BEGUN', details: { field: 'body.period' } });
    const shape = await ask('quarter', '2026-11');
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.details.field).toBe('body.period');
    const merchant = await t.app.inject({ method: 'POST', url: '/api/v1/reports/reports', headers: as.merchant, payload: { kind: 'month', period: month } });
    expect(merchant.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/reports/reports', headers: as.consumer })).statusCode).toBe(403);
    expect((await get('rpt_missing')).statusCode).toBe(404);
  });
});
