import { drawQr, MM, newPdf, pdfBuffer, type Pdf } from './document.js';

export interface Label {
  url: string;
  product: string;
  code: string;
  serial: string | null;
  origin: string;
}

export type LabelFormat = 'a4' | 'thermal';

/** One label's text beside its QR code, shrunk to fit the box. */
function labelText(doc: Pdf, label: Label, x: number, y: number, width: number, small: boolean) {
  const size = small ? 5.6 : 7.5;
  doc.font('cn-bold').fontSize(size + 1.5).fillColor('#000').text(label.product, x, y, { width, height: (size + 3) * 2, ellipsis: true });
  doc.font('cn').fontSize(size).fillColor('#262626');
  doc.text(label.origin, { width, height: size * 1.5, ellipsis: true });
  doc.text(`追溯码 ${label.code}`, { width });
  if (label.serial) doc.text(`编号 ${label.serial}`, { width });
  doc.fillColor('#595959').text('扫码溯源 Scan to trace', { width });
}

/**
 * Label sheets: A4 with 3 × 8 labels of 70 × 37 mm (the common 24-up sheet), or one 50 × 30 mm thermal label per
 * page for a label printer.
 */
export async function labelsPdf(labels: Label[], format: LabelFormat, title: string): Promise<Buffer> {
  if (format === 'thermal') {
    const doc = newPdf(50, 30, title);
    for (const label of labels) {
      doc.addPage();
      drawQr(doc, label.url, 1 * MM, 2 * MM, 26 * MM);
      labelText(doc, label, 27 * MM, 2.5 * MM, 22 * MM, true);
    }
    return pdfBuffer(doc);
  }
  const doc = newPdf(210, 297, title);
  const [cols, rows, w, h, marginX, marginY] = [3, 8, 70, 37, 0, 0.5];
  labels.forEach((label, i) => {
    const slot = i % (cols * rows);
    if (slot === 0) doc.addPage();
    const x = (marginX + (slot % cols) * w) * MM;
    const y = (marginY + Math.floor(slot / cols) * h) * MM;
    drawQr(doc, label.url, x + 2 * MM, y + 3.5 * MM, 30 * MM);
    labelText(doc, label, x + 32 * MM, y + 4 * MM, 35 * MM, false);
  });
  return pdfBuffer(doc);
}
