import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/kernel/clock.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

/** A real PDF, as a PDF writer makes it (header, objects, xref, trailer, startxref, %%EOF), padded to `size` bytes. */
async function realPdf(size = 0): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', compress: false });
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.text('Lab report');
  if (size > 0) doc.addContent(`% ${'x'.repeat(size)}\n`);
  doc.end();
  await done;
  return Buffer.concat(parts);
}

let serial = 0;
function multipart(field: string, fileName: string, content: Buffer, type: string) {
  const boundary = `----countyhub-limits-${++serial}`;
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Where the test app keeps a lab report's bytes (its data folder is a fresh temporary one). */
function reportOnDisk(fileId: string): string | undefined {
  for (const dir of fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('countyhub-test-'))) {
    const folder = path.join(os.tmpdir(), dir, 'files', 'trace');
    const found = fs.existsSync(folder) ? fs.readdirSync(folder).find((f) => f.startsWith(`${fileId.toLowerCase()}.`)) : undefined;
    if (found) return path.join(folder, found);
  }
  return undefined;
}

describe.each(engines())('upload limits on %s', (engine) => {
  const clock = manualClock('2026-06-15T04:00:00.000Z');
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  let pdf: Buffer;
  /** Sessions do not outlive a day of the test clock: after moving it, everyone signs in again. */
  const signInAll = async () => {
    for (const who of ['county', 'township', 'village', 'merchant']) as[who] = await signIn(t.app, `demo.${who}`);
  };

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false, clock });
    await signInAll();
    pdf = await realPdf();
  });
  afterAll(() => t.close());

  const report = (who: string, content: Buffer, type = 'application/pdf') => {
    const body = multipart('file', 'report.pdf', content, type);
    return t.app.inject({ method: 'POST', url: '/api/v1/trace/files', headers: { ...as[who], ...body.headers }, payload: body.payload });
  };

  describe('lab reports must be PDFs with the structure of one', () => {
    it('takes a PDF a PDF writer made', async () => {
      const res = await report('county', pdf);
      expect(res.statusCode, res.body).toBe(201);
    });

    it('refuses a file that only starts like a PDF with 400 NOT_A_PDF naming body.file', async () => {
      const fakes = [
        Buffer.concat([Buffer.from('%PDF'), Buffer.alloc(200_000)]),
        Buffer.from('%PDF-1.4\n% 检测报告\n%%EOF\n'),
        Buffer.from('%PDF-x.y\nstartxref\n0\n%%EOF\n'),
        Buffer.concat([pdf.subarray(0, pdf.length - 200)]),
        Buffer.concat([pdf, Buffer.alloc(100_000)]),
      ];
      for (const fake of fakes) {
        const res = await report('county', fake);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'NOT_A_PDF', details: { field: 'body.file' } });
      }
    });
  });

  describe('each uploader has a daily quota, counted in the database', () => {
    it('refuses the 31st report of a day with 429 UPLOAD_QUOTA and Retry-After, and takes reports again the next day', async () => {
      for (let i = 0; i < 30; i++) {
        const res = await report('merchant', pdf);
        expect(res.statusCode, `upload ${i + 1}: ${res.body}`).toBe(201);
      }
      const refused = await report('merchant', pdf);
      expect(refused.statusCode, refused.body).toBe(429);
      const error = refused.json().error;
      expect(error.code).toBe('UPLOAD_QUOTA');
      expect(error.details.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(86_400);
      expect(Number(refused.headers['retry-after'])).toBe(error.details.retryAfterSeconds);
      // Counted before the file is read: an oversized file gets the quota's answer, not "too large".
      const oversize = await report('merchant', Buffer.alloc(17 * 1024 * 1024, 0x41));
      expect(oversize.statusCode).toBe(429);
      // Another account is not held by it.
      expect((await report('township', pdf)).statusCode).toBe(201);
      clock.advance(86_400_000 + 1000);
      await signInAll();
      expect((await report('merchant', pdf)).statusCode).toBe(201);
    });

    it('refuses the report that would pass 100 MB in a day', async () => {
      const large = await realPdf(8_300_000);
      expect(large.length).toBeGreaterThan(8_300_000);
      expect(large.length).toBeLessThan(8 * 1024 * 1024);
      for (let i = 0; i < 12; i++) {
        const res = await report('village', large);
        expect(res.statusCode, `upload ${i + 1}: ${res.body}`).toBe(201);
      }
      const refused = await report('village', large);
      expect(refused.statusCode, refused.body).toBe(429);
      expect(refused.json().error.code).toBe('UPLOAD_QUOTA');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('the hourly job removes reports no record cites', () => {
    it('removes an uncited report older than a day (row and bytes), keeps a cited one and a new one, and can run twice', async () => {
      const inject = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload });
      const cited = (await report('county', pdf)).json().fileId;
      const stray = (await report('county', pdf)).json().fileId;
      const producer = (await inject('county', 'GET', '/trace/producers')).json().items[0];
      const base = (await inject('county', 'POST', '/trace/bases', { producerId: producer.id, name: '清理测试基地', divisionCode: '530621110205', areaMu: 10 })).json();
      const plot = (await inject('county', 'POST', '/trace/plots', { baseId: base.id, name: '清理测试地块', crop: 'pepper', variety: '九叶青', areaMu: 5 })).json();
      const labTest = { kind: 'lab_test', occurredOn: shanghaiDate(clock.now()), labTest: { laboratory: '鲁甸县检测站', items: [{ name: '阿维菌素', result: '<0.01', limit: '≤0.02', pass: true }], reportFileId: cited } };
      const record = await inject('county', 'POST', `/trace/plots/${plot.id}/records`, labTest);
      expect(record.statusCode, record.body).toBe(201);
      expect(reportOnDisk(stray)).toBeTruthy();

      const purge = async () => {
        await t.jobs.runNow('trace.purge-uncited-lab-reports');
        await t.jobs.tick();
        return (await t.jobs.overview()).find((j) => j.name === 'trace.purge-uncited-lab-reports')!.lastRun?.outcome;
      };
      // Under a day old: kept, cited or not.
      expect(await purge()).toBe('succeeded');
      expect((await inject('county', 'GET', `/trace/files/${stray}`)).statusCode).toBe(200);

      clock.advance(25 * 3600_000);
      await signInAll();
      const fresh = (await report('county', pdf)).json().fileId;
      expect(await purge()).toBe('succeeded');
      expect(await purge()).toBe('succeeded');
      expect((await inject('county', 'GET', `/trace/files/${stray}`)).statusCode).toBe(404);
      expect(reportOnDisk(stray)).toBeUndefined();
      const rows = await t.database.db.selectFrom('trace_files' as never).select('id' as never).where('id' as never, 'in', [stray, cited, fresh] as never).execute();
      expect((rows as { id: string }[]).map((r) => r.id).sort()).toEqual([cited, fresh].sort());
      expect((await inject('county', 'GET', `/trace/files/${cited}`)).statusCode).toBe(200);
      expect(reportOnDisk(cited)).toBeTruthy();
      expect((await inject('county', 'GET', `/trace/files/${fresh}`)).statusCode).toBe(200);
    });
  });

  it('finishes a removal cut short: bytes left on disk, or a removal whose bytes were already deleted', async () => {
    const db = t.database.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
    const half = (await report('county', pdf)).json().fileId;
    const done = (await report('county', pdf)).json().fileId;
    const rows = await db.selectFrom('trace_files').select(['id', 'key']).where('id', 'in', [half, done]).execute();
    // As if killed after the rows moved to trace_file_removals, one before its bytes were deleted, one after.
    await db.deleteFrom('trace_files').where('id', 'in', [half, done]).execute();
    await db.insertInto('trace_file_removals').values(rows.map((r) => ({ file_id: r.id, key: r.key }))).execute();
    fs.rmSync(reportOnDisk(done)!);
    expect(reportOnDisk(half)).toBeTruthy();
    await t.modules.trace.files.purgeUncited();
    expect(reportOnDisk(half)).toBeUndefined();
    expect(await db.selectFrom('trace_file_removals').selectAll().execute()).toEqual([]);
  });

  describe('product photos', () => {
    const photo = (who: string, product: string, content: Buffer) => {
      const body = multipart('photo', 'p.png', content, 'image/png');
      return t.app.inject({ method: 'POST', url: `/api/v1/catalog/products/${product}/photos`, headers: { ...as[who], ...body.headers }, payload: body.payload });
    };
    const photoCount = async (product: string) => (await t.app.inject({ url: `/api/v1/catalog/manage/products/${product}`, headers: as.merchant })).json().photos.length as number;

    it('keeps at most 9 photos a product, even when many are sent at once; the 10th is 409 naming the field', async () => {
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7d2c' } }).png().toBuffer();
      const mine = (await t.app.inject({ url: '/api/v1/catalog/manage/products?limit=100', headers: as.merchant })).json().items.map((p: { id: string }) => p.id);
      const [one, two] = mine;
      const have = await photoCount(one);
      const all = await Promise.all(Array.from({ length: 14 - have }, () => photo('merchant', one, png)));
      expect(all.filter((r) => r.statusCode === 201)).toHaveLength(9 - have);
      expect(await photoCount(one)).toBe(9);
      for (const res of all.filter((r) => r.statusCode !== 201)) {
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().error).toMatchObject({ code: 'TOO_MANY_PHOTOS', details: { field: 'body.photo', max: 9 } });
      }
      const tenth = await photo('merchant', one, png);
      expect(tenth.statusCode).toBe(409);
      expect(tenth.json().error).toMatchObject({ code: 'TOO_MANY_PHOTOS', details: { field: 'body.photo' } });
      // One by one on another product.
      for (let i = await photoCount(two); i < 9; i++) expect((await photo('merchant', two, png)).statusCode).toBe(201);
      expect((await photo('merchant', two, png)).statusCode).toBe(409);
    });
  });
});
