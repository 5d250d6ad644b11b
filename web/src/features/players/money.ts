/** Whole yuan, plain ("1234") or in groups of three ("1,234"); a comma anywhere else ("12,50") is no amount. */
const YUAN_TEXT = /^(\d{1,10}|\d{1,3}(?:,\d{3})+)(?:\.(\d{0,2}))?$/;

/** Yuan as typed ("1234.5", "1,234.56", "1，234") to whole fen, exactly: the text is parsed as digits, never as a float. */
export function yuanTextToFen(text: string | undefined): number | null {
  const match = YUAN_TEXT.exec((text ?? '').trim().replace(/，/g, ','));
  if (!match) return null;
  const whole = match[1].replace(/,/g, '');
  if (whole.length > 10) return null;
  return Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The last ended month in Asia/Shanghai, 'YYYY-MM'. */
export function lastMonth(now = new Date()): string {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}
