import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAuth } from '../../src/kernel/http/auth.js';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';
import { labReportPdf } from '../fixtures/lab-report-pdf.js';

type Who = 'county' | 'courier' | 'merchant' | 'village' | 'consumer' | 'trainer';
let serial = 0;

function multipart(field: string, fileName: string, content: Buffer, type: string) {
  const boundary = `----countyhub-uploads-${++serial}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** More than any upload route takes: a route that reads it before asking who calls answers "too large". */
const OVERSIZE = Buffer.alloc(17 * 1024 * 1024, 0x41);

/** A manifest workbook of `rows` parcels, written as Excel writes it (shared strings after the sheet). */
async function manifestWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('清单');
  sheet.addRow(['运单号', '收件人', '手机', '收件地址']);
  for (let i = 0; i < rows; i++) sheet.addRow([`YT${String(i).padStart(10, '0')}`, `收件人${i}`, 13800000000 + i, '鲁甸县乐红镇乐红村']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(engines())('uploads and large bodies on %s', (engine) => {
  let t: TestApp;
  const as = {} as Record<Who, { cookie: string }>;
  let ownProduct = '';
  let otherProduct = '';

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    for (const who of ['county', 'courier', 'merchant', 'village', 'consumer', 'trainer'] as const) as[who] = await signIn(t.app, `demo.${who}`);
    const mine = (await t.app.inject({ url: '/api/v1/catalog/manage/products?limit=100', headers: as.merchant })).json().items.map((p: { id: string }) => p.id);
    const all = (await t.app.inject({ url: '/api/v1/catalog/manage/products?limit=100', headers: as.county })).json().items.map((p: { id: string }) => p.id);
    ownProduct = mine[0];
    otherProduct = all.find((id: string) => !mine.includes(id));
    expect(ownProduct && otherProduct).toBeTruthy();
  });
  afterAll(() => t.close());

  const upload = (url: string, who: Who, field: string, fileName: string, content: Buffer, type: string) => {
    const body = multipart(field, fileName, content, type);
    return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...as[who], ...body.headers }, payload: body.payload });
  };
  const photo = (who: Who, content: Buffer, product = ownProduct) => upload(`/catalog/products/${product}/photos`, who, 'photo', 'p.png', content, 'image/png');
  const labReport = (who: Who, content: Buffer, type = 'image/png') => upload('/trace/files', who, 'file', 'report.png', content, type);
  const manifest = (who: Who, content: Buffer, name = 'manifest.xlsx', type = XLSX) => upload('/logistics/manifests/upload?carrier=yuantong', who, 'file', name, content, type);

  describe('who may call is checked before a body or file is read', () => {
    it('refuses a consumer’s manifest file, catalogue photo and lab report with 403, whatever the file', async () => {
      for (const res of [await manifest('consumer', OVERSIZE), await manifest('consumer', Buffer.from('PK not really a workbook')), await photo('consumer', OVERSIZE), await labReport('consumer', OVERSIZE), await labReport('trainer', OVERSIZE)]) {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    });

    it('refuses a merchant’s photo for a product it does not manage before reading it', async () => {
      const res = await photo('merchant', OVERSIZE, otherProduct);
      expect(res.statusCode, res.body).toBe(403);
    });

    it('refuses large JSON bodies from callers who may not send them before parsing them', async () => {
      const broken = (url: string, who: Who, type = 'application/json') => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...as[who], 'content-type': type }, payload: '{"not": json' });
      for (const [url, who, type] of [
        ['/logistics/manifests', 'consumer'],
        ['/logistics/manifests', 'village'],
        ['/logistics/scans/batch', 'consumer'],
        ['/trace/epcis', 'consumer', 'application/ld+json'],
        ['/trace/epcis', 'trainer'],
      ] as [string, Who, string?][]) {
        const res = await broken(url, who, type);
        expect(res.statusCode, `${who} ${url}: ${res.body}`).toBe(403);
      }
      // Those who may call still learn what is wrong with their body.
      expect((await broken('/logistics/manifests', 'courier')).statusCode).toBe(400);
      expect((await broken('/trace/epcis', 'merchant', 'application/ld+json')).statusCode).toBe(400);
    });

    it('a route that takes a file or a large body and names no roles does not start', async () => {
      for (const options of [{ bodyLimit: 16 * 1024 * 1024 }, { schema: { consumes: ['multipart/form-data'] } }]) {
        const app = Fastify();
        registerAuth(app, async () => null);
        expect(() => app.post('/api/v1/big', options, async () => ({}))).toThrow(/roles/);
        await app.close();
      }
      const declared = Fastify();
      registerAuth(declared, async () => null);
      declared.post('/api/v1/big', { bodyLimit: 16 * 1024 * 1024, config: { roles: ['courier'] } }, async () => ({}));
      await expect(declared.ready()).resolves.toBeDefined();
      await declared.close();
    });
  });

  describe('manifest spreadsheets stop at the row limit', () => {
    it('refuses a workbook of more than 10 000 rows with 413, naming the file and the limit', async () => {
      const res = await manifest('courier', await manifestWorkbook(10_001));
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'TOO_MANY_ROWS', details: { field: 'file', limit: 10_000 } });
      expect(res.json().error.message).toMatch(/^file: .*10 000/);
    });

    it('refuses a CSV of more than 10 000 rows the same way', async () => {
      const lines = ['运单号,收件人,电话,地址'];
      for (let i = 0; i < 10_001; i++) lines.push(`YT${String(i).padStart(10, '0')},收件人,${13800000000 + i},鲁甸县乐红镇乐红村`);
      const res = await manifest('courier', Buffer.from(lines.join('\n')), 'manifest.csv', 'text/csv');
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'TOO_MANY_ROWS', details: { field: 'file', limit: 10_000 } });
    });

    it('refuses a workbook of few rows but more cells than a manifest has, before Excel is parsed', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('清单');
      sheet.addRow(['运单号', '收件人', '手机', '收件地址']);
      for (let i = 0; i < 26; i++) sheet.addRow(Array.from({ length: 16_000 }, () => 'x'));
      const res = await manifest('courier', Buffer.from(await workbook.xlsx.writeBuffer()));
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'TOO_MANY_CELLS', details: { field: 'file' } });
    });
  });

  describe('images are checked before they are decoded, and what does not decode is a 400', () => {
    let interlaced: Buffer;
    let normal: Buffer;
    let truncated: Buffer;
    let corruptJpeg: Buffer;
    beforeAll(async () => {
      interlaced = await sharp({ create: { width: 12_000, height: 12_000, channels: 3, background: '#3a7d2c' } }).png({ progressive: true, compressionLevel: 9 }).toBuffer();
      normal = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#8a4b2c' } }).png().toBuffer();
      const noisy = await sharp(Buffer.from(Array.from({ length: 400 * 300 * 3 }, (_, i) => (i * 7919) % 251)), { raw: { width: 400, height: 300, channels: 3 } }).png().toBuffer();
      truncated = noisy.subarray(0, Math.floor(noisy.length / 2));
      const jpeg = await sharp(Buffer.from(Array.from({ length: 400 * 300 * 3 }, (_, i) => (i * 104729) % 253)), { raw: { width: 400, height: 300, channels: 3 } }).jpeg().toBuffer();
      corruptJpeg = Buffer.concat([jpeg.subarray(0, 700), Buffer.alloc(2000, 0xff), jpeg.subarray(2700, 3000)]);
    });

    it('refuses a 12 000 × 12 000 interlaced PNG as a product photo and as a lab report', async () => {
      expect(interlaced.length).toBeLessThan(1024 * 1024);
      const asPhoto = await photo('merchant', interlaced);
      expect(asPhoto.statusCode, asPhoto.body).toBe(400);
      expect(asPhoto.json().error).toMatchObject({ code: 'IMAGE_TOO_LARGE', details: { field: 'body.photo' } });
      const asReport = await labReport('merchant', interlaced);
      expect(asReport.statusCode, asReport.body).toBe(400);
      expect(asReport.json().error).toMatchObject({ code: 'IMAGE_TOO_LARGE', details: { field: 'body.file' } });
    });

    it('refuses a photo wider than 8 000 pixels though its area is small', async () => {
      const strip = await sharp({ create: { width: 9000, height: 20, channels: 3, background: '#000' } }).png().toBuffer();
      expect((await photo('merchant', strip)).json().error).toMatchObject({ code: 'IMAGE_TOO_LARGE', details: { field: 'body.photo' } });
    });

    it('answers 400 naming the field for a truncated PNG and a corrupt JPEG, never 500', async () => {
      for (const [bytes, type] of [[truncated, 'image/png'], [corruptJpeg, 'image/jpeg']] as const) {
        const asPhoto = await photo('merchant', bytes);
        expect(asPhoto.statusCode, asPhoto.body).toBe(400);
        expect(asPhoto.json().error).toMatchObject({ code: 'NOT_AN_IMAGE', details: { field: 'body.photo' } });
        const asReport = await labReport('merchant', bytes, type);
        expect(asReport.statusCode, asReport.body).toBe(400);
        expect(asReport.json().error).toMatchObject({ code: 'NOT_AN_IMAGE', details: { field: 'body.file' } });
      }
    });

    it('still takes a normal photo and a normal lab report', async () => {
      const res = await photo('merchant', normal);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ width: 1200, height: 900 });
      const report = await labReport('merchant', normal);
      expect(report.statusCode, report.body).toBe(201);
      const pdf = await labReport('county', labReportPdf('test'), 'application/pdf');
      expect(pdf.statusCode, pdf.body).toBe(201);
    });
  });
});
