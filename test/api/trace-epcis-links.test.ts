import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

const FIXTURE = new URL('../fixtures/epcis2/Example_9.6.1-ObjectEventWithDigitalLink.jsonld', import.meta.url);

/** A document of standard events, the `at`-th naming `url` (a batch's GS1 Digital Link) and the others naming none of ours. */
function documentNaming(url: string, tag: string, at = 0, count = 1) {
  const doc = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  const template = doc.epcisBody.eventList[0];
  doc.epcisBody.eventList = Array.from({ length: count }, (_, i) => ({
    ...template,
    eventID: `urn:uuid:6b8c0a5e-${tag}-4000-8000-00000000000${i}`,
    epcList: i === at ? [url] : ['https://id.gs1.org/01/09520123456788/21/12345'],
    readPoint: { id: `urn:epc:id:sgln:0614141.00777.${tag}` },
  }));
  return doc;
}

interface Batch {
  id: string;
  code: string;
  url: string;
}

describe.each(engines())('EPCIS capture links events only to batches the sender may act on, on %s', (engine) => {
  let t: TestApp;
  const as = {} as Record<'merchant' | 'courier' | 'regulator' | 'county', { cookie: string }>;
  const inject = (who: keyof typeof as, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload: payload as object });
  const exported = async (who: keyof typeof as, batch: Batch) => JSON.stringify((await inject(who, 'GET', `/trace/batches/${batch.id}/epcis`)).json());
  const scanPage = async (batch: Batch) => (await t.app.inject({ url: new URL(batch.url).pathname })).body;
  let own: Batch;
  let others: Batch;

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    for (const who of ['merchant', 'courier', 'regulator', 'county'] as const) as[who] = await signIn(t.app, `demo.${who}`);
    const all: Batch[] = (await inject('regulator', 'GET', '/trace/batches?limit=100')).json().items;
    const mine = new Set(((await inject('merchant', 'GET', '/trace/batches?limit=100')).json().items as Batch[]).map((b) => b.id));
    own = all.find((b) => mine.has(b.id))!;
    others = all.find((b) => !mine.has(b.id))!;
    expect(own && others).toBeTruthy();
  });
  afterAll(() => t?.close());

  it("refuses a merchant's document naming another producer's batch, naming the event; nothing of it is stored", async () => {
    const res = await inject('merchant', 'POST', '/trace/epcis', documentNaming(others.url, 'FORGED', 2, 3));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'EPCIS_BATCH_NOT_YOURS', details: { field: 'body.epcisBody.eventList.2' } });
    expect(res.json().error.message).toContain(others.code);
    for (const who of ['regulator', 'county'] as const) expect(await exported(who, others)).not.toContain('FORGED');
    expect(await scanPage(others)).not.toContain('FORGED');
    // Nothing of the refused document was kept: the same events, without the foreign one, are all new.
    const retry = await inject('merchant', 'POST', '/trace/epcis', documentNaming(own.url, 'FORGED', 2, 3));
    expect(retry.json()).toMatchObject({ accepted: 3, duplicates: 0, linked: 1 });
  });

  it("links a merchant's event on its own batch, and a regulator's on any batch", async () => {
    expect((await inject('merchant', 'POST', '/trace/epcis', documentNaming(own.url, 'OWNEVT'))).json()).toMatchObject({ accepted: 1, linked: 1 });
    expect(await exported('merchant', own)).toContain('OWNEVT');
    expect((await inject('regulator', 'POST', '/trace/epcis', documentNaming(own.url, 'REGEVT'))).json()).toMatchObject({ accepted: 1, linked: 1 });
    expect(await exported('merchant', own)).toContain('REGEVT');
  });

  it("keeps a courier's event on a batch for the county and regulators only: not in the producer's export, not on the scan page", async () => {
    const res = await inject('courier', 'POST', '/trace/epcis', documentNaming(own.url, 'CARRIED'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ accepted: 1, linked: 1 });
    expect(await exported('regulator', own)).toContain('CARRIED');
    expect(await exported('county', own)).toContain('CARRIED');
    expect(await exported('merchant', own)).not.toContain('CARRIED');
    expect(await scanPage(own)).not.toContain('CARRIED');
  });
});
