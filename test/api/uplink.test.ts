import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealer } from '../../src/kernel/sealed.js';
import { closedPeriods, sign, uplinkParts, type UplinkFigure, type UplinkPorts } from '../../src/modules/uplink/index.js';
import { buildTestApp, engines, signIn, TEST_DATA_KEY, type TestApp } from '../helpers.js';

const COUNTY = { code: '530621', name: '鲁甸县' };
const realClock = { now: () => new Date() };
/** The last closed month now (Asia/Shanghai): what the hourly prepare pushes first. */
const lastMonth = () => closedPeriods('month', new Date(), 1)[0];

/** A stand-in for the statistics door: figures of the last closed month only, changed by the test as late events would. */
function fakeFigures(values: Record<string, number | null>): UplinkPorts & { values: Record<string, number | null> } {
  const names: Record<string, [string, string]> = { online_retail_fen: ['网络零售额', 'fen'], orders: ['订单数', 'count'], training_person_times: ['培训人次', 'person_times'] };
  const door = {
    values,
    figures: {
      indicators: () => Object.keys(values).map((key) => ({ key, name: names[key]?.[0] ?? key, unit: names[key]?.[1] ?? 'count' })),
      period: async (grain: string, period: string): Promise<UplinkFigure[]> =>
        grain === 'month' && period === lastMonth()
          ? Object.entries(door.values).map(([indicator, value]) => ({ indicator, name: names[indicator]?.[0] ?? indicator, unit: names[indicator]?.[1] ?? 'count', value, previousPeriod: null, previousYear: null, momPct: null, yoyPct: null, status: value === null ? 'awaiting_source' : 'live' }))
          : [],
    },
    county: { county: async () => COUNTY },
  };
  return door;
}

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** fetch, keeping a copy of every request the sender makes. */
function recordingFetch(log: Sent[]): typeof fetch {
  return async (input, init) => {
    log.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) }, body: String(init?.body) });
    return fetch(input, init);
  };
}

describe.each(engines())('reporting upward (%s)', (engine) => {
  let t: TestApp;
  let county: { cookie: string };
  let base: string;
  const sealer = createSealer(Buffer.from(TEST_DATA_KEY, 'base64'));
  const kernelOf = () => ({ db: t.database.db, sealer, clock: realClock });

  const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, cookie = county.cookie) => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, payload: body as object, headers: { cookie } });
    return { status: res.statusCode, body: res.json() };
  };
  /** Switches off every endpoint, so each test pushes only to its own. */
  const onlyEndpoint = async (id: string) => {
    for (const e of (await api('GET', '/uplink/endpoints?limit=100')).body.items) if (e.id !== id && e.active) await api('PATCH', `/uplink/endpoints/${e.id}`, { active: false });
  };
  const inbox = async () => (await api('GET', '/uplink/inbox?limit=100')).body.items as Array<Record<string, unknown>>;

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    county = await signIn(t.app, 'demo.county');
  }, 120_000);
  afterAll(() => t?.close());

  it('pushes each figure signed to the city’s inbox once; a replay is ignored; a changed figure goes as version 2, a correction', async () => {
    const created = await api('POST', '/uplink/endpoints', { name: '昭通市电子商务公共服务平台', level: 'city', url: `${base}/api/v1/uplink/inbox`, algorithm: 'hmac-sha256', grains: ['month'] });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    await onlyEndpoint(created.body.id);
    // The secret is shown once: the list never has it.
    const listed = (await api('GET', '/uplink/endpoints')).body.items.find((e: { id: string }) => e.id === created.body.id);
    expect(listed).toEqual({ id: created.body.id, name: '昭通市电子商务公共服务平台', level: 'city', url: `${base}/api/v1/uplink/inbox`, algorithm: 'hmac-sha256', publicKey: null, grains: ['month'], active: true, createdAt: expect.any(String), updatedAt: expect.any(String) });
    expect(JSON.stringify((await api('GET', '/uplink/endpoints')).body)).not.toContain(secret);
    // The city installs the county's secret.
    expect((await api('POST', '/uplink/inbox/senders', { countyCode: COUNTY.code, countyName: COUNTY.name, algorithm: 'hmac-sha256', secret })).status).toBe(200);

    const door = fakeFigures({ online_retail_fen: 1_234_500, orders: 7, training_person_times: null });
    const sent: Sent[] = [];
    const { push } = uplinkParts(kernelOf(), door, recordingFetch(sent));
    const before = (await inbox()).length;
    // Training has no source yet: nothing is sent for it.
    expect(await push.prepare()).toMatchObject({ made: 2 });
    expect(await push.send()).toEqual({ sent: 2, failed: 0, givenUp: 0 });
    expect(sent).toHaveLength(2);
    const month = lastMonth();
    expect(sent[0].headers).toMatchObject({ 'x-countyhub-algorithm': 'hmac-sha256', 'idempotency-key': `530621:month:${month}:online_retail_fen:v1` });
    expect(JSON.parse(sent[0].body)).toEqual({ county: COUNTY, grain: 'month', period: month, indicator: 'online_retail_fen', name: '网络零售额', unit: 'fen', value: 1_234_500, version: 1, correctionOf: null, generatedAt: expect.any(String) });

    const received = await inbox();
    expect(received).toHaveLength(before + 2);
    expect(received.find((m) => m.indicator === 'online_retail_fen' && m.period === month)).toEqual({
      id: expect.any(String), countyCode: '530621', countyName: '鲁甸县', grain: 'month', period: month, indicator: 'online_retail_fen', indicatorName: '网络零售额', unit: 'fen', value: 1_234_500, version: 1, correctionOf: null, algorithm: 'hmac-sha256', receivedAt: expect.any(String),
    });

    // The same request again (a sender that did not hear the answer): answered, nothing stored.
    const replay = await fetch(sent[0].url, { method: 'POST', headers: sent[0].headers, body: sent[0].body });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ accepted: false, duplicate: true, key: `530621:month:${month}:online_retail_fen:v1` });
    expect(await inbox()).toHaveLength(before + 2);

    // One byte changed, the signature kept: refused.
    const tampered = await fetch(sent[0].url, { method: 'POST', headers: sent[0].headers, body: sent[0].body.replace('1234500', '1234501') });
    expect(tampered.status).toBe(401);
    expect((await tampered.json()).error.code).toBe('SIGNATURE_INVALID');
    // Signed right, but ten minutes old: refused.
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    const stale = await fetch(sent[0].url, { method: 'POST', headers: { ...sent[0].headers, 'x-countyhub-timestamp': old, 'x-countyhub-signature': sign('hmac-sha256', { secret }, old, sent[0].body) }, body: sent[0].body });
    expect(stale.status).toBe(401);
    expect((await stale.json()).error.code).toBe('TIMESTAMP_STALE');

    // Nothing changed: nothing new.
    expect(await push.prepare()).toMatchObject({ made: 0 });
    // A late event changes the month's sales: version 2, a correction of version 1.
    door.values.online_retail_fen = 1_300_000;
    expect(await push.prepare()).toMatchObject({ made: 1 });
    expect(await push.send()).toEqual({ sent: 1, failed: 0, givenUp: 0 });
    expect(sent.at(-1)!.headers['idempotency-key']).toBe(`530621:month:${month}:online_retail_fen:v2`);
    const corrected = (await inbox()).find((m) => m.indicator === 'online_retail_fen' && m.period === month && m.version === 2);
    expect(corrected).toMatchObject({ value: 1_300_000, version: 2, correctionOf: 1 });

    const log = (await api('GET', `/uplink/deliveries?endpointId=${created.body.id}`)).body.items;
    expect(log.map((d: { indicator: string; version: number; status: string; correctionOf: number | null }) => [d.indicator, d.version, d.status, d.correctionOf])).toEqual([
      ['online_retail_fen', 2, 'sent', 1],
      ['orders', 1, 'sent', null],
      ['online_retail_fen', 1, 'sent', null],
    ]);
    expect(log[0]).toMatchObject({ endpointName: '昭通市电子商务公共服务平台', indicatorName: '网络零售额', value: 1_300_000, attempts: 1, lastHttpStatus: 200, lastError: null, nextAttemptAt: null, sentAt: expect.any(String), payloadDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('retries an endpoint that fails after the backoff, and delivers each version once', async () => {
    // A city whose platform fails once (500), then works; it counts the 2xx answers per key.
    const answers: string[] = [];
    const accepted = new Map<string, number>();
    const city = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const key = String(req.headers['idempotency-key']);
        const status = answers.length === 0 ? 500 : 200;
        answers.push(`${status} ${key}`);
        if (status === 200) accepted.set(key, (accepted.get(key) ?? 0) + 1);
        res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"accepted":true}' : '{"error":"database is down"}');
      });
    });
    await new Promise<void>((resolve) => city.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(city.address() as AddressInfo).port}/receive`;
      const created = await api('POST', '/uplink/endpoints', { name: '云南省商务厅数据平台', level: 'province', url, algorithm: 'hmac-sha256', grains: ['month'] });
      await onlyEndpoint(created.body.id);
      const { push } = uplinkParts(kernelOf(), fakeFigures({ online_retail_fen: 99_000, orders: 3 }));
      expect(await push.prepare()).toMatchObject({ made: 2 });
      const now = new Date();
      // The first fails; the endpoint's other delivery waits for the next run rather than failing too.
      expect(await push.send(now)).toEqual({ sent: 0, failed: 1, givenUp: 0 });
      let log = (await api('GET', `/uplink/deliveries?endpointId=${created.body.id}`)).body.items;
      const failed = log.find((d: { status: string }) => d.status === 'failed_retrying');
      expect(failed).toMatchObject({ attempts: 1, lastHttpStatus: 500, lastError: expect.stringContaining('HTTP 500') });
      expect(Date.parse(failed.nextAttemptAt) - now.getTime()).toBeGreaterThanOrEqual(59_000);
      // Before the wait is over, the failed one is not tried again.
      expect(await push.send(new Date(now.getTime() + 30_000))).toEqual({ sent: 1, failed: 0, givenUp: 0 });
      // After a minute it is.
      expect(await push.send(new Date(now.getTime() + 61_000))).toEqual({ sent: 1, failed: 0, givenUp: 0 });
      expect(await push.send(new Date(now.getTime() + 3600_000))).toEqual({ sent: 0, failed: 0, givenUp: 0 });
      log = (await api('GET', `/uplink/deliveries?endpointId=${created.body.id}`)).body.items;
      expect(log.map((d: { status: string }) => d.status)).toEqual(['sent', 'sent']);
      expect(log.find((d: { attempts: number }) => d.attempts === 2)).toMatchObject({ lastHttpStatus: 200, lastError: null });
      expect(answers).toHaveLength(3);
      expect([...accepted.values()]).toEqual([1, 1]);
    } finally {
      await new Promise((resolve) => city.close(resolve));
    }
  });

  it('follows a redirect only to the same host', async () => {
    const hits: string[] = [];
    const city = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        hits.push(String(req.url));
        if (req.url === '/moved') res.writeHead(307, { location: '/in' }).end();
        else if (req.url === '/away') res.writeHead(307, { location: 'http://elsewhere.example/in' }).end();
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => city.listen(0, '127.0.0.1', resolve));
    try {
      const at = `http://127.0.0.1:${(city.address() as AddressInfo).port}`;
      const moved = await api('POST', '/uplink/endpoints', { name: '迁址的平台', level: 'city', url: `${at}/moved`, algorithm: 'hmac-sha256', grains: ['month'] });
      await onlyEndpoint(moved.body.id);
      const { push } = uplinkParts(kernelOf(), fakeFigures({ orders: 5 }));
      await push.prepare();
      expect(await push.send()).toEqual({ sent: 1, failed: 0, givenUp: 0 });
      expect(hits).toEqual(['/moved', '/in']);

      const away = await api('POST', '/uplink/endpoints', { name: '转向别处的平台', level: 'city', url: `${at}/away`, algorithm: 'hmac-sha256', grains: ['month'] });
      await onlyEndpoint(away.body.id);
      await push.prepare();
      expect(await push.send()).toEqual({ sent: 0, failed: 1, givenUp: 0 });
      expect(hits).toEqual(['/moved', '/in', '/away']);
      const [failed] = (await api('GET', `/uplink/deliveries?endpointId=${away.body.id}`)).body.items;
      expect(failed).toMatchObject({ status: 'failed_retrying', lastHttpStatus: 307, lastError: expect.stringContaining('未跟随') });
    } finally {
      await new Promise((resolve) => city.close(resolve));
    }
  });

  it('signs with the county’s SM2 key; the city verifies with the public key shown', async () => {
    const created = await api('POST', '/uplink/endpoints', { name: '国家电子商务进农村综合示范监测平台', level: 'national', url: `${base}/api/v1/uplink/inbox`, algorithm: 'sm2-sm3', grains: ['month'] });
    expect(created.status).toBe(201);
    expect(created.body.secret).toBeNull();
    expect(created.body.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    await onlyEndpoint(created.body.id);
    expect((await api('POST', '/uplink/inbox/senders', { countyCode: COUNTY.code, countyName: COUNTY.name, algorithm: 'sm2-sm3', publicKey: created.body.publicKey })).status).toBe(200);
    const sent: Sent[] = [];
    // Another indicator than the HMAC test's: the inbox keeps a county's version of a figure once, whichever endpoint sent it.
    const { push } = uplinkParts(kernelOf(), fakeFigures({ parcels_down: 11 }), recordingFetch(sent));
    await push.prepare();
    expect(await push.send()).toEqual({ sent: 1, failed: 0, givenUp: 0 });
    expect(sent[0].headers['x-countyhub-algorithm']).toBe('sm2-sm3');
    expect(sent[0].headers['x-countyhub-signature']).toMatch(/^[0-9a-f]{128}$/);
    expect((await inbox()).find((m) => m.indicator === 'parcels_down' && m.value === 11)).toMatchObject({ algorithm: 'sm2-sm3', version: 1 });
    // An SM2 endpoint takes no secret; a sender's public key must be a point on the curve.
    expect((await api('POST', '/uplink/endpoints', { name: '错误', level: 'city', url: 'https://x.example/in', algorithm: 'sm2-sm3', secret: 'x'.repeat(20), grains: ['month'] })).body.error.details).toMatchObject({ field: 'body.secret' });
    expect((await api('POST', '/uplink/inbox/senders', { countyCode: '530622', countyName: '巧家县', algorithm: 'sm2-sm3', publicKey: '04' + '1'.repeat(128) })).body.error.details).toMatchObject({ field: 'body.publicKey' });
  });

  it('answers the pull API to a data centre’s API token and the county admin; refuses others', async () => {
    const dc = await signIn(t.app, 'demo.datacenter');
    const token = (await api('POST', '/identity/tokens', { name: '市数据中心采集程序' }, dc.cookie)).body.token as string;
    const merchant = await signIn(t.app, 'demo.merchant');
    const merchantToken = (await api('POST', '/identity/tokens', { name: '商户程序' }, merchant.cookie)).body.token as string;
    const pull = (url: string, auth?: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: auth ? { authorization: `Bearer ${auth}` } : {} });

    // The statistics module's figures, through its door.
    const figures = await pull('/uplink/figures?grain=month&period=2026-11', token);
    expect(figures.statusCode).toBe(200);
    expect(figures.json()).toMatchObject({ county: COUNTY, grain: 'month', period: '2026-11', figures: expect.arrayContaining([expect.objectContaining({ indicator: 'online_retail_fen', name: '网络零售额', unit: 'fen' })]) });
    const one = (await pull('/uplink/figures?grain=month&period=2026-11&indicator=orders', token)).json();
    expect(one.figures.map((f: { indicator: string }) => f.indicator)).toEqual(['orders']);
    const catalogue = await pull('/uplink/indicators', token);
    expect(catalogue.statusCode).toBe(200);
    expect(catalogue.json().indicators).toEqual(expect.arrayContaining([{ key: 'online_retail_fen', name: '网络零售额', unit: 'fen' }]));
    expect((await pull('/uplink/figures?grain=month&period=2026-11&indicator=no_such_thing', token)).json().error.details).toMatchObject({ field: 'querystring.indicator' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/uplink/indicators', headers: { cookie: county.cookie } })).statusCode).toBe(200);
    expect((await pull('/uplink/figures?grain=month&period=2026-11')).statusCode).toBe(401);
    expect((await pull('/uplink/figures?grain=month&period=2026-11', 'not-a-token')).statusCode).toBe(401);
    expect((await pull('/uplink/figures?grain=month&period=2026-11', merchantToken)).statusCode).toBe(403);
    const wrongPeriod = await pull('/uplink/figures?grain=quarter&period=2026-11', token);
    expect(wrongPeriod.statusCode).toBe(400);
    expect(wrongPeriod.json().error.details).toMatchObject({ field: 'querystring.period' });
    // A data centre reads figures; it does not run the county's endpoints.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/uplink/deliveries', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
  });
});

describe.each(engines())('the demo’s reporting upward (%s)', (engine) => {
  let t: TestApp;
  let county: { cookie: string };
  let base: string;
  const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, payload: body as object, headers: { cookie: county.cookie } });
    return { status: res.statusCode, body: res.json() };
  };
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    county = await signIn(t.app, 'demo.county');
  }, 120_000);
  afterAll(() => t?.close());

  it('has the demo city’s endpoint and its sender; 立即推送 reaches this deployment’s own inbox', async () => {
    const demo = (await api('GET', '/uplink/endpoints?limit=100')).body.items.find((e: { name: string }) => e.name === '昭通市电子商务公共服务平台（演示）');
    expect(demo).toMatchObject({ level: 'city', algorithm: 'hmac-sha256', grains: ['month', 'quarter', 'year'], url: expect.stringMatching(/\/api\/v1\/uplink\/inbox$/) });
    // The test app listens on a port of its own: point the demo endpoint at it.
    await api('PATCH', `/uplink/endpoints/${demo.id}`, { url: `${base}/api/v1/uplink/inbox`, active: true });
        const pushed = await api('POST', '/uplink/push');
    expect(pushed.status).toBe(200);
    expect(pushed.body).toMatchObject({ failed: 0, givenUp: 0 });
    expect(pushed.body.sent).toBe(pushed.body.made);
    const log = (await api('GET', `/uplink/deliveries?endpointId=${demo.id}&limit=500`)).body.items as Array<{ status: string }>;
    expect(log.length).toBe(pushed.body.made);
    expect(log.every((d) => d.status === 'sent')).toBe(true);
    // Again: nothing changed, nothing new.
    expect((await api('POST', '/uplink/push')).body).toEqual({ made: 0, sent: 0, failed: 0, givenUp: 0 });
  }, 90_000);

  it('filters the delivery log by indicator, paging with the cursor', async () => {
    const all = (await api('GET', '/uplink/deliveries?limit=500')).body.items as Array<{ indicator: string }>;
    const expected = all.filter((d) => d.indicator === 'online_retail_fen').length;
    expect(expected).toBeGreaterThan(1);
    const seen: Array<{ indicator: string; indicatorName: string }> = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Array<{ indicator: string; indicatorName: string }>; nextCursor: string | null } } = await api('GET', `/uplink/deliveries?indicator=online_retail_fen&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(expected);
    expect(seen.every((d) => d.indicator === 'online_retail_fen' && d.indicatorName === '网络零售额')).toBe(true);
    expect((await api('GET', '/uplink/deliveries?indicator=no_such_indicator')).body.items).toEqual([]);
  });

  it('answers what the city received in 接收记录, by indicator name', async () => {
    const received = (await api('GET', '/uplink/inbox?limit=500')).body.items as Array<{ countyName: string; indicatorName: string; algorithm: string }>;
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((m) => m.countyName === '鲁甸县' && m.algorithm === 'hmac-sha256')).toBe(true);
    expect(received.map((m) => m.indicatorName)).toContain('网络零售额');
  });
});
