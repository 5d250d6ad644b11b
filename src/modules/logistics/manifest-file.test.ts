import { describe, expect, it } from 'vitest';
import { parseCsv, toParcels } from './manifest-file.js';

describe('manifest files', () => {
  it('read quoted CSV fields with commas, quotes and line breaks, and a BOM', () => {
    expect(parseCsv(Buffer.from('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\nline",z'))).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['multi\nline', 'z']]);
  });

  it('turn rows into parcels whatever the column order and language, weights in kg or g', () => {
    const parcels = toParcels([
      ['Address', '收件人', 'phone', '运单号', '重量(kg)'],
      ['鲁甸县乐红镇乐红村', '张三', '+86 138-1234-5678', 'ZT123456789', '0.75'],
      ['', '', '', '', ''],
    ]);
    expect(parcels).toEqual([{ waybillNo: 'ZT123456789', recipientName: '张三', recipientPhone: '13812345678', address: '鲁甸县乐红镇乐红村', weightG: 750 }]);
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
