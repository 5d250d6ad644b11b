import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { chineseFonts } from '../../../kernel/cjk-fonts.js';

export const MM = 72 / 25.4;

export type Pdf = PDFKit.PDFDocument;

/** A PDF of pages of the given size in millimetres, with fonts `cn` and `cn-bold`. */
export function newPdf(widthMm: number, heightMm: number, title: string): Pdf {
  const doc = new PDFDocument({ size: [widthMm * MM, heightMm * MM], margin: 0, autoFirstPage: false, info: { Title: title, Producer: 'CountyHub' } });
  const { regular, bold } = chineseFonts();
  doc.registerFont('cn', regular);
  doc.registerFont('cn-bold', bold);
  return doc;
}

export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Draws a QR code as vector squares (sharp on any printer), with its quiet zone inside `sizePt`. */
export function drawQr(doc: Pdf, text: string, x: number, y: number, sizePt: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cells = modules.size + 4;
  const cell = sizePt / cells;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) doc.rect(x + (c + 2) * cell, y + (r + 2) * cell, cell, cell);
  }
  doc.fillColor('#000').fill();
}
