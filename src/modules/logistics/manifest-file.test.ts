import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseXlsx, toParcels } from './manifest-file.js';

/** The bytes of a text in a legacy two-byte encoding (GBK, Big5), found by searching the decoder's table. */
const tables = new Map<string, Map<string, number[]>>();
function encode(label: 'gbk' | 'big5', text: string): Buffer {
  let table = tables.get(label);
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder(label);
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const ch = decoder.decode(Uint8Array.of(hi, lo));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo]);
      }
    }
    tables.set(label, table);
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (table.has(ch)) out.push(...table.get(ch)!);
    else throw new Error(`no ${label} code for ${ch}`);
  }
  return Buffer.from(out);
}

const HEADER = '运单号,收件人,电话,地址\r\n';
const refusal = (bytes: Buffer) => {
  try {
    parseCsv(bytes);
  } catch (err) {
    return err as { status: number; message: string; details: { field: string; rows: { row: number; column: string; message: string }[] } };
  }
  throw new Error('the file was accepted');
};

describe('manifest files', () => {
  it('read quoted CSV fields with commas, quotes and line breaks, and a BOM', () => {
    expect(parseCsv(Buffer.from('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\nline",z'))).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['multi\nline', 'z']]);
  });

  it('read a GBK file, as a spreadsheet on a Chinese Windows PC saves it', () => {
    const text = `${HEADER}ZT0000000001,马文学,13800001111,"鲁甸县乐红镇乐红村，5组（小卖部）"\r\n`;
    expect(parseCsv(encode('gbk', text))).toEqual([['运单号', '收件人', '电话', '地址'], ['ZT0000000001', '马文学', '13800001111', '鲁甸县乐红镇乐红村，5组（小卖部）']]);
  });

  it('refuse a Big5 file, naming the row and column, though GB18030 would decode its bytes', () => {
    const bytes = Buffer.concat([encode('gbk', HEADER), encode('big5', 'ZT0000000002,陳大文,13800002222,臺北市中正區\r\n')]);
    expect(() => new TextDecoder('gb18030', { fatal: true }).decode(bytes)).not.toThrow();
    const err = refusal(bytes);
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/^file: row 2, 收件人: /);
    expect(err.details.rows.map((r) => [r.row, r.column])).toEqual([[2, '收件人'], [2, '地址']]);
  });

  it('refuse Latin-1 (Müller) and name where it is', () => {
    const err = refusal(Buffer.concat([encode('gbk', HEADER), Buffer.from('ZT0000000003,Müller,13800003333,乐红村\r\n'.replace('乐红村', 'Lehong'), 'latin1')]));
    expect(err.details.rows).toEqual([{ row: 2, column: '收件人', message: expect.stringMatching(/Big5, Latin-1/) }]);
    const jose = refusal(Buffer.from('waybill,name,phone,address\r\nZT0000000004,José,13800004444,Lehong\r\n', 'latin1'));
    expect(jose.details.rows).toEqual([{ row: 2, column: 'name', message: expect.stringMatching(/not valid GBK/) }]);
  });

  it('refuse broken bytes in a UTF-8 file, and U+FFFD itself, naming the row', () => {
    const good = Buffer.from(`${HEADER}ZT0000000005,张三,13800005555,鲁甸县乐红镇乐红村\r\n`);
    const broken = Buffer.from('ZT0000000006,李四,13800006666,鲁甸县龙头山镇八宝村\r\n');
    const cut = Buffer.concat([good, broken.subarray(0, 16), broken.subarray(17)]);
    expect(refusal(cut).details.rows).toEqual([{ row: 3, column: '收件人', message: expect.stringMatching(/not valid UTF-8/) }]);
    const replaced = refusal(Buffer.from(`${HEADER}ZT0000000007,王\uFFFD,13800007777,乐红村\r\n`));
    expect(replaced.details.rows).toEqual([{ row: 2, column: '收件人', message: expect.stringMatching(/U\+FFFD/) }]);
  });

  it('turn rows into parcels whatever the column order and language, weights in kg or g', () => {
    const parcels = toParcels([
      ['Address', '收件人', 'phone', '运单号', '重量(kg)'],
      ['鲁甸县乐红镇乐红村', '张三', '+86 138-1234-5678', 'ZT123456789', '0.75'],
      ['', '', '', '', ''],
    ]);
    expect(parcels).toEqual([{ waybillNo: 'ZT123456789', recipientName: '张三', recipientPhone: '13812345678', address: '鲁甸县乐红镇乐红村', weightG: 750 }]);
  });

  it('refuse garbled text from any file, an Excel cell too', () => {
    expect(() => toParcels([['运单号', '收件人', '电话', '地址'], ['ZT123456780', '张\uFFFD', '13812345678', '乐红镇\u0001乐红村']])).toThrow(/row 2, 收件人: holds U\+FFFD/);
  });

  it('name every bad row, and the missing columns', () => {
    expect(() => toParcels([['运单号', '收件人', '电话', '地址'], ['ZT1', '', '138', '乐']])).toThrow(/row 2/);
    try {
      toParcels([['运单号', '收件人', '电话', '地址'], ['ZT1', '', '138', '乐']]);
    } catch (err) {
      expect((err as { details: { rows: unknown[] } }).details.rows).toHaveLength(4);
    }
    expect(() => toParcels([['运单号', '姓名']])).toThrow(/电话, 地址/);
  });

  describe('stop reading at their limits', () => {
    const limits = { rows: 100, cells: 1000, unpackedBytes: 1024 * 1024 };
    const workbook = async (rows: number, width = 4) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('清单');
      sheet.addRow(['运单号', '收件人', '手机', '收件地址'].slice(0, width));
      for (let i = 0; i < rows; i++) sheet.addRow([`YT${String(i).padStart(10, '0')}`, `收件人${i}`, 13800000000 + i, '鲁甸县乐红镇乐红村', ...Array.from({ length: Math.max(0, width - 4) }, () => 'x')]);
      // Rows formatted but empty, as templates have: not parcels, not counted.
      for (let i = 0; i < 200; i++) sheet.getRow(rows + 10 + i).getCell(1).border = { top: { style: 'thin' } };
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const failure = async (work: Promise<unknown>) => {
      const err = await work.then(() => null, (e: unknown) => e as { status: number; code: string; message: string; details: unknown });
      if (!err) throw new Error('the file was accepted');
      return err;
    };

    it('a workbook up to the row limit is read, one row more is refused unread', async () => {
      expect(await parseXlsx(await workbook(100), limits)).toHaveLength(101);
      const err = await failure(parseXlsx(await workbook(101), limits));
      expect(err).toMatchObject({ status: 413, code: 'TOO_MANY_ROWS', details: { field: 'file', limit: 100 } });
      expect(err.message).toMatch(/^file: 超过 100 行.*more than 100 rows/);
    });

    it('a workbook of too many cells, or that unpacks too large, is refused', async () => {
      expect(await failure(parseXlsx(await workbook(10, 120), limits))).toMatchObject({ status: 413, code: 'TOO_MANY_CELLS', details: { field: 'file', limit: 1000 } });
      expect(await failure(parseXlsx(await workbook(10), { ...limits, unpackedBytes: 2000 }))).toMatchObject({ status: 413, code: 'FILE_TOO_LARGE', details: { field: 'file' } });
      expect(await failure(parseXlsx(Buffer.from('PK\u0003\u0004 not a zip at all'), limits))).toMatchObject({ status: 400, details: { field: 'file' } });
    });

    it('a CSV stops at the row limit, not counting blank rows, and at the cell limit', () => {
      const lines = (n: number) => ['运单号,收件人,电话,地址', ...Array.from({ length: n }, (_, i) => `YT${String(i).padStart(10, '0')},甲,13800000000,乐红村`), ...Array.from({ length: 50 }, () => ',,,')].join('\r\n');
      expect(parseCsv(Buffer.from(lines(100)), limits)).toHaveLength(151);
      expect(() => parseCsv(Buffer.from(lines(101)), limits)).toThrow(expect.objectContaining({ status: 413, code: 'TOO_MANY_ROWS' }));
      expect(() => parseCsv(Buffer.from(`运单号,收件人,电话,地址\n${','.repeat(2000)}`), limits)).toThrow(expect.objectContaining({ status: 413, code: 'TOO_MANY_CELLS' }));
    });
  });
});
