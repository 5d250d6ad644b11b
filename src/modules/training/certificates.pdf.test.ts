import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/api/reports-pdf-text.js';
import { certificatePdf } from './certificates.pdf.js';

describe('the certificate PDF', () => {
  // Verify codes are random letters: some hold "fi", "ff" or "fl", which the font draws as one glyph (ﬁ); the PDF's
  // text map must give them back as the letters, so the address copied from the PDF opens.
  it.each(['hEN76O6RqfisuFLO54AmIQ', 'abffiflAVTo9', 'ffffflfi'])('reads the verify address %s back as its letters', async (code) => {
    const url = `https://ludian.example.cn/c/${code}`;
    const pdf = await certificatePdf({
      holder: '张建华',
      idNumberMasked: '5306**********1028',
      courseTitle: 'Office 与 fintech 入门',
      trackName: '干部和企业负责人',
      levelName: null,
      hours: 1.5,
      online: false,
      issuedOn: '2026-06-01',
      organiser: null,
      number: 'PX530621-2026-000003',
      url,
    });
    expect(pdfText(pdf)).toContain(url);
  });
});
