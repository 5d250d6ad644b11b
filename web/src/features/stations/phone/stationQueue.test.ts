import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/http.js';
import type { BatchAnswer, DayView, Outcome, RecordInput, RecordView } from '../../../api/station-phone.js';
import type { KeyValueStore } from '../../../app/keptQueue.js';
import { MAX_BATCH, queueKey, StationQueue } from './stationQueue.js';
import { cashOf, closingTimeOf, dayName, kgTextToGrams, newClientId, newReceiptCode, shanghaiDayOf, tillTotals, yuan, yuanTextToFen } from './till.js';

/** localStorage as the device keeps it, in a Map. */
function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const SITE = 'site_ld3_530621110205';
const AT = '2026-12-02T02:00:00.000Z'; // 10:00 in Shanghai

const bill = (n: number, extra: Partial<RecordInput> = {}): RecordInput => ({
  clientId: `st-bill-${String(n).padStart(4, '0')}`,
  type: 'bill.pay',
  at: AT,
  customer: { name: '马春花', phone: '13912345678', idNumber: '53062119800101123X' },
  service: 'electricity',
  providerId: 'prv_power',
  accountNo: '0601234',
  amountFen: 12_000,
  feeFen: 0,
  paidBy: 'cash',
  ...extra,
});

const view = (r: RecordInput): RecordView => ({
  id: `srec_${r.clientId}`,
  clientId: r.clientId,
  siteId: SITE,
  siteName: '乐红村服务点',
  type: r.type,
  service: 'bill',
  day: '2026-12-02',
  at: r.at,
  recordedAt: r.at,
  recordedByName: '李村官',
  customer: { id: 'scus_1', name: '马春花', phoneMasked: '139****5678', poor: false },
  amountFen: 12_000,
  feeFen: 0,
  cashInFen: 12_000,
  cashOutFen: 0,
  details: {},
  summary: '电费 · ¥120.00',
  receiptCode: null,
  voided: false,
  voidReason: null,
});

/** The server: stores a clientId once per site, answers duplicates with the stored record, refuses what `refuse` says. */
function server(refuse: (r: RecordInput) => { code: string; message: string } | null = () => null) {
  const stored = new Map<string, RecordView>();
  const calls: { siteId: string; clientIds: string[] }[] = [];
  const send = async (siteId: string, records: RecordInput[]): Promise<BatchAnswer> => {
    calls.push({ siteId, clientIds: records.map((r) => r.clientId) });
    const outcomes: Outcome[] = records.map((r) => {
      const key = `${siteId}/${r.clientId}`;
      const had = stored.get(key);
      if (had) return { clientId: r.clientId, status: 'duplicate', recordId: had.id, code: null, message: null, record: had };
      const no = refuse(r);
      if (no) return { clientId: r.clientId, status: 'refused', recordId: null, code: no.code, message: no.message, record: null };
      const v = { ...view(r), siteId };
      stored.set(key, v);
      return { clientId: r.clientId, status: 'stored', recordId: v.id, code: null, message: null, record: v };
    });
    return { outcomes };
  };
  return { stored, calls, send };
}

describe("the station's offline queue", () => {
  it('keeps records across a reload, each clientId once, in the order they were made', () => {
    const store = memoryStore();
    const queue = new StationQueue('q', store);
    queue.add(SITE, bill(1), '电费 · 马春花');
    queue.add(SITE, bill(1), '电费 · 马春花');
    queue.add(SITE, bill(2), '电费 · 马春花');
    expect(new StationQueue('q', store).pending.map((q) => q.record.clientId)).toEqual(['st-bill-0001', 'st-bill-0002']);
    expect(new StationQueue('q', store).find('st-bill-0002')?.label).toBe('电费 · 马春花');
  });

  it('keeps everything while the server cannot be reached, and lets go only of what it answered for', async () => {
    const store = memoryStore();
    const queue = new StationQueue('q', store);
    queue.add(SITE, bill(1), 'a');
    const offline = await queue.sync(async () => {
      throw new ApiError(0, 'NETWORK', 'network error');
    });
    expect(offline).toMatchObject({ state: 'offline', remaining: 1 });
    const gateway = await queue.sync(async () => {
      throw new ApiError(502, 'HTTP_502', 'Bad Gateway');
    });
    expect(gateway).toMatchObject({ state: 'offline', remaining: 1 });
    const s = server();
    const done = await queue.sync(s.send);
    expect(done).toMatchObject({ state: 'done', sent: 1, stored: 1, duplicates: 0, remaining: 0 });
    expect(done.records.map((r) => r.clientId)).toEqual(['st-bill-0001']);
    expect(s.calls).toEqual([{ siteId: SITE, clientIds: ['st-bill-0001'] }]);
    expect(store.data.size).toBe(0);
  });

  it('a sync cut after the server handled the batch stores nothing twice: the resend is answered duplicate and leaves the device', async () => {
    const store = memoryStore();
    const queue = new StationQueue('q', store);
    [1, 2, 3].forEach((n) => queue.add(SITE, bill(n), `电费 ${n}`));
    const s = server();
    // The server handles the batch, then the answer is lost on the way back.
    const cut = await queue.sync(async (siteId, records) => {
      await s.send(siteId, records);
      throw new ApiError(0, 'NETWORK', 'network error');
    });
    expect(cut).toMatchObject({ state: 'offline', remaining: 3 });
    expect(new StationQueue('q', store).pending).toHaveLength(3);
    const again = await queue.sync(s.send);
    expect(again).toMatchObject({ state: 'done', sent: 3, stored: 0, duplicates: 3, remaining: 0 });
    expect(again.records.map((r) => r.id)).toEqual(['srec_st-bill-0001', 'srec_st-bill-0002', 'srec_st-bill-0003']);
    expect(s.stored.size).toBe(3);
    expect(store.data.size).toBe(0);
  });

  it("keeps a refused record's Chinese reason across a reload until dismissed, without the villager's phone or ID number", async () => {
    const store = memoryStore();
    const queue = new StationQueue('q', store);
    queue.add(SITE, bill(1), '电费 · 马春花 · ¥120.00');
    queue.add(SITE, bill(2), '电费 · 马春花 · ¥120.00');
    expect([...store.data.values()].join()).toContain('13912345678');
    const s = server((r) => (r.clientId === 'st-bill-0001' ? { code: 'DAY_CLOSED', message: '当日已结账，不能再记账' } : null));
    const outcome = await queue.sync(s.send);
    expect(outcome).toMatchObject({ state: 'done', sent: 2, stored: 1, refused: 1, remaining: 0 });
    const kept = new StationQueue('q', store);
    expect(kept.conflicts).toEqual([expect.objectContaining({ clientId: 'st-bill-0001', code: 'DAY_CLOSED', message: '当日已结账，不能再记账', label: '电费 · 马春花 · ¥120.00', type: 'bill.pay' })]);
    expect([...store.data.values()].join()).not.toMatch(/13912345678|53062119800101123X/);
    kept.dismiss('st-bill-0001');
    expect(kept.conflicts).toEqual([]);
    expect(store.data.size).toBe(0);
  });

  it('sets aside a record the server names in a 400 and sends the rest; signed out or forbidden keeps the queue', async () => {
    const queue = new StationQueue('q', memoryStore());
    [1, 2, 3].forEach((n) => queue.add(SITE, bill(n), `电费 ${n}`));
    const s = server();
    const outcome = await queue.sync(async (siteId, records) => {
      const bad = records.findIndex((r) => r.clientId === 'st-bill-0002');
      if (bad >= 0) throw new ApiError(400, 'VALIDATION_FAILED', `body.records[${bad}].amountFen: 应为整数`, { field: `body.records[${bad}].amountFen` });
      return s.send(siteId, records);
    });
    expect(outcome).toMatchObject({ state: 'done', stored: 2, remaining: 0 });
    // The operator reads the field by its name on the form, never the server's path.
    expect(queue.setAside.map((r) => [r.clientId, r.reason])).toEqual([['st-bill-0002', '金额：应为整数']]);
    queue.discard('st-bill-0002');
    expect(queue.setAside).toEqual([]);

    queue.add(SITE, bill(4), '电费 4');
    expect(await queue.sync(async () => Promise.reject(new ApiError(401, 'UNAUTHENTICATED', 'Sign in first')))).toMatchObject({ state: 'failed', remaining: 1 });
    expect(await queue.sync(async () => Promise.reject(new ApiError(403, 'FORBIDDEN', 'not your site')))).toMatchObject({ state: 'failed', remaining: 1 });
    expect(queue.setAside).toEqual([]);
  });

  it("words a set-aside record's reason by the form's field: 身份证号, 村民姓名, or the reason alone", async () => {
    const queue = new StationQueue('q', memoryStore());
    [1, 2, 3].forEach((n) => queue.add(SITE, bill(n), `电费 ${n}`));
    const refusals: Record<string, [string, string]> = {
      'st-bill-0001': ['customer.idNumber', '身份证号校验位（第 18 位）不对，请逐位核对'],
      'st-bill-0002': ['customer.name', '不能为空'],
      'st-bill-0003': ['details.unknownThing', '不是这类记录的字段'],
    };
    const s = server();
    await queue.sync(async (siteId, records) => {
      const bad = records.findIndex((r) => refusals[r.clientId]);
      if (bad >= 0) {
        const [field, message] = refusals[records[bad].clientId];
        throw new ApiError(400, 'VALIDATION_FAILED', `body.records[${bad}].${field}: ${message}`, { field: `body.records[${bad}].${field}` });
      }
      return s.send(siteId, records);
    });
    expect(queue.setAside.map((r) => r.reason)).toEqual(['身份证号：身份证号校验位（第 18 位）不对，请逐位核对', '村民姓名：不能为空', '不是这类记录的字段']);
  });

  it('sends one site at a time and at most 500 records a batch', async () => {
    const queue = new StationQueue('q', memoryStore());
    for (let n = 0; n < MAX_BATCH + 20; n++) queue.add(SITE, bill(n), `${n}`);
    queue.add('site_other', bill(9000), 'other');
    const s = server();
    const outcome = await queue.sync(s.send);
    expect(s.calls.map((c) => [c.siteId, c.clientIds.length])).toEqual([
      [SITE, 500],
      [SITE, 20],
      ['site_other', 1],
    ]);
    expect(s.calls[0].clientIds[0]).toBe('st-bill-0000');
    expect(outcome).toMatchObject({ state: 'done', sent: 521, stored: 521, remaining: 0 });
  });

  it('sends what a phone queued under the earlier code (its key and stored shape), and shows what it kept to read', async () => {
    // Exactly as the first version wrote it, under countyhub.station.queue.<user>; the oldest records have no `cash`.
    const before = JSON.stringify({
      pending: [
        { siteId: SITE, record: bill(1), queuedAt: AT, label: '电费 · 马春花 · ¥120.00', cash: { inFen: 12_000, outFen: 0 } },
        { siteId: SITE, record: bill(2), queuedAt: AT, label: '电费 · 马春花 · ¥120.00' },
      ],
      setAside: [{ siteId: SITE, clientId: 'st-bill-0009', type: 'bill.pay', at: AT, label: '电费 · 王五', reason: 'amountFen: must be an integer', rejectedAt: AT }],
      conflicts: [{ siteId: SITE, clientId: 'st-bill-0008', type: 'bill.pay', at: AT, label: '电费 · 赵六', code: 'DAY_CLOSED', message: '当日已结账，不能再记账', settledAt: AT }],
    });
    const store = memoryStore();
    store.data.set('countyhub.station.queue.usr_village', before);
    const queue = new StationQueue(queueKey('usr_village'), store);
    expect(queue.pending.map((q) => [q.record.clientId, q.cash])).toEqual([
      ['st-bill-0001', { inFen: 12_000, outFen: 0 }],
      ['st-bill-0002', { inFen: 0, outFen: 0 }],
    ]);
    expect(queue.setAside.map((r) => r.reason)).toEqual(['amountFen: must be an integer']);
    const s = server();
    expect(await queue.sync(s.send)).toMatchObject({ state: 'done', sent: 2, stored: 2, remaining: 0 });
    expect(s.calls).toEqual([{ siteId: SITE, clientIds: ['st-bill-0001', 'st-bill-0002'] }]);
    // What is left is written in the same shape, so the earlier code (a tab not yet reloaded) still reads it.
    expect(JSON.parse(store.data.get('countyhub.station.queue.usr_village')!)).toEqual({ pending: [], setAside: JSON.parse(before).setAside, conflicts: JSON.parse(before).conflicts });
    queue.discard('st-bill-0009');
    queue.dismiss('st-bill-0008');
    expect(store.data.size).toBe(0);
  });

  it('keeps what a partial answer left out, to send again', async () => {
    const queue = new StationQueue('q', memoryStore());
    [1, 2].forEach((n) => queue.add(SITE, bill(n), `${n}`));
    const s = server();
    const outcome = await queue.sync(async (siteId, records) => s.send(siteId, records.slice(0, 1)));
    expect(outcome).toMatchObject({ state: 'failed', sent: 1, remaining: 1 });
    expect(queue.pending.map((q) => q.record.clientId)).toEqual(['st-bill-0002']);
  });
});

describe("the till as the phone reckons it", () => {
  const day: DayView = {
    siteId: SITE,
    siteName: '乐红村服务点',
    day: '2026-12-02',
    status: 'open',
    openingCashFen: 50_000,
    cashInFen: 10_000,
    cashOutFen: 2_000,
    expectedCashFen: 58_000,
    countedCashFen: null,
    differenceFen: null,
    reason: null,
    closedAt: null,
    closedByName: null,
    services: 2,
    byService: {},
  };

  it("is the server's day plus the records of that site and day still on the phone", () => {
    const queue = new StationQueue('q', memoryStore());
    const cash = bill(1);
    const transfer = bill(2, { paidBy: 'transfer' });
    const withdraw: RecordInput = { clientId: 'st-cash-0001', type: 'cash.withdraw', at: AT, customer: { name: '张三' }, providerId: 'prv_bank', cardTail: '1234', amountFen: 30_000, feeFen: 200 };
    const yesterday = bill(3, { at: '2026-12-01T02:00:00.000Z' });
    for (const r of [cash, transfer, withdraw, yesterday]) queue.add(SITE, r, r.clientId, cashOf(r));
    queue.add('site_other', bill(4), 'other', cashOf(bill(4)));
    expect(tillTotals(day, queue.pending, SITE, '2026-12-02', [{ type: 'bill.pay' }])).toMatchObject({ status: 'open', opened: false, openingFen: 50_000, inFen: 22_000, outFen: 32_000, expectedFen: 40_000, queued: 3, serverExpectedFen: 58_000 });
  });

  it('opens with a queued 开账 and closes with a queued 日结; a farm-input sale counts its price times the quantity', () => {
    const queue = new StationQueue('q', memoryStore());
    const open: RecordInput = { clientId: 'st-open-0001', type: 'day.open', at: AT, openingCashFen: 30_000 };
    const sale: RecordInput = { clientId: 'st-sale-0001', type: 'farm_input.sale', at: AT, customer: { name: '李四' }, inputId: 'fin_1', quantity: 3 };
    queue.add(SITE, open, '开账', cashOf(open));
    queue.add(SITE, sale, '农资', cashOf(sale, { farmInputs: [{ id: 'fin_1', name: '复合肥', priceFen: 12_550 }] }));
    const none = { ...day, openingCashFen: 0, cashInFen: 0, cashOutFen: 0 };
    expect(tillTotals(none, [], SITE, '2026-12-02')).toMatchObject({ status: 'none', opened: false });
    expect(tillTotals(none, queue.pending, SITE, '2026-12-02')).toMatchObject({ status: 'open', opened: true, openingFen: 30_000, inFen: 37_650, outFen: 0, expectedFen: 67_650 });
    const close: RecordInput = { clientId: 'st-close-001', type: 'day.close', at: AT, countedCashFen: 67_650, expectedCashFen: 67_650 };
    queue.add(SITE, close, '日结', cashOf(close));
    expect(tillTotals(none, queue.pending, SITE, '2026-12-02').status).toBe('closed');
  });

  it('reads yuan and kilograms as typed exactly, never through floats, and makes ids the server takes', () => {
    expect(yuanTextToFen('0.29')).toBe(29);
    expect(yuanTextToFen('1,234.56')).toBe(123_456);
    expect(yuanTextToFen('19.9')).toBe(1_990);
    expect(yuanTextToFen('1.234')).toBeNull();
    expect(yuanTextToFen('-5')).toBeNull();
    expect(kgTextToGrams('12.35')).toBe(12_350);
    expect(kgTextToGrams('0.001')).toBe(1);
    expect(kgTextToGrams('1.2345')).toBeNull();
    expect(yuan(123_456)).toBe('¥1,234.56');
    expect(yuan(-5)).toBe('-¥0.05');
    for (let i = 0; i < 50; i++) {
      expect(newClientId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
      expect(newReceiptCode()).toMatch(/^[A-Za-z0-9_-]{22,43}$/);
    }
    expect(new Set(Array.from({ length: 200 }, newReceiptCode)).size).toBe(200);
  });

  it('closes an earlier day left open with a record made inside that day (23:59 Shanghai), named 12月6日', () => {
    expect(closingTimeOf('2026-12-06')).toBe('2026-12-06T15:59:00.000Z');
    expect(shanghaiDayOf(closingTimeOf('2026-12-06'))).toBe('2026-12-06');
    const t = (key: string, vars?: Record<string, string | number>) => (key === 'station.till.dayName' ? `${vars?.month}月${vars?.date}日` : key);
    expect(dayName(t, '2026-12-06')).toBe('12月6日');
  });
});
