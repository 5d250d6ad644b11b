import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { chineseFonts } from '../../kernel/cjk-fonts.js';

/** Runs in a worker thread (kernel/offload.ts): plain data in, bytes out; no database, no request. */

const MM = 72 / 25.4;
type Pdf = PDFKit.PDFDocument;

export interface CertificateFacts {
  holder: string;
  idNumberMasked: string;
  courseTitle: string;
  trackName: string;
  levelName: string | null;
  hours: number;
  online: boolean;
  issuedOn: string;
  organiser: string | null;
  number: string;
  /** The public verify page, `<publicUrl>/c/<code>`: in the QR code and as the QR's link. */
  url: string;
}

function newPdf(widthMm: number, heightMm: number, title: string): Pdf {
  const doc = new PDFDocument({ size: [widthMm * MM, heightMm * MM], margin: 0, autoFirstPage: false, info: { Title: title, Producer: 'CountyHub' } });
  const { regular, bold } = chineseFonts();
  doc.registerFont('cn', regular);
  doc.registerFont('cn-bold', bold);
  return doc;
}

function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A QR code drawn as vector squares (sharp when printed), quiet zone of 2 modules inside `sizePt`. */
function drawQr(doc: Pdf, text: string, x: number, y: number, sizePt: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = sizePt / (modules.size + 4);
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) doc.rect(x + (c + 2) * cell, y + (r + 2) * cell, cell, cell);
  }
  doc.fillColor('#000').fill();
}

const dateZh = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const hoursText = (h: number) => (Number.isInteger(h) ? String(h) : h.toFixed(1));

/** 培训结业证书 on one A4 landscape page (297 × 210 mm). */
export async function certificatePdf(f: CertificateFacts): Promise<Buffer> {
  const doc = newPdf(297, 210, `培训结业证书 ${f.number}`);
  doc.addPage();
  const red = '#b7282e';
  doc.lineWidth(3).rect(10 * MM, 10 * MM, 277 * MM, 190 * MM).stroke(red);
  doc.lineWidth(0.8).rect(14 * MM, 14 * MM, 269 * MM, 182 * MM).stroke(red);
  doc.font('cn-bold').fontSize(34).fillColor(red).text('结 业 证 书', 0, 30 * MM, { width: 297 * MM, align: 'center' });
  doc.font('cn').fontSize(11).fillColor('#595959').text('农村电子商务培训 Rural E-commerce Training', 0, 47 * MM, { width: 297 * MM, align: 'center' });

  const left = 34 * MM;
  const width = 180 * MM;
  doc.font('cn-bold').fontSize(22).fillColor('#000').text(f.holder, left, 66 * MM, { width, lineBreak: false });
  doc.font('cn').fontSize(11).fillColor('#595959').text(`身份证号 ${f.idNumberMasked}`, left, 77 * MM, { width });
  const track = f.levelName ? `${f.trackName}·${f.levelName}` : f.trackName;
  const how = f.online ? '通过线上学习完成' : '参加并完成';
  doc
    .font('cn')
    .fontSize(15)
    .fillColor('#000')
    .text(`于 ${dateZh(f.issuedOn)} ${how}《${f.courseTitle}》课程（${track}，${hoursText(f.hours)} 学时）的学习，成绩合格，准予结业。`, left, 90 * MM, { width, lineGap: 8 });

  const rows: [string, string][] = [
    ['培训类别', track],
    ['课程名称', f.courseTitle],
    ['学时', `${hoursText(f.hours)} 学时`],
    ['承办单位', f.organiser ?? '县电子商务进农村综合示范工作领导小组办公室'],
    ['证书编号', f.number],
    ['发证日期', dateZh(f.issuedOn)],
  ];
  let y = 128 * MM;
  for (const [label, value] of rows) {
    doc.font('cn').fontSize(10).fillColor('#595959').text(label, left, y, { width: 24 * MM, lineBreak: false });
    doc.font('cn-bold').fontSize(10).fillColor('#000').text(value, left + 24 * MM, y, { width: 150 * MM, height: 6 * MM, ellipsis: true, lineBreak: false });
    y += 8 * MM;
  }

  const qrX = 226 * MM;
  const qrY = 120 * MM;
  const qrSize = 44 * MM;
  drawQr(doc, f.url, qrX, qrY, qrSize);
  doc.link(qrX, qrY, qrSize, qrSize, f.url);
  doc.font('cn').fontSize(9).fillColor('#595959').text('扫码验证证书真伪', qrX, qrY + qrSize + 1 * MM, { width: qrSize, align: 'center' });
  doc.font('cn').fontSize(7).fillColor('#8c8c8c').text(f.url, 20 * MM, 188 * MM, { width: 257 * MM, align: 'right', lineBreak: false });
  return pdfBuffer(doc);
}

/**
 * A short Chinese course handout (a real PDF made at demo time, nothing binary kept in the repository): the title
 * page and a few sections, for the demo's online courses.
 */
export async function handoutPdf(title: string, sections: { heading: string; text: string }[]): Promise<Buffer> {
  const doc = newPdf(210, 297, title);
  doc.addPage();
  doc.font('cn-bold').fontSize(20).fillColor('#000').text(title, 20 * MM, 25 * MM, { width: 170 * MM, align: 'center' });
  doc.font('cn').fontSize(10).fillColor('#595959').text('县电子商务公共服务中心 培训讲义', 20 * MM, 38 * MM, { width: 170 * MM, align: 'center' });
  doc.moveDown(2);
  for (const s of sections) {
    doc.font('cn-bold').fontSize(13).fillColor('#000').text(s.heading, 20 * MM, undefined, { width: 170 * MM });
    doc.moveDown(0.4);
    doc.font('cn').fontSize(11).fillColor('#262626').text(s.text, { width: 170 * MM, lineGap: 4 });
    doc.moveDown(1);
  }
  return pdfBuffer(doc);
}
