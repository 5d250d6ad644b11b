import { invalidField } from '../../kernel/errors.js';

const HEADER = /^%PDF-[12]\.\d/;
/** The end of a PDF: `startxref`, the offset of the last cross-reference section, `%%EOF`, maybe a line end. */
const TRAILER = /startxref\s+(\d{1,10})\s+%%EOF[\r\n\s]*$/;
/** What that offset must point at: a classic `xref` table or a cross-reference stream object (`12 0 obj`). */
const XREF = /^\s*(xref|\d+\s+\d+\s+obj)/;

/**
 * Refuses (400 `NOT_A_PDF` naming the field) a file that lacks the frame every PDF has: the `%PDF-n.n` header, and
 * in its last kilobyte `startxref`, an offset inside the file that points at a cross-reference section, and `%%EOF`.
 * Not a full parse: enough that renamed or padded data is not kept as a lab report.
 */
export function checkPdf(bytes: Buffer, field: string): void {
  const refuse = () => invalidField(field, 'is not a whole PDF file (header, cross-reference and end marker)', 'NOT_A_PDF');
  if (!HEADER.test(bytes.subarray(0, 8).toString('latin1'))) throw refuse();
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  const offset = Number(TRAILER.exec(tail)?.[1] ?? NaN);
  if (!Number.isInteger(offset) || offset < 8 || offset >= bytes.length) throw refuse();
  if (!XREF.test(bytes.subarray(offset, offset + 64).toString('latin1'))) throw refuse();
}
