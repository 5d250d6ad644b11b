import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { offloadPool } from '../../src/kernel/offload.js';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

const FIXTURES = new URL('../fixtures/epcis2/', import.meta.url);
const example = (name: string) => JSON.parse(fs.readFileSync(new URL(name, FIXTURES), 'utf8'));

/** A document of `count` copies of the standard's first event, each made invalid (no eventTime, a wrong action). */
function invalidDocument(count: number) {
  const doc = example('Example_9.6.1-ObjectEvent.jsonld');
  const event = { ...doc.epcisBody.eventList[0], action: 'JUMP' };
  delete event.eventTime;
  doc.epcisBody.eventList = Array.from({ length: count }, (_, i) => ({ ...event, eventID: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
  return doc;
}

describe.each(engines())('limits on the work one request can ask for, on %s', (engine) => {
  let t: TestApp;
  let merchant: { cookie: string };
  let batchId = '';
  const inject = (method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1${url}`, headers: merchant, payload: payload as object });

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    merchant = await signIn(t.app, 'demo.merchant');
    batchId = (await inject('GET', '/trace/batches?limit=1')).json().items[0].id;
  }, 120_000);
  afterAll(() => t.close());

  it('refuses an EPCIS document of more than 1,000 events before reading any of them, naming the list and the limit', async () => {
    for (const doc of [invalidDocument(1001), { ...invalidDocument(0), epcisBody: { queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList: invalidDocument(1001).epcisBody.eventList } } }, type: 'EPCISQueryDocument' }]) {
      const res = await inject('POST', '/trace/epcis', doc);
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'TOO_MANY_EVENTS', details: { limit: 1000 } });
      expect(res.json().error.details.field).toMatch(/^body\.epcisBody\.(queryResults\.resultsBody\.)?eventList$/);
    }
  });

  it('stops checking an all-invalid EPCIS document after 50 problems and says how many events it did not check', async () => {
    const res = await inject('POST', '/trace/epcis', invalidDocument(1000));
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error).toMatchObject({ code: 'EPCIS_INVALID', details: { field: 'body.epcisBody.eventList.0.eventTime' } });
    expect(error.details.problems).toHaveLength(50);
    expect(error.details.eventsNotChecked).toBeGreaterThan(900);
    expect(error.message).toMatch(/more/);
  });

  it('refuses an EPCIS document nested too deeply with a 400 naming where, not a 500', async () => {
    for (const depth of [100, 100_000]) {
      const doc = example('Example_9.6.1-ObjectEvent.jsonld');
      const body = JSON.stringify(doc).replace('"Example of a vendor/user extension"', '['.repeat(depth) + ']'.repeat(depth));
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/trace/epcis', headers: { ...merchant, 'content-type': 'application/json' }, payload: body });
      expect(res.statusCode, String(depth)).toBe(400);
      expect(res.json().error.code).toBe('EPCIS_INVALID');
      expect(res.json().error.details.field).toMatch(depth === 100 ? /^body\.epcisBody\.eventList\.1\.example:myField(\.0)+$/ : /^body$/);
    }
  });

  it('caps label copies at 500, naming the field', async () => {
    const res = await inject('GET', `/trace/batches/${batchId}/labels.pdf?format=thermal&copies=501`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('querystring.copies');
    expect((await inject('GET', `/trace/batches/${batchId}/labels.pdf?format=a4&copies=2`)).rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints carton and unit labels in files of at most 500, page by page', async () => {
    const batch = (await inject('GET', '/trace/batches?limit=100')).json().items.find((b: { status: string }) => b.status === 'active');
    expect((await inject('POST', `/trace/batches/${batch.id}/pack`, { cartons: 3, unitsPerCarton: 200 })).statusCode).toBe(201);
    const units = batch.units + 600;
    const pages = Math.ceil(units / 500);
    const last = await inject('GET', `/trace/batches/${batch.id}/labels.pdf?format=thermal&level=unit&page=${pages}`);
    expect(last.statusCode).toBe(200);
    expect(last.headers['x-label-pages']).toBe(String(pages));
    // One thermal label a page: the last file holds what the full ones before it did not.
    expect(last.rawPayload.toString('latin1').match(/\/Type \/Page\b(?!s)/g)).toHaveLength(units - (pages - 1) * 500);
    const beyond = await inject('GET', `/trace/batches/${batch.id}/labels.pdf?format=thermal&level=unit&page=${pages + 1}`);
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().error.details.field).toBe('querystring.page');
  });

  it('packs a batch into at most 20,000 units and 1,000 cartons in all, however many times it is packed', async () => {
    const batch = (await inject('GET', '/trace/batches?limit=100')).json().items.find((b: { status: string; units: number }) => b.status === 'active' && b.units === 0);
    expect((await inject('POST', `/trace/batches/${batch.id}/pack`, { cartons: 100, unitsPerCarton: 200 })).statusCode).toBe(201);
    const more = await inject('POST', `/trace/batches/${batch.id}/pack`, { cartons: 1, unitsPerCarton: 1 });
    expect(more.statusCode).toBe(400);
    expect(more.json().error.details).toMatchObject({ field: 'body.unitsPerCarton', limit: 20_000, packed: 20_000 });
    expect((await inject('POST', `/trace/batches/${batch.id}/pack`, { cartons: 900, unitsPerCarton: 0 })).statusCode).toBe(201);
    const cartons = await inject('POST', `/trace/batches/${batch.id}/pack`, { cartons: 1, unitsPerCarton: 0 });
    expect(cartons.statusCode).toBe(400);
    expect(cartons.json().error.details).toMatchObject({ field: 'body.cartons', limit: 1000 });
    expect((await inject('GET', `/trace/batches/${batch.id}`)).json()).toMatchObject({ units: 20_000, cartons: 1000 });
  });

  /**
   * Heavy requests over a real socket, with /api/health asked while each is in flight: health must answer first.
   * The heavy work is held in the worker pool until health has answered, so the order is certain; were the work
   * done on the request thread (as it was), health could not be answered before the heavy request's answer.
   */
  describe('a heavy request does not hold up the others', () => {
    let base = '';
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const address = t.app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });

    async function healthAnswersFirst(service: object, method: string, heavy: () => Promise<Response>) {
      const order: string[] = [];
      let healthAnswered!: () => void;
      const answered = new Promise<void>((resolve) => (healthAnswered = resolve));
      const run = offloadPool.run.bind(offloadPool);
      const gate = vi.spyOn(offloadPool, 'run').mockImplementation(async (...args: Parameters<typeof run>) => {
        await answered;
        return run(...args);
      });
      let started!: () => void;
      const inFlight = new Promise<void>((resolve) => (started = resolve));
      const original = (service as Record<string, (...a: unknown[]) => unknown>)[method].bind(service);
      const spy = vi.spyOn(service as Record<string, (...a: unknown[]) => unknown>, method).mockImplementation((...args: unknown[]) => {
        started();
        return original(...args);
      });
      try {
        const heavyDone = heavy().then(async (res) => {
          order.push('heavy');
          return res;
        });
        await inFlight;
        const health = await fetch(`${base}/api/health`);
        order.push('health');
        healthAnswered();
        expect(health.status).toBe(200);
        const res = await heavyDone;
        expect(order).toEqual(['health', 'heavy']);
        return res;
      } finally {
        healthAnswered();
        gate.mockRestore();
        spy.mockRestore();
      }
    }

    it('an EPCIS document just under the cap, every event invalid', async () => {
      const res = await healthAnswersFirst(t.modules.trace.epcis, 'capture', () =>
        fetch(`${base}/api/v1/trace/epcis`, { method: 'POST', headers: { ...merchant, 'content-type': 'application/json' }, body: JSON.stringify(invalidDocument(1000)) }),
      );
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('EPCIS_INVALID');
    });

    it('labels at the cap', async () => {
      const res = await healthAnswersFirst(t.modules.trace.documents, 'labels', () => fetch(`${base}/api/v1/trace/batches/${batchId}/labels.pdf?format=thermal&copies=500`, { headers: merchant }));
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('the EPCIS export of a packed batch', async () => {
      const packed = (await inject('GET', '/trace/batches?limit=100')).json().items.find((b: { status: string }) => b.status === 'active');
      expect((await inject('POST', `/trace/batches/${packed.id}/pack`, { cartons: 10, unitsPerCarton: 50 })).statusCode).toBe(201);
      const res = await healthAnswersFirst(t.modules.trace.epcis, 'export', () => fetch(`${base}/api/v1/trace/batches/${packed.id}/epcis`, { headers: merchant }));
      expect(res.status).toBe(200);
      expect((await res.json()).epcisBody.eventList.some((e: { bizStep: string }) => e.bizStep === 'packing')).toBe(true);
    });
  });
});
