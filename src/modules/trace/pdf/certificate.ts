import { drawQr, MM, newPdf, pdfBuffer } from './document.js';

/** What a 承诺达标合格证 states (the Ministry of Agriculture's template). */
export interface CertificateFacts {
  product: string;
  quantity: string;
  origin: string;
  producer: string;
  contact: string;
  issuedOn: string;
  code: string;
  url: string;
  /** 委托检测 when a passing lab test is on record, else 内部质量控制 (the farm records). */
  basis: 'lab_test' | 'internal_control';
  note: string | null;
}

const BASES = [
  ['lab_test', '委托检测'],
  ['self_test', '自我检测'],
  ['internal_control', '内部质量控制'],
  ['pledge', '自我承诺'],
] as const;

/** One certificate on an A6 landscape page (148 × 105 mm), to print and attach to the batch or vehicle. */
export async function certificatePdf(facts: CertificateFacts): Promise<Buffer> {
  const doc = newPdf(148, 105, `承诺达标合格证 ${facts.code}`);
  doc.addPage();
  const left = 8 * MM;
  const width = 132 * MM;
  doc.lineWidth(1.2).rect(5 * MM, 5 * MM, 138 * MM, 95 * MM).stroke('#b7282e');
  doc.font('cn-bold').fontSize(17).fillColor('#b7282e').text('承诺达标合格证', left, 9 * MM, { width, align: 'center' });
  doc.font('cn').fontSize(8.5).fillColor('#000');
  // Boxes are drawn: the font has no ☑.
  const tick = (x: number, y: number, checked: boolean) => {
    doc.lineWidth(0.6).rect(x, y + 1.5, 7, 7).stroke('#000');
    if (checked) doc.lineWidth(1.1).moveTo(x + 1.3, y + 5).lineTo(x + 3, y + 7).lineTo(x + 6, y + 2.5).stroke('#b7282e');
  };
  const choices = (items: [string, boolean][], x: number, y: number) => {
    let at = x;
    for (const [text, checked] of items) {
      tick(at, y, checked);
      doc.fillColor('#000').text(text, at + 10, y, { lineBreak: false });
      at += 10 + doc.widthOfString(text) + 10;
    }
  };
  doc.text('我承诺对生产销售的食用农产品：', left, 18 * MM);
  choices([['不使用禁用农药兽药、停用兽药和非法添加物', true], ['常规农药兽药残留不超标', true]], left, 22.5 * MM);
  choices([['对承诺的真实性负责', true]], left, 27 * MM);
  doc.text('承诺依据：', left, 31.5 * MM, { lineBreak: false });
  choices(BASES.map(([key, name]) => [name, key === facts.basis]), left + doc.widthOfString('承诺依据：') + 2, 31.5 * MM);
  const rows: [string, string][] = [
    ['产品名称', facts.product],
    ['数量（重量）', facts.quantity],
    ['产地', facts.origin],
    ['生产者', facts.producer],
    ['联系方式', facts.contact],
    ['开具日期', facts.issuedOn],
    ['追溯码', facts.code],
  ];
  let y = 38 * MM;
  for (const [label, value] of rows) {
    doc.font('cn').fontSize(9).fillColor('#595959').text(label, left, y, { width: 24 * MM });
    doc.font('cn-bold').fillColor('#000').text(value, left + 24 * MM, y, { width: 72 * MM, height: 6 * MM, ellipsis: true });
    doc.moveTo(left + 24 * MM, y + 5 * MM).lineTo(left + 96 * MM, y + 5 * MM).lineWidth(0.4).stroke('#d9d9d9');
    y += 7 * MM;
  }
  drawQr(doc, facts.url, 108 * MM, 38 * MM, 32 * MM);
  doc.font('cn').fontSize(7).fillColor('#595959').text('扫码查看产地、投入品与检测', 106 * MM, 71 * MM, { width: 36 * MM, align: 'center' });
  doc.text('生产者签名（盖章）：', 106 * MM, 80 * MM, { width: 36 * MM });
  if (facts.note) doc.fontSize(7).fillColor('#b7282e').text(facts.note, left, 88 * MM, { width: 96 * MM });
  return pdfBuffer(doc);
}
