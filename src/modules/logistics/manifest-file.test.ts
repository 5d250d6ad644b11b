import { describe, expect, it } from 'vitest';
import { parseCsv, toParcels } from './manifest-file.js';

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
});
